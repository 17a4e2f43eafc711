"""Defaults every site gets; an operator's (or another plugin's) values always win."""

DEFAULTS = {
    # Where "discuss this practice" goes: the course's discussion topic for the practice's thematic area.
    # {course_id} and {discussion_id} are filled in; the default is the Discussions MFE's topic page.
    "PUENTES_PRACTICES_DISCUSSION_URL": "{discussions_mfe}/{course_id}/topics/{discussion_id}",
    # Thematic area -> the discussion_id of the course module that treats it (the shipped courses' ids).
    "PUENTES_PRACTICES_DISCUSSION_TOPICS": {
        "reception": "puentes_m03", "employment": "puentes_m04", "protection": "puentes_m05",
        "education": "puentes_m06", "psychosocial": "puentes_m07", "interculturality": "puentes_m08",
        "governance": "puentes_m09",
    },
    "PUENTES_PRACTICES_PAGE_SIZE": 20,
}


def plugin_settings(settings):
    for name, value in DEFAULTS.items():
        if not hasattr(settings, name):
            setattr(settings, name, value)
