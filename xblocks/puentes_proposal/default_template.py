"""The proposal template a new block starts with: what a municipal integration project must show.

Its sections are the rulebook's (puentes_core/rulebook.toml, `[proposal] sections`), in the same
order, so the form asks for everything the jury scores; tests/proposals/test_sections.py checks it.

Titles, help and choice labels are English msgids, marked with `_` for extraction and translated
when the block renders, so the same default reads in Spanish and Portuguese. Once a course team
edits the template in Studio, their own words are shown as written.
"""


def _(text):
    """Mark for extraction; translated at render time by the block's i18n service."""
    return text


THEMATIC_AREAS = [
    {"value": "reception", "label": _("Reception, documentation and access to services")},
    {"value": "employment", "label": _("Employment and socio-economic integration")},
    {"value": "protection", "label": _("Social protection and health")},
    {"value": "education", "label": _("Education")},
    {"value": "psychosocial", "label": _("Psychosocial support and gender-based violence")},
    {"value": "interculturality", "label": _("Interculturality and prevention of xenophobia")},
    {"value": "governance", "label": _("Local governance, coordination and networks of cities")},
]

DEFAULT_SECTIONS = [
    {"id": "title", "type": "short_text", "required": True, "title": _("Project title"),
     "help": _("A short name your municipality will use for the project.")},
    {"id": "thematic_area", "type": "choice", "required": True, "title": _("Thematic area"),
     "help": _("The course module your project builds on most."), "choices": THEMATIC_AREAS},
    {"id": "problem", "type": "long_text", "required": True, "min_words": 80, "max_words": 600,
     "title": _("Problem and context"),
     "help": _("What situation do migrants, refugees and the host community face in your municipality? "
               "Use local data where you have it.")},
    {"id": "target_population", "type": "long_text", "required": True, "min_words": 40, "max_words": 400,
     "title": _("Target population"),
     "help": _("Who takes part and benefits: migrants, asylum seekers, refugees, the host community; "
               "by gender, age, indigenous peoples and other groups. Give numbers.")},
    {"id": "objectives", "type": "long_text", "required": True, "min_words": 20, "max_words": 300,
     "title": _("Objectives"), "help": _("The general objective and two or three specific objectives.")},
    {"id": "innovation", "type": "long_text", "required": True, "min_words": 30, "max_words": 400,
     "title": _("What is new"),
     "help": _("What your municipality has not done before, or does differently here, and why you expect it "
               "to work better.")},
    {"id": "activities", "type": "long_text", "required": True, "min_words": 60, "max_words": 600,
     "title": _("Activities"), "help": _("What you will do, who does it and in which order.")},
    {"id": "timeline", "type": "date_range", "required": True, "title": _("Timeline"),
     "help": _("When the project starts and ends.")},
    {"id": "budget", "type": "budget", "required": True, "title": _("Budget"),
     "help": _("One line per cost: item, quantity and unit cost. The total is computed for you.")},
    {"id": "partners", "type": "long_text", "required": False, "max_words": 300, "title": _("Partners"),
     "help": _("Organisations that work with you: civil society, international agencies, universities, "
               "the private sector, other levels of government.")},
    {"id": "participation", "type": "long_text", "required": True, "min_words": 30, "max_words": 400,
     "title": _("Participation of migrants and the host community"),
     "help": _("How both take part in designing, running and evaluating the project.")},
    {"id": "gender_diversity", "type": "long_text", "required": True, "min_words": 30, "max_words": 400,
     "title": _("Gender and diversity approach"),
     "help": _("How the project reaches women, children, older people, LGBTIQ+ people, people with "
               "disabilities and indigenous peoples, and prevents gender-based violence.")},
    {"id": "sustainability", "type": "long_text", "required": True, "min_words": 30, "max_words": 400,
     "title": _("Sustainability"), "help": _("What remains after the project ends, and who pays for it.")},
    {"id": "replicability", "type": "long_text", "required": True, "min_words": 30, "max_words": 400,
     "title": _("Replicability"),
     "help": _("What another municipality would need to adapt the project: conditions, costs, steps, and the "
               "materials you will share.")},
    {"id": "indicators", "type": "indicators", "required": True, "title": _("Indicators"),
     "help": _("How you will measure results: each indicator with its baseline and target.")},
    {"id": "risks", "type": "long_text", "required": True, "min_words": 20, "max_words": 300,
     "title": _("Risks"), "help": _("What could go wrong and how you will respond.")},
    {"id": "documents", "type": "attachments", "required": True, "title": _("Letter of support and other documents"),
     "help": _("Required: a letter of support signed by the head of your local government (mayor, prefeito or "
               "equivalent). Add maps, photos or spreadsheets if they help (PDF, images, office documents).")},
]
