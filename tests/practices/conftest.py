"""Fixtures of the library tests: proposals a tutor approved, through the real proposals app."""
import itertools

import pytest

from puentes_proposals import api as proposals

COURSES = {"es": "course-v1:OAS+PUENTES-ES+2027", "pt": "course-v1:OAS+PUENTES-PT+2027",
           "en": "course-v1:OAS+PUENTES-EN+2027"}
TEMPLATE = [
    {"id": "title", "type": "short_text", "title": "Project title", "required": True},
    {"id": "thematic_area", "type": "choice", "title": "Thematic area", "required": True,
     "choices": [{"value": "reception", "label": "Reception"}, {"value": "education", "label": "Education"},
                 {"value": "employment", "label": "Employment"}]},
    {"id": "problem", "type": "long_text", "title": "Problem", "required": True},
    {"id": "objectives", "type": "long_text", "title": "Objectives", "required": False},
    {"id": "activities", "type": "long_text", "title": "Activities", "required": False},
    {"id": "partners", "type": "long_text", "title": "Partners", "required": False},
    {"id": "indicators", "type": "indicators", "title": "Indicators", "required": False},
    {"id": "budget", "type": "budget", "title": "Budget", "required": True},
]
_numbers = itertools.count(1)


def approved_proposal(learner, tutor, *, language="es", title="Ventanilla única de acogida",
                      area="reception", problem="<p>Llegan <b>trescientas familias</b> por mes a la ciudad.</p>",
                      objectives="<p>Orientar a cada familia en su primera semana.</p>",
                      activities="<ul><li>Abrir una ventanilla</li><li>Formar al personal</li></ul>",
                      unit_cost="40000", approve=True):
    """A proposal of `learner`'s team with every section the library reads, approved by `tutor`."""
    n = next(_numbers)
    course = COURSES[language]
    block = f"block-v1:OAS+PUENTES-{language.upper()}+2027+type@puentes_proposal+block@final{n}"
    proposal = proposals.start_proposal(course, block, learner.id, f"anon-{learner.id}-{n}")
    proposals.save_answers(proposal.proposal_id, learner.id, [
        {"section": "title", "value": title, "base_revision": 0},
        {"section": "thematic_area", "value": area, "base_revision": 0},
        {"section": "problem", "value": problem, "base_revision": 0},
        {"section": "objectives", "value": objectives, "base_revision": 0},
        {"section": "activities", "value": activities, "base_revision": 0},
        {"section": "partners", "value": "<p>ACNUR, OIM y la universidad local.</p>", "base_revision": 0},
        {"section": "indicators", "value": [{"name": "Familias orientadas", "baseline": "0", "target": "1200"}],
         "base_revision": 0},
        {"section": "budget", "value": [{"item": "Personal", "quantity": 1, "unit_cost": unit_cost}],
         "base_revision": 0}], TEMPLATE)
    proposals.submit(proposal.proposal_id, learner.id, TEMPLATE, f"anon-{learner.id}-{n}", 3, None)
    if approve:
        proposals.start_review(proposal.proposal_id, tutor.id)
        review = proposals.record_review(proposal.proposal_id, tutor.id, decision="approved", points_earned=9,
                                         points_possible=10)
        proposals.send_review(review.review_id, tutor.id)
    return proposal.proposal_id


@pytest.fixture
def people(make_user):
    return {"ana": make_user("ana", email="ana@example.org"), "bruno": make_user("bruno"),
            "carla": make_user("carla"), "moderator": make_user("mod", is_staff=True),
            "stranger": make_user("stranger")}


def share(proposal_id, user, **overrides):
    from puentes_practices import api
    fields = {"language": "es", "groups": ["refugees", "children"], "municipality": "Cúcuta", "country": "CO",
              "contact_email": "", "wants_contact": False, "in_network": True}
    fields.update(overrides)
    return api.share_proposal(proposal_id, user, **fields)


def published(proposal_id, people, **overrides):
    """An approved proposal shared by its team and published by a moderator."""
    from puentes_practices import api
    practice = share(proposal_id, people["ana"], **overrides)
    return api.publish(practice.practice_id, people["moderator"])
