"""Fixtures for the proposal tests: a small template, a block in the test course, a team, a filled draft."""
import json

import pytest
from opaque_keys.edx.keys import UsageKey

from puentes_proposals import api

SMALL_TEMPLATE = [
    {"id": "title", "type": "short_text", "title": "Title", "required": True},
    {"id": "problem", "type": "long_text", "title": "Problem", "required": True, "min_words": 5, "max_words": 50},
    {"id": "area", "type": "choice", "title": "Area", "required": True,
     "choices": [{"value": "education", "label": "Education"}, {"value": "employment", "label": "Employment"}]},
    {"id": "budget", "type": "budget", "title": "Budget", "required": True},
    {"id": "dates", "type": "date_range", "title": "Dates", "required": False},
    {"id": "indicators", "type": "indicators", "title": "Indicators", "required": False},
    {"id": "documents", "type": "attachments", "title": "Documents", "required": False},
]

COMPLETE_ANSWERS = {
    "title": "Casa de acogida",
    "problem": "<p>Families arrive without documents and wait weeks for help.</p>",
    "area": "education",
    "budget": [{"item": "Mediators", "quantity": 2, "unit_cost": 1500}],
}

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
       b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def block_xml(url_name="proposal", **attrs):
    fields = {"sections": json.dumps(SMALL_TEMPLATE), "max_team_size": "3", "max_versions": "2", **attrs}
    rendered = " ".join(f"{name}='{value}'" for name, value in fields.items())
    return f"<puentes_proposal url_name='{url_name}' {rendered}/>"


@pytest.fixture
def people(make_user, course_key):
    return {name: make_user(name, role, course_key, email=f"{name}@example.org", first_name=name.title())
            for name, role in [("ana", "student"), ("bruno", "student"), ("carol", "student"),
                               ("dora", "student"), ("diego", "staff"), ("tutor", "student")]}


@pytest.fixture
def proposal_block(load_block, people):
    """Usage id of a proposal block with the small template."""
    return load_block.parse(block_xml())


@pytest.fixture
def block_as(load_block, proposal_block, people):
    def as_user(name, usage_id=None):
        return load_block.block(usage_id or proposal_block, people[name])
    return as_user


@pytest.fixture
def studio_as(load_block, proposal_block, people):
    """The proposal block in Studio's editor, for one of the people."""
    def as_user(name, usage_id=None):
        return load_block.studio(usage_id or proposal_block, people[name])
    return as_user


@pytest.fixture
def block_key(course_key):
    return UsageKey.from_string(f"block-v1:{course_key.org}+{course_key.course}+{course_key.run}"
                                "+type@puentes_proposal+block@p1")


@pytest.fixture
def team(people, course_key, block_key):
    proposal = api.start_proposal(course_key, block_key, people["ana"].id, "anon-ana")
    api.join_with_code(block_key, proposal.invitation_code, people["bruno"].id, "anon-bruno", 3)
    return proposal


def fill(proposal_id, user_id, answers=COMPLETE_ANSWERS, base=0):
    return api.save_answers(proposal_id, user_id, [{"section": k, "value": v, "base_revision": base}
                                                   for k, v in answers.items()], SMALL_TEMPLATE)
