"""L1 and the issue's 'done when': malformed requests to every handler of every block, as every role, answer
4xx with a message (or, for a handler that reads nothing from the body, what it would answer anyway), never
a 500, and change no row.

Table-driven: the handlers are found on the block classes (a new handler is covered without editing this
file); the bodies are the shapes an attacker sent (not JSON, invalid UTF-8, huge, nested 100,000 deep, a JSON
value that is not an object, a lone surrogate) plus wrong types and unknown ids in every field a handler reads.
"""
import importlib.resources
import json
from urllib.parse import quote

import pytest
from django.apps import apps
from webob import Request

from tests.casestudy.conftest import CASE

from .conftest import PDF, block_xml

# Input handling is the same on every database and pin set: `make test` runs the sweep once (SQLite).
pytestmark = [pytest.mark.django_db, pytest.mark.sweep]

DEEP = b"[" * 100_000 + b"]" * 100_000
BODIES = {
    "not JSON": b"proposal_id=1&code=ABC",
    "invalid UTF-8": b'{"code": "\xff\xfe"}',
    "huge": b'{"text": "' + b"x" * (3 * 1024 * 1024) + b'"}',
    "nested 100,000 deep": DEEP,
    "nested in a field": b'{"changes": ' + DEEP + b"}",
    "a list": b"[1, 2]",
    "a string": b'"start"',
    "a number": b"42",
    "null": b"null",
    "lone surrogate": b'{"code": "\\ud800", "username": "\\udfff", "answer": "\\ud800"}',
}
# Every field some handler reads, with a value of the wrong type or naming nothing that exists.
FIELDS = ["proposal_id", "code", "username", "changes", "question", "answer", "option", "met", "levels",
          "section_comments", "overall_comment", "decision", "reason", "holder", "municipality", "country",
          "eligible", "consents", "countries", "cohorts", "invitation_id", "answers", "section", "value",
          "base_revision", "display_name", "sections", "rubric", "questions"]
WRONG_VALUES = [[{"nested": [1]}], {"$gt": ""}, 10 ** 30, -1, 1.5e308, True, "²", "\u202e" * 300,
                "9" * 5000, 999_999_999]
QUERIES = ["proposal_id=%C2%B2", "proposal_id=99999999999999999999999", "page=-1&page_size=abc",
           "status=%FF&waiting_days=9e999", "attachment_id=1e3&proposal_id=1_0", "proposal=%00",
           "question=" + "x" * 5000, "index=%C2%B2&upload=x&proposal_id=1"]


def handler_names(block):
    cls = type(block)
    return sorted(name for name in dir(cls) if getattr(getattr(cls, name, None), "_is_xblock_handler", False))


def reads_json_body(block, name):
    return getattr(getattr(type(block), name), "reads_json_body", False)   # set by puentes_core's json_handler


def fingerprint():
    """Every row the pack and the platform pieces it writes to hold, to prove a refused request changed nothing."""
    rows = {}
    for label in ("puentes_proposals", "puentes_awards", "puentes_casestudy", "puentes_demo", "submissions",
                  "puentes_needs_assessment", "puentes_assessment"):
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models():
            rows[model._meta.label] = sorted(map(repr, model.objects.values_list()))
    return rows


class Rows:
    """fingerprint(), read again only when the connection says rows were written since it was taken: SQLite counts
    every row an INSERT, UPDATE or DELETE touched on the connection (sqlite3.Connection.total_changes), so an
    unchanged count proves nothing changed without reading every table. Elsewhere it reads them every time."""

    def __init__(self):
        self.take()

    def take(self):
        self.writes, self.rows = self.writes_so_far(), fingerprint()

    def changed(self):
        writes = self.writes_so_far()
        if writes is not None and writes == self.writes:
            return False
        return fingerprint() != self.rows

    @staticmethod
    def writes_so_far():
        from django.db import connection
        connection.ensure_connection()
        return getattr(connection.connection, "total_changes", None)


class Crashed:
    """What the LMS would turn into a 500: the handler raised."""

    def __init__(self, error):
        self.status_code, self.body = 500, repr(error).encode()


def call(block, name, body=None, query="", method="POST"):
    request = Request.blank(f"/{name}/?{query}", method=method, body=body if body is not None else b"",
                            headers={"Content-Type": "application/json"} if body is not None else {})
    try:
        return block.runtime.handle(block, name, request, "")
    except Exception as error:  # noqa: BLE001 - every escape is a finding, listed with the others
        return Crashed(error)


