"""H1: roles count only in their own course. Staff or tutors of one course reach nothing of another's,
whatever ids they send (ids are sequential, so guessing them is free)."""
import json
from urllib.parse import quote

import pytest
from webob import Request

from tests.helpers import get, post_json

from .conftest import PDF, block_xml

pytestmark = pytest.mark.django_db


@pytest.fixture
def en_proposal_with_file(two_courses, make_user, course_key, media):
    """An English-course proposal by ana with one attachment: (proposal id, attachment id)."""
    en, _ = two_courses
    ana = make_user("ana", "student", course_key)
    block = en.block(en.parse(block_xml()), ana)
    status, started = post_json(block, "start")
    assert status == 200
    request = Request.blank("/upload/", POST={"section": "documents", "file": ("carta.pdf", PDF)})
    uploaded = json.loads(block.runtime.handle(block, "upload", request, "").body)
    return started["proposal_id"], uploaded["attachment"]["id"]


def test_staff_of_another_course_cannot_download_a_proposals_file(two_courses, make_user, other_course,
                                                                   course_key, en_proposal_with_file):
    proposal_id, attachment_id = en_proposal_with_file
    en, es = two_courses
    elena = make_user("elena", "staff", other_course)
    es_block = es.block(es.parse(block_xml()), elena)
    response = get(es_block, "attachment", str(attachment_id), f"proposal={proposal_id}")
    assert response.status_code == 404 and PDF not in response.body
    # The same person with the same ids, as staff of the proposal's own course, gets the file.
    make_user("elena", "staff", course_key)
    en_block = en.block(en.parse(block_xml()), elena)
    response = get(en_block, "attachment", str(attachment_id), f"proposal={proposal_id}")
    assert response.status_code == 200 and response.body == PDF


def test_tutor_of_another_course_cannot_download_or_open_a_proposal(two_courses, make_user, other_course,
                                                                  en_proposal_with_file):
    from puentes_proposals import api
    proposal_id, attachment_id = en_proposal_with_file
    _, es = two_courses
    tomas = make_user("tomas", "student", other_course)
    api.grant_tutor(other_course, tomas.id)
    es_block = es.block(es.parse(block_xml()), tomas)
    assert get(es_block, "attachment", str(attachment_id), f"proposal={proposal_id}").status_code == 404
    review = es.block(es.parse("<puentes_tutor_review url_name='review'/>"), tomas)
    response = get(review, "attachment", "", f"proposal_id={proposal_id}&attachment_id={attachment_id}")
    assert response.status_code == 400 and PDF not in response.body
    status, body = post_json(review, "claim", {"proposal_id": proposal_id})
    assert status == 400 and "no such proposal" in body["error"]


@pytest.mark.parametrize("asked", ["²", "٣", "1_0", "-1", "0", "9" * 30, "1e3", " "])
def test_ids_are_parsed_strictly(two_courses, make_user, course_key, en_proposal_with_file, asked):
    """Unicode digits, underscores, signs and numbers too large for a key are not ids: 404, never a 500."""
    en, _ = two_courses
    ana = make_user("ana", "student", course_key)
    block = en.block(en.parse(block_xml()), ana)
    assert block.runtime.handle(block, "attachment", Request.blank("/attachment/"), asked).status_code == 404
    assert get(block, "attachment", "1", f"proposal={quote(asked)}").status_code == 404


def test_the_read_rule():
    from puentes_proposals.rules import may_read
    assert may_read(True, True, False, False) and may_read(True, False, True, False)
    assert may_read(True, False, False, True)
    assert not may_read(False, True, True, True)   # another course's proposal: nobody
    assert not may_read(True, False, False, False)
