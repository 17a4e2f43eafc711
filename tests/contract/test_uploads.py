"""Attachments on a Tutor site: what refuses a large request before the block, and the parts that pass.

- tutor/templates/apps/caddy/Caddyfile (overhangio/tutor): LMS `request_body { max_size 4MB }`.
- lms/djangoapps/courseware/block_render.py: `_invoke_xblock_handler` runs `_check_files_limits` first
  and answers `JsonResponse({'success': msg}, status=413)` for a file over STUDENT_FILEUPLOAD_MAX_SIZE
  (lms/envs/common.py: 4 * 1000 * 1000).
"""
import json

import pytest
from django.utils import translation
from webob import Request

from puentes_proposals import api
from puentes_proposals.models import Attachment
from tests.helpers import post_json

pytestmark = pytest.mark.django_db

PDF_HEAD = b"%PDF-1.4\n1 0 obj<<>>endobj\n"


def pdf(size):
    body = PDF_HEAD + b"%" * (size - len(PDF_HEAD) - 6)
    return body + b"\n%%EOF"


def multipart(block, handler, fields):
    response = block.runtime.handle(block, handler, Request.blank(f"/{handler}/", POST=fields), "")
    return response.status_code, (json.loads(response.body) if response.body else None)


@pytest.fixture
def started(load_block, proposal_id, people):
    block = load_block.block(proposal_id, people["ana"])
    return post_json(block, "start")[1]["proposal_id"]


def test_the_lms_refuses_a_file_over_its_limit_with_its_own_413(load_block, proposal_id, people, started, settings):
    settings.STUDENT_FILEUPLOAD_MAX_SIZE = 1_000_000  # a site with a lower limit; on Tutor, Caddy refuses first
    block = load_block.block(proposal_id, people["ana"])
    status, body = multipart(block, "upload", {"proposal_id": str(started), "section": "documents",
                                               "file": ("plan.pdf", pdf(1_500_000))})
    assert status == 413 and set(body) == {"success"} and "too large" in body["success"]
    assert not Attachment.objects.exists()


def test_caddy_refuses_any_body_over_4_mb(load_block, proposal_id, people, started):
    block = load_block.block(proposal_id, people["ana"])
    request = Request.blank("/save_draft/", method="POST", body=b"{" + b" " * 4_000_001 + b"}",
                            headers={"Content-Type": "application/json"})
    assert block.runtime.handle(block, "save_draft", request, "").status_code == 413


def send_in_parts(block, proposal, content, name="plan.pdf", section="documents"):
    status, begun = post_json(block, "begin_upload", {"proposal_id": proposal, "section": section, "name": name,
                                                      "size": len(content)})
    assert status == 200, begun
    part_bytes, answer = begun["part_bytes"], None
    for index in range(0, -(-len(content) // part_bytes)):
        status, answer = multipart(block, "upload_part", {
            "proposal_id": str(proposal), "upload": begun["upload"], "index": str(index),
            "part": (name, content[index * part_bytes:(index + 1) * part_bytes])})
        assert status == 200, answer
    return answer


def test_a_file_up_to_the_configured_limit_arrives_in_parts_under_the_caps(load_block, proposal_id, people, started,
                                                                          settings):
    assert settings.PUENTES_ATTACHMENT_MAX_BYTES > settings.STUDENT_FILEUPLOAD_MAX_SIZE
    content = pdf(settings.PUENTES_ATTACHMENT_MAX_BYTES - 1000)
    block = load_block.block(proposal_id, people["ana"])
    answer = send_in_parts(block, started, content)
    attachment = answer["attachment"]
    assert attachment["size"] == len(content)
    record, handle = api.attachment_for_download(attachment["id"], started)
    with handle:
        assert handle.read() == content
    from puentes_proposals import attachments
    storage = attachments.storage()
    parts = storage.listdir("puentes_uploads")[0] if storage.exists("puentes_uploads") else []
    assert not any(storage.listdir(f"puentes_uploads/{folder}")[1] for folder in parts)  # every part deleted


def test_a_file_over_the_configured_limit_is_refused_in_the_learners_language(load_block, proposal_id, people,
                                                                             started, settings):
    block = load_block.block(proposal_id, people["ana"])
    with translation.override("es-419"):
        status, body = post_json(block, "begin_upload", {"proposal_id": started, "section": "documents",
                                                         "name": "plan.pdf",
                                                         "size": settings.PUENTES_ATTACHMENT_MAX_BYTES + 1})
    assert status == 400 and body["code"] == "too_big" and "límite" in body["error"]


def test_parts_belong_to_their_uploader_and_come_in_order(load_block, proposal_id, people, started):
    block = load_block.block(proposal_id, people["ana"])
    begun = post_json(block, "begin_upload", {"proposal_id": started, "section": "documents", "name": "a.pdf",
                                              "size": 2_500_000})[1]
    status, body = multipart(block, "upload_part", {"proposal_id": str(started), "upload": begun["upload"],
                                                    "index": "1", "part": ("a.pdf", b"x" * 1_000_000)})
    assert status == 400 and body["code"] == "bad_part"
    status, body = multipart(block, "upload_part", {"proposal_id": str(started), "upload": begun["upload"] + "x",
                                                    "index": "0", "part": ("a.pdf", b"x" * 1_000_000)})
    assert status == 400 and body["code"] == "upload_expired"
    bruno = load_block.block(proposal_id, people["bruno"])
    theirs = post_json(bruno, "start")[1]["proposal_id"]
    status, body = multipart(bruno, "upload_part", {"proposal_id": str(theirs), "upload": begun["upload"],
                                                    "index": "0", "part": ("a.pdf", b"x" * 1_000_000)})
    assert status == 400 and body["code"] == "upload_expired"
    assert not Attachment.objects.exists()
