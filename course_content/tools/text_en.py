"""The working tools in English."""

TOOLS = {
    "problem_tree": {
        "file": "puentes_problem_tree.docx",
        "title": "Problem tree",
        "intro": [
            "Write the central problem in the middle, its causes below and its effects above. Keep asking "
            "\"why?\" until you reach causes your municipality can act on, and back each box with data and "
            "its source. The example row shows the level of detail; replace it with your own.",
            "Your tree goes into the proposal's \"Problem and context\" section; the causes you choose to "
            "tackle become your specific objectives (Module 10).",
        ],
        "columns": ["What", "Evidence (figure, source, year)", "Can the municipality act on it? How?"],
        "levels": [
            {"name": "Effects", "question": "What happens because of the problem, to newcomers and to the host "
             "community?", "blank_rows": 3,
             "example": ["Children fall behind and some start working", "School social worker's records, 2026",
                         "Indirectly: through the schools and social services"]},
            {"name": "Central problem", "question": "One sentence: who, where, how many, since when.",
             "blank_rows": 1,
             "example": ["About 300 school-age children in one neighbourhood are out of school",
                         "Door-to-door survey with the neighbourhood board, 2026", "Yes: it is the project's focus"]},
            {"name": "Direct causes", "question": "Why does the problem happen?", "blank_rows": 3,
             "example": ["The nearest school with places is 5 km away and there is no transport",
                         "Education office, places per school, 2026", "Yes: school transport agreement"]},
            {"name": "Root causes", "question": "Why do the direct causes happen?", "blank_rows": 3,
             "example": ["School secretaries ask for documents the law does not require",
                         "Complaints to the ombudsman, 2025-2026", "Yes: written instruction and training"]},
        ],
        "checks_title": "Before you move on",
        "checks": [
            "Each box is one idea, written as a negative situation, not as a missing solution.",
            "Each cause is backed by data or by what the people concerned told you.",
            "You have marked the causes the municipality can act on, and chosen two or three.",
            "Migrants, refugees and host residents looked at the tree before you chose.",
        ],
    },
    "logical_framework": {
        "file": "puentes_logical_framework.xlsx",
        "sheet": "Logical framework",
        "title": "Logical framework",
        "intro": "One row per level. Read it upwards: if the activities happen, the outputs exist; if the outputs "
                 "exist and the assumptions hold, the purpose is reached. Every indicator has a baseline, a target "
                 "and a source. The yellow cells show an example: replace them with your project.",
        "columns": ["Level", "Summary", "Indicators (baseline → target)", "Means of verification", "Assumptions"],
        "levels": [
            {"name": "Goal", "example": ["Children of migrant, refugee and host families in the neighbourhood complete "
                                         "school", "Completion rate of lower secondary: 61% → 75% in 3 years",
                                         "Education office statistics", "National enrolment rules stay in force"]},
            {"name": "Purpose", "example": ["Out-of-school children are enrolled and attend regularly",
                                            "Children enrolled: 0 → 250 of 300 in one school year; attendance ≥ 85%",
                                            "School registers, monthly", "Families stay in the municipality"]},
            {"name": "Outputs", "example": ["School transport runs; secretaries enrol children without documents",
                                            "Routes in service: 0 → 2; secretaries trained: 0 → 12",
                                            "Transport contract; training attendance lists",
                                            "The transport company keeps its prices"]},
            {"name": "Activities", "example": ["Sign the transport agreement; issue the enrolment instruction; train "
                                               "secretaries; door-to-door enrolment days",
                                               "Budget spent as planned (see the budget spreadsheet)",
                                               "Municipal accounts", "The council approves the co-funding"]},
        ],
    },
    "budget": {
        "file": "puentes_budget.xlsx",
        "sheet": "Budget",
        "title": "Project budget",
        "intro": "Type each cost in the yellow cells: quantity and unit cost give the total, and what the prize and "
                 "partners do not pay is the municipality's share. Totals, the prize's share and the totals by "
                 "category are formulas: do not type over them. Use your proposal's currency and local prices.",
        "columns": ["Item", "Category", "Unit", "Quantity", "Unit cost", "Total", "Paid by the prize",
                    "Paid by the municipality", "Paid by partners"],
        "categories": ["Staff", "Services", "Equipment", "Materials", "Travel", "Communication", "Other"],
        "category_error": "Choose a category from the list.",
        "amount_error": "Type a number of zero or more.",
        "lines": [
            ["Cultural mediator (part time)", "Staff", "month", 12, 900, 5400, 0],
            ["School transport route", "Services", "month", 10, 1500, 9000, 6000],
            ["Training for school secretaries", "Services", "session", 4, 350, 1400, 0],
            ["Information leaflets in two languages", "Communication", "leaflet", 2000, 0.25, 0, 0],
        ],
        "total": "Total",
        "prize_share": "Share paid by the prize",
        "by_category": "Total by category",
        "note": "The tutor and the jury check that unit costs match local prices and that the municipality's and "
                "partners' shares are committed. Keep the quotes you used.",
    },
    "referral_pathway": {
        "file": "puentes_referral_pathway.xlsx",
        "sheet": "Referral pathway",
        "title": "Referral pathway",
        "intro": "For each situation, write where people first arrive, which service takes over, how to reach it, "
                 "and what protects the person on the way. Check every contact by phone before you print the "
                 "pathway, and review it every six months. The first row shows what to write.",
        "columns": ["Situation", "Entry point", "Service and office in charge", "Contact and hours",
                    "Next step and who goes along", "Safeguards"],
        "hints": ["Health centre, school, municipal desk, shelter, organisation", "Name of the service and the office",
                  "Phone, address, opening hours", "Who calls, who accompanies, in what time",
                  "Consent, confidentiality, interpreter; migration status is never a condition"],
        "situations": [
            "Survivor of gender-based violence",
            "Unaccompanied or separated child",
            "Person who fears returning to their country (may need international protection)",
            "Medical emergency or pregnancy",
            "Person without documents who needs to regularise their status",
            "Possible victim of trafficking",
            "Older person or person with a disability on their own",
        ],
    },
    "contingency_plan": {
        "file": "puentes_contingency_plan.docx",
        "title": "Contingency plan for sudden arrivals",
        "intro": [
            "A plan agreed in advance lets a municipality protect lives in the first days of a sudden arrival "
            "and ask for help on time. Fill it in with the coordination table, test it once a year, and "
            "review it after each time you use it.",
        ],
        "sections": [
            {"name": "Scenarios and triggers", "guidance": "Which situations activate the plan, and who decides.",
             "columns": ["Scenario", "Trigger (what and how many)", "Who activates the plan"],
             "rows": [["Many people arriving on foot in cold weather", "More than 100 arrivals a day for two days",
                       "Mayor, on the focal point's advice"]]},
            {"name": "Focal point and coordination table", "guidance": "One person in charge and every "
             "organisation at the table, with a 24-hour contact.",
             "columns": ["Organisation", "Role in the response", "Contact (24 hours)"], "blank_rows": 6},
            {"name": "Sites and supplies", "guidance": "Shelter sites agreed in advance, and the stocks you keep.",
             "columns": ["Site or item", "Capacity or quantity", "Where it is", "Who holds the key or stock"]},
            {"name": "Transport and referral", "guidance": "Agreements for onward transport, and the referral "
             "pathway for children, survivors of violence and people who may need asylum."},
            {"name": "Information in the languages people speak", "guidance": "What newcomers need to know, in "
             "which languages, by which channels, and who translates."},
            {"name": "The host community", "guidance": "How neighbours are informed and involved, and how the "
             "municipality compensates the use of their goods and buys locally."},
            {"name": "Data and costs", "guidance": "What is recorded, how personal data are protected, and how "
             "needs and costs are documented to request national support."},
            {"name": "Review", "guidance": "When the plan is tested and reviewed, and what changed last time.",
             "columns": ["Date", "What happened", "What we change"]},
        ],
    },
}
