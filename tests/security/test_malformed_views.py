"""L1 for the apps' pages: every URL of every plugin app, as every role, with good and bad ids in the path,
malformed query strings and malformed POST bodies, answers without a 500; a refused request (4xx) says why,
and a refused POST changes no row. The routes are read from the URLconf, so a new page is covered without
editing this."""
import re
import uuid

import pytest
from django.urls import get_resolver
from django.urls.resolvers import URLResolver

from .test_malformed_input import Rows

# Input handling is the same on every database and pin set: `make test` runs the sweep once (SQLite).
pytestmark = [pytest.mark.django_db, pytest.mark.sweep]

APPS = ("puentes_awards", "puentes_practices", "puentes_proposals", "puentes_assessment")
BODIES = {
    "form junk": ("application/x-www-form-urlencoded", b"action=winners&place-1=%FF&amount-1=1e30&level-x=\xff"),
    "invalid UTF-8": ("application/x-www-form-urlencoded", b"reason=\xff\xfe&action=reopen"),
    "JSON 100,000 deep": ("application/json", b"[" * 100_000 + b"]" * 100_000),
    "JSON lone surrogate": ("application/json", b'{"title": "\\ud800"}'),
    "huge field": ("application/x-www-form-urlencoded", b"reason=" + b"x" * 300_000),
    "wrong types": ("application/x-www-form-urlencoded",
                    b"action=assign&action=finalists&finalist=not-a-uuid&rank-x=%C2%B2&weight-a=1e999"),
}
QUERIES = ["?page=-1&lang=%FF", "?q=%00&country=%C2%B2&page=99999999999999999999", "?format=" + "x" * 3000]


def routes():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif getattr(pattern.callback, "__module__", "").startswith(APPS):
                yield prefix + str(pattern.pattern)
    return list(walk(get_resolver().url_patterns))


def paths_for(route, edition, entry):
    """The route with real ids, and with ids that name nothing, overflow a key, or are not ids at all."""
    filled = []
    for choice in ("real", "missing", "huge"):
        path = route.replace("^", "").replace("$", "").replace("\\.", ".")
        values = {
            "slug": {"real": edition.slug, "missing": "no-such-edition", "huge": "a" * 300}[choice],
            "uuid": {"real": str(entry.uuid), "missing": str(uuid.uuid4()), "huge": str(uuid.uuid4())}[choice],
            "int": {"real": "1", "missing": "999999", "huge": "9" * 30}[choice],
        }
        path = re.sub(r"<slug:\w+>", values["slug"], path)
        path = re.sub(r"<uuid:\w+>", values["uuid"], path)
        path = re.sub(r"<int:\w+>", values["int"], path)
        path = re.sub(r"\(\?P<instrument>[^)]*\)", {"real": "puentes-needs-sample", "missing": "no-such-thing",
                                                   "huge": "a" * 60}[choice], path)
        path = re.sub(r"\(\?P<report_id>[^)]*\)", values["int"], path)
        path = re.sub(r"\(\?P<course_id>[^)]*\)", {"real": "course-v1:OAS+PUENTES+2027", "missing": "not-a-key",
                                                   "huge": "course-v1:" + "x" * 300}[choice], path)
        path = re.sub(r"\(\?P<name>[^)]*\)", "figures.csv", path)
        path = re.sub(r"\(\?P<language>[^)]*\)", "es", path)
        path = re.sub(r"\(\?P<file_format>[^)]*\)", "csv" if "export" in path else "html", path)
        filled.append("/" + path)
    return filled


@pytest.mark.parametrize("role", ["anonymous", "learner", "juror", "organiser", "staff"])
def test_every_page_survives_bad_ids_queries_and_bodies(client, decided, jury, make_user, role):
    users = {"learner": jury["ana"], "juror": jury["jorge"], "organiser": jury["fabio"],
             "staff": make_user("root", is_staff=True, is_superuser=True)}
    if role != "anonymous":
        client.force_login(users[role])
    entry = decided.entries.first()
    failures = []
    rows = Rows()
    for route in routes():
        for path in paths_for(route, decided, entry):
            real = path == paths_for(route, decided, entry)[0]
            # Every query and body on the real ids; a sample of them on ids that name nothing or overflow.
            requests = [("GET", path + query, None) for query in ["", *(QUERIES if real else QUERIES[:1])]]
            requests += [("POST", path, body) for body in (BODIES.values() if real else
                                                           [BODIES["form junk"], BODIES["JSON 100,000 deep"]])]
            for method, url, body in requests:
                try:
                    if method == "GET":
                        response = client.get(url)
                    else:
                        response = client.generic("POST", url, body[1], content_type=body[0])
                except Exception as error:  # noqa: BLE001 - an escaped exception is a 500 in production
                    failures.append(f"{method} {url[:90]}: raised {error!r:.120}")
                    continue
                status = response.status_code
                # 405 names the allowed methods in its Allow header; the receiving endpoint answers 503 with a
                # message while no receiver secret is set (closed by design). Anything else 5xx is a failure.
                closed = status == 503 and "receiving_disabled" in response.content.decode("utf-8", "replace")
                if status >= 500 and not closed:
                    failures.append(f"{method} {url[:90]}: {status}")
                elif 400 <= status < 500 or closed:
                    if not (response.content.strip() or (status == 405 and response.get("Allow"))):
                        failures.append(f"{method} {url[:90]}: {status} without a message")
                    if method == "POST" and rows.changed():
                        failures.append(f"{method} {url[:90]}: {status} but rows changed")
                elif method == "POST":
                    rows.take()   # an accepted request may act
    assert not failures, "\n".join(failures)
