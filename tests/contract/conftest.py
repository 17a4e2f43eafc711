"""The platform's contract, reproduced: each test names the openedx-platform (or XBlock, completion,
edx-submissions, Tutor) file whose behaviour it reproduces, and the demo runtime must behave so."""
import json

import pytest

from tests.casestudy.conftest import CASE

TEMPLATE = [
    {"id": "title", "type": "short_text", "title": "Title", "required": True},
    {"id": "problem", "type": "long_text", "title": "Problem", "required": True},
    {"id": "documents", "type": "attachments", "title": "Documents", "required": False},
]


@pytest.fixture
def people(make_user, course_key):
    return {name: make_user(name, role, course_key, email=f"{name}@example.org")
            for name, role in [("ana", "student"), ("bruno", "student"), ("carla", "student"),
                               ("diego", "staff"), ("ines", "instructor")]}


@pytest.fixture
def case_id(load_block):
    return load_block.parse(CASE)


@pytest.fixture
def proposal_id(load_block):
    return load_block.parse(f"<puentes_proposal url_name='proposal' sections='{json.dumps(TEMPLATE)}' "
                            f"max_team_size='3' max_versions='0'/>")


@pytest.fixture
def review_id(load_block, proposal_id):
    return load_block.parse("<puentes_tutor_review url_name='review'/>")
