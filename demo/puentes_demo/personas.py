"""The demo users, one per role, with the path each one follows through the course."""
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

AWARD_EDITION = "premio-puentes-2027"  # the demo competition (loading.ensure_award_edition)
NEEDS_INSTRUMENT = "puentes-needs-2027"  # the courses' needs assessment (assessment.py seeds its answers)

PERSONAS = [
    {"username": "ana", "password": "puentes-ana", "role": "student", "persona": "learner",
     "name": "Ana Martínez", "title": _("Learner"),
     "path": _("Plays the case studies, writes her city's project proposal with Bruno, submits it.")},
    {"username": "bruno", "password": "puentes-bruno", "role": "student", "persona": "learner",
     "name": "Bruno Souza", "title": _("Second learner"),
     "path": _("Is in Ana's municipal team (the course's Teams tab) and edits the proposal with her; leaving and "
               "joining the team again in the Teams tab shows in the proposal's team history.")},
    {"username": "carla", "password": "puentes-carla", "role": "student", "persona": "tutor",
     "name": "Carla Rojas", "title": _("Tutor"),
     "path": _("Claims proposals from the review queue, scores them with the rubric, asks for revisions, approves.")},
    {"username": "diego", "password": "puentes-diego", "role": "staff", "persona": "staff",
     "name": "Diego Pérez", "title": _("Course staff"),
     "path": _("Edits case studies in Studio, watches tutors' workload, exports reflections and proposals.")},
    {"username": "elena", "password": "puentes-elena", "role": "student", "persona": "juror",
     "name": "Elena Costa", "title": _("Juror"),
     "path": _("Scores the competition entries assigned to her, blind, criterion by criterion."),
     "path_url": reverse_lazy("puentes_awards:jury_workspace", args=[AWARD_EDITION]),
     "path_label": _("Continue to the jury workspace")},
    {"username": "fabio", "password": "puentes-fabio", "role": "student", "persona": "organiser",
     "name": "Fabio Lima", "title": _("Competition organiser"),
     "path": _("Runs the award: assigns jurors, reads the ranking, picks finalists, confirms three winners."),
     "path_url": reverse_lazy("puentes_awards:jury_dashboard", args=[AWARD_EDITION]),
     "path_label": _("Continue to the competition dashboard")},
    {"username": "gabriela", "password": "puentes-gabriela", "role": "student", "persona": "analyst",
     "name": "Gabriela Núñez", "title": _("Needs-assessment analyst"),
     "path": _("Reads the regional needs assessment: figures by country and area, exports, the report in three "
               "languages."),
     "path_url": reverse_lazy("puentes_assessment:analysis", args=[NEEDS_INSTRUMENT]),
     "path_label": _("Continue to the needs-assessment analysis")},
]


def usernames():
    return [persona["username"] for persona in PERSONAS]
