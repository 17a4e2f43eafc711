"""The demo's library of good practices, filled from the demo competition's entries as an organiser and a
moderator would: Fabio adds the entries (two with a mention), Diego moderates (groups served, publishing)."""
from django.contrib.auth import get_user_model

from . import personas

# Thematic area -> the groups a moderator would tick for the demo entries (their snapshots carry none).
GROUPS_BY_AREA = {
    "reception": ["refugees", "migrants"], "employment": ["migrants", "women_girls", "host_community"],
    "education": ["children"], "interculturality": ["host_community", "migrants"],
    "psychosocial": ["women_girls", "gbv_survivors", "returnees"], "protection": ["migrants", "women_girls"],
    "governance": ["migrants", "host_community"],
}
MENTIONS = ("Arica", "Georgetown")
NOT_IN_NETWORK = ("Medellín",)   # one team chose not to be listed in the directory


def ensure_library():
    """Idempotent: entries already in the library are left as they are."""
    from puentes_awards import api as awards_api
    from puentes_practices import api as practices_api
    users = get_user_model().objects
    organiser, moderator = users.get(username="fabio"), users.get(username="diego")
    practices_api.grant_moderator(moderator)
    for entry in awards_api.entries_for_library(personas.AWARD_EDITION, organiser) or []:
        if practices_api.practice_for_proposal(entry.snapshot["proposal_id"]) is not None:
            continue
        award = "mention" if entry.municipality in MENTIONS else ""
        practice = practices_api.add_entry(personas.AWARD_EDITION, entry.uuid, organiser, award=award)
        practices_api.edit(practice.practice_id, moderator, summary=practice.summary,
                           groups=GROUPS_BY_AREA.get(next(iter(practice.areas), ""), ["migrants"]),
                           areas=practice.areas, budget_band=practice.budget_band)
        practices_api.list_in_network(practice.practice_id, moderator, entry.municipality not in NOT_IN_NETWORK)
        practices_api.publish(practice.practice_id, moderator)