def message_of(response):
    try:
        payload = json.loads(response.body)
    except ValueError:
        return response.body.decode("utf-8", "replace").strip()
    return payload.get("error") if isinstance(payload, dict) else ""


@pytest.fixture
def world(load_block, make_user, course_key, media):
    """The four blocks in one course; a learner with a proposal and an answered case; a tutor; course staff."""
    from puentes_proposals import api
    people = {name: make_user(name, role, course_key) for name, role in
              [("ana", "student"), ("tina", "student"), ("diego", "staff")]}
    api.grant_tutor(course_key, people["tina"].id)
    folder = importlib.resources.files("puentes_needs_assessment") / "default_content"
    usages = {
        "proposal": load_block.parse(block_xml()),
        "review": load_block.parse("<puentes_tutor_review url_name='review'/>"),
        "case": load_block.parse(CASE),
        "needs": load_block.parse((folder / "sample_en.xml").read_text()),
    }
    proposal = load_block.block(usages["proposal"], people["ana"])
    assert call(proposal, "start", b"{}").status_code == 200
    request = Request.blank("/upload/", POST={"section": "documents", "file": ("carta.pdf", PDF)})
    assert proposal.runtime.handle(proposal, "upload", request, "").status_code == 200
    roles = {"anonymous": None, "learner": people["ana"], "tutor": people["tina"], "staff": people["diego"]}
    return lambda usage, role: load_block.block(usages[usage], roles[role])


def check(block, name, response, body_is_read, failures, what):
    status, message = response.status_code, message_of(response)
    if status >= 500:
        failures.append(f"{what}: {status} {response.body[:80]!r}")
    elif body_is_read and not (400 <= status < 500 and message):
        failures.append(f"{what}: {status} {message!r}")
    elif 400 <= status < 500 and not message:
        failures.append(f"{what}: {status} without a message")


@pytest.mark.parametrize("usage", ["proposal", "review", "case", "needs"])
@pytest.mark.parametrize("role", ["anonymous", "learner", "tutor", "staff"])
def test_malformed_bodies_get_a_4xx_with_a_message_and_change_nothing(world, usage, role):
    failures = []
    before = fingerprint()
    block = world(usage, role)
    for name in handler_names(block):
        body_is_read = reads_json_body(block, name)
        for label, body in BODIES.items():
            check(block, name, call(world(usage, role), name, body), body_is_read, failures, f"{name} ← {label}")
        for value in WRONG_VALUES:   # every field at once holds the wrong value
            response = call(world(usage, role), name, json.dumps(dict.fromkeys(FIELDS, value)).encode())
            if response.status_code >= 500 or (400 <= response.status_code < 500 and not message_of(response)):
                failures.append(f"{name} ← every field = {value!r:.40}: {response.status_code}")
            if response.status_code < 400:
                before = fingerprint()   # a handler that reads none of these fields (start) may act
        for query in QUERIES:
            check(block, name, call(world(usage, role), name, query=query, method="GET"), False, failures,
                  f"{name} ? {query[:40]}")
    assert not failures, "\n".join(failures)
    assert fingerprint() == before


@pytest.mark.parametrize("suffix", ["²", "1_0", "-1", "9" * 40, "%00", "../../etc/passwd", "json/../csv"])
@pytest.mark.parametrize("role", ["anonymous", "learner", "staff"])
def test_malformed_suffixes_never_fail(world, role, suffix):
    before = fingerprint()
    for usage in ("proposal", "review", "case", "needs"):
        block = world(usage, role)
        for name in handler_names(block):
            request = Request.blank(f"/{name}/{quote(suffix)}", method="GET")
            response = block.runtime.handle(block, name, request, suffix)
            assert response.status_code < 500, (usage, name, suffix, response.status_code)
    assert fingerprint() == before


def test_rows_notice_a_write_and_only_a_write(make_user, course_key):
    from puentes_demo.models import CourseRole
    rows = Rows()
    make_user("olga")
    assert not rows.changed()   # a user row is written, but no table the pack's fingerprint holds
    role = make_user("pablo", "student", course_key)
    assert rows.changed()
    rows.take()
    CourseRole.objects.filter(pk=CourseRole.objects.get(user=role).pk).update(role="staff")
    assert rows.changed()
