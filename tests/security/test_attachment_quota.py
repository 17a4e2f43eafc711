"""M4: attachments no longer only accumulate. A proposal keeps at most PUENTES_ATTACHMENT_MAX_FILES files
and PUENTES_ATTACHMENT_MAX_TOTAL_BYTES bytes; a file removed from the draft that no submitted version lists
is deleted from storage and no longer downloads (before: 30 uploads, 10 removed, all 30 listed and served)."""
import json

import pytest
from webob import Request

from tests.helpers import get, post_json, set_status

from .conftest import PDF, block_xml  # noqa: F401

pytestmark = pytest.mark.django_db


def upload(block, name="carta.pdf", content=PDF):
    request = Request.blank("/upload/", POST={"section": "documents", "file": (name, content)})
    response = block.runtime.handle(block, "upload", request, "")
    return response.status_code, json.loads(response.body)


@pytest.fixture
def ana_block(load_block, make_user, course_key, media):
    ana = make_user("ana", "student", course_key)
    usage = load_block.parse(block_xml())
    assert post_json(load_block.block(usage, ana), "start")[0] == 200
    return lambda: load_block.block(usage, ana)


def files_in_storage(media):
    return sorted(path.name for path in media.rglob("*") if path.is_file())


def test_the_file_count_is_capped_with_a_message(ana_block, settings, media):
    from puentes_proposals.models import Attachment
    settings.PUENTES_ATTACHMENT_MAX_FILES = 3
    for number in range(3):
        assert upload(ana_block(), f"carta-{number}.pdf")[0] == 200
    status, body = upload(ana_block(), "una-mas.pdf")
    assert status == 400 and "at most 3 files" in body["error"] and body["field"] == "documents"
    assert Attachment.objects.count() == 3 and len(files_in_storage(media)) == 3   # the refused file is not kept


def test_the_total_size_is_capped(ana_block, settings, media):
    settings.PUENTES_ATTACHMENT_MAX_TOTAL_BYTES = len(PDF) * 2
    assert upload(ana_block())[0] == 200 and upload(ana_block())[0] == 200
    status, body = upload(ana_block())
    assert status == 400 and "Remove files" in body["error"]
    assert len(files_in_storage(media)) == 2


def test_a_removed_file_is_deleted_and_no_longer_downloads(ana_block, settings, media,
                                                           django_capture_on_commit_callbacks):
    from puentes_proposals.models import Attachment
    settings.PUENTES_ATTACHMENT_MAX_FILES = 30
    ids = [upload(ana_block(), f"carta-{number}.pdf")[1]["attachment"]["id"] for number in range(30)]
    revision = json.loads(get(ana_block(), "state").body)["revision"]
    kept = ids[10:]
    with django_capture_on_commit_callbacks(execute=True):   # files go once the save commits
        status, _ = post_json(ana_block(), "save_draft", {"changes": [
            {"section": "documents", "value": kept, "base_revision": revision}]})
    assert status == 200
    assert sorted(Attachment.objects.values_list("id", flat=True)) == kept
    assert len(files_in_storage(media)) == 20
    assert get(ana_block(), "attachment", str(ids[0])).status_code == 404
    assert get(ana_block(), "attachment", str(ids[10])).status_code == 200
    # Room again for ten more.
    assert upload(ana_block())[0] == 200


def test_a_file_a_submitted_version_lists_is_kept(ana_block, media, course_key, people_ids,
                                                  django_capture_on_commit_callbacks):
    from puentes_demo.runtime import anonymous_id_for
    from puentes_proposals import api

    from .conftest import COMPLETE_ANSWERS, SMALL_TEMPLATE
    first = upload(ana_block())[1]["attachment"]["id"]
    proposal_id = json.loads(get(ana_block(), "state").body)["proposal_id"]
    ana = people_ids["ana"]
    revision = api.get_proposal(proposal_id).revision
    api.save_answers(proposal_id, ana, [{"section": key, "value": value, "base_revision": revision}
                                        for key, value in COMPLETE_ANSWERS.items()], SMALL_TEMPLATE)
    api.submit(proposal_id, ana, SMALL_TEMPLATE, anonymous_id_for(ana, course_key), max_versions=0,
               last_moment=None)
    set_status(proposal_id, "revision_requested")   # the tutor asked for one
    revision = api.get_proposal(proposal_id).revision
    with django_capture_on_commit_callbacks(execute=True):
        status, _ = post_json(ana_block(), "save_draft", {"changes": [
            {"section": "documents", "value": [], "base_revision": revision}]})
    assert status == 200
    assert len(files_in_storage(media)) == 1   # the tutor still compares against version 1's file
    assert get(ana_block(), "attachment", str(first)).status_code == 200


@pytest.fixture
def people_ids(make_user, course_key):
    return {"ana": make_user("ana", "student", course_key).id}


def test_the_quota_rules():
    from puentes_proposals.rules import may_attach, unreferenced
    assert may_attach(2, 100, 10, 3, 200) and not may_attach(3, 0, 1, 3, 0)
    assert may_attach(3, 0, 1, 0, 0)   # 0 means no limit
    assert may_attach(1, 150, 60, 3, 200).reason == "quota_full"
    assert unreferenced({1, 2, 3}, {2, 5}) == {1, 3}
