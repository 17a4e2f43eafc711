"""Workbench scenarios: the demo shows one per language (titles end in the language code)."""

SCENARIOS = [
    ("Project proposal (en)",
     '<puentes_proposal url_name="proposal_en" display_name="Project proposal" max_team_size="4"/>'),
    ("Propuesta de proyecto (es)",
     '<puentes_proposal url_name="proposal_es" display_name="Propuesta de proyecto" max_team_size="4"/>'),
    ("Proposta de projeto (pt)",
     '<puentes_proposal url_name="proposal_pt" display_name="Proposta de projeto" max_team_size="4" '
     'currency="BRL"/>'),
]
