"""Fixtures for the review tests: a proposal block and a review block in the test course, tutors, proposals."""
import json

import pytest

TEMPLATE = [
    {"id": "title", "type": "short_text", "title": "Title", "required": True},
    {"id": "problem", "type": "long_text", "title": "Problem", "required": True},
    {"id": "thematic_area", "type": "choice", "title": "Thematic area", "required": True,
     "choices": [{"value": "education", "label": "Education"}, {"value": "employment", "label": "Employment"}]},
    {"id": "country", "type": "choice", "title": "Country", "required": False,
     "choices": [{"value": "AR", "label": "Argentina"}, {"value": "BR", "label": "Brasil"}]},
    {"id": "documents", "type": "attachments", "title": "Documents", "required": False},
]


def answers(title="Casa de acogida", problem="<p>Families arrive without documents and wait weeks.</p>",
            area="education", country="AR"):
    return {"title": title, "problem": problem, "thematic_area": area, "country": country}


@pytest.fixture
def people(make_user, course_key):
    from puentes_proposals import api
    found = {name: make_user(name, role, course_key, email=f"{name}@example.org", first_name=name.title())
             for name, role in [("ana", "student"), ("bruno", "student"), ("carla", "student"),
                                ("tina", "student"), ("diego", "staff"), ("lucia", "student"), ("pablo", "student")]}
    api.grant_tutor(course_key, found["carla"].id)
    api.grant_tutor(course_key, found["tina"].id)
    return found


@pytest.fixture
def proposal_block(load_block, people):
    return load_block.parse(f"<puentes_proposal url_name='proposal' sections='{json.dumps(TEMPLATE)}' "
                            f"max_versions='0' max_team_size='3'/>")


@pytest.fixture
def review_block(load_block, proposal_block):
    return load_block.parse("<puentes_tutor_review url_name='review' tutors='[\"lucia\"]'/>")


@pytest.fixture
def review_as(load_block, review_block, people):
    def as_user(name, usage_id=None):
        return load_block.block(usage_id or review_block, people[name])
    return as_user


@pytest.fixture
def submit(people, proposal_block, course_key):
    """submit(name, **answers) -> proposal id: a team of one that saved and submitted its proposal."""
    from puentes_demo.runtime import anonymous_id_for
    from puentes_proposals import api

    def submit_as(name, proposal_id=None, **values):
        user = people[name]
        anonymous_id = anonymous_id_for(user.id, course_key)
        if proposal_id is None:
            proposal_id = api.start_proposal(course_key, proposal_block, user.id, anonymous_id).proposal_id
        revision = api.get_proposal(proposal_id).revision
        changes = [{"section": key, "value": value, "base_revision": revision}
                   for key, value in answers(**values).items()]
        api.save_answers(proposal_id, user.id, changes, TEMPLATE)
        api.submit(proposal_id, user.id, TEMPLATE, anonymous_id, max_versions=0, last_moment=None)
        return proposal_id

    return submit_as


@pytest.fixture
def studio_as(load_block, review_block, people):
    """The review block in Studio's editor, for one of the people."""
    def as_user(name, usage_id=None):
        return load_block.studio(usage_id or review_block, people[name])
    return as_user
