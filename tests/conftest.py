"""Shared fixtures: demo users, an LMS-shaped runtime per user, block handlers called for real, a browser."""
import os
import shutil
import sys

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

# `make test` spreads the suite over pytest-xdist workers a test file at a time. Tests that share something outside
# their process (a Redis database and the Celery worker on it, the MariaDB schema that worker reads, the repository's
# build folder that wheels are built in) go to one worker together, which runs them in turn.
SHARED_OUTSIDE = ("tests/awards_handoff/test_worker.py", "tests/awards_handoff/test_event_bus.py",
                  "tests/awards_handoff/test_submit_handoff.py", "tests/assessment/test_worker.py", "tests/tutor/",
                  "tests/benchmarks/")


@pytest.hookimpl(optionalhook=True)   # a hook of pytest-xdist, which the Tutor plugin's venv does not have
def pytest_xdist_make_scheduler(config, log):
    # xdist's own --dist loadgroup cannot be used: it renames items' node ids, which pytest 9 derives instead.
    from xdist.scheduler import LoadScopeScheduling

    class ByFileSharedTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            path = nodeid.split("::", 1)[0]
            return "shared-outside" if path.startswith(SHARED_OUTSIDE) else path

    return ByFileSharedTogether(config, log)


@pytest.fixture(autouse=True)
def _editions_read_afresh():
    """The awards app remembers a course's editions for a second per process; a test's rollback sends no signal,
    so the next test must not be handed an edition that rolled back with the last one."""
    yield
    # Not imported: nothing remembered (and no Django at all in tests/tutor).
    editions = sys.modules.get("puentes_awards.editions")
    if editions is not None:
        editions.forget()


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """A cheap hasher for the suite, as Django's testing docs advise ("Password hashing"): the default PBKDF2 costs
    about 0.26 s of CPU per password here, and the demo's personas and jurors get passwords each time it loads.
    Sign-in is still checked for real, through the same hashing API. (tests/tutor run where Django is not.)"""
    try:
        from django.test import override_settings
    except ImportError:
        yield
        return
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def make_user(db):
    from django.contrib.auth import get_user_model

    def make(username, role="student", course_key=None, **fields):
        from puentes_demo.models import CourseRole
        user, _ = get_user_model().objects.get_or_create(username=username, defaults=fields)
        if course_key is not None:
            CourseRole.objects.update_or_create(user=user, course_key=str(course_key), defaults={"role": role})
        return user

    return make


@pytest.fixture
def course_key():
    from opaque_keys.edx.locator import CourseLocator
    return CourseLocator("OAS", "PUENTES-TEST", "2027")


@pytest.fixture
def load_block(db, course_key):
    """Parse OLX into the database and return a loader of that block for any user."""
    from tests.helpers import BlockLoader
    return BlockLoader(course_key)


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is not installed: run `make system` (apt-get install chromium)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db, live_server, settings):
    """The demo site served by a live server, with its users and units loaded."""
    from puentes_demo import loading
    from tests import shared_connection
    from tests.demo_snapshot import load_or_restore
    load_or_restore(loading.load_everything)
    if not live_server.thread.connections_override:  # a connection per thread, as in the LMS: nothing to share
        yield live_server.url
        return
    server = live_server.thread.httpd
    if not hasattr(server, "turns"):  # one live server serves the whole session: wrap its application once
        server.turns = shared_connection.Turns()
        server.set_app(server.turns.serve(server.get_app()))
    shared_connection.current = server.turns
    server.turns.take()
    try:
        with shared_connection.playwright_steps_aside():
            yield live_server.url
    finally:
        server.turns.give_back()
        shared_connection.current = None


@pytest.fixture
def page_as(browser, demo_site):
    """A fresh browser page signed in as one of the demo users."""
    contexts = []

    def open_page(username, language="en", locale=None, width=None, zone=None):
        """`locale` is the browser's own (navigator.languages, Accept-Language); `width` a phone's, in px;
        `zone` the device's time zone (the machine's by default)."""
        options = {"locale": locale or {"en": "en-US", "es": "es-419", "pt": "pt-BR"}[language]}
        if zone:
            options["timezone_id"] = zone
        if width:
            options.update(viewport={"width": width, "height": 740}, is_mobile=True, has_touch=True)
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{demo_site}/?lang={language}")
        page.locator(f"form[action='/login-as/{username}/'] button").click()
        page.wait_for_load_state()
        return page

    yield open_page
    for context in contexts:
        context.close()
