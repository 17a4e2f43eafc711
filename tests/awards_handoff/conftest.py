"""Fixtures of the hand-off tests: an edition, proposal snapshots with real files, a database a worker can share."""
import os
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from puentes_proposals.data import AttachmentRecord, ProposalSnapshot, SectionAnswer, TeamMember

COURSE = "course-v1:OAS+PUENTES-ES+2027"
SECRET = "shared-secret-for-tests"


@pytest.fixture
def awards_storage(settings, tmp_path):
    """Uploads and entry copies in two separate storages under tmp_path."""
    backend = "django.core.files.storage.FileSystemStorage"
    settings.STORAGES = {
        "default": {"BACKEND": backend, "OPTIONS": {"location": str(tmp_path / "uploads")}},
        "awards": {"BACKEND": backend, "OPTIONS": {"location": str(tmp_path / "awards")}},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PUENTES_ATTACHMENT_STORAGE = "default"
    settings.PUENTES_AWARDS_STORAGE = "awards"
    return tmp_path


def make_edition(**overrides):
    from puentes_awards import api
    now = datetime.now(UTC)
    fields = {"name": "Premio Puentes 2027", "courses": [(COURSE, "es-419")],
              "call_opens_at": now - timedelta(days=30), "call_closes_at": now + timedelta(days=30),
              "prizes": (Decimal("30000"), Decimal("20000"), Decimal("10000")), "currency": "USD",
              "budget_cap": Decimal("50000"), "countries": []}
    fields.update(overrides)
    return api.create_edition(**fields)


@pytest.fixture
def edition(db):
    from puentes_awards.models import Edition
    return Edition.objects.get(slug=make_edition())


def build_snapshot(proposal_id=1, version=1, *, budget="42000.00", currency="USD", country="CO", attachments=(),
                   course_key=COURSE, team=None):
    now = datetime.now(UTC)
    team = team if team is not None else [
        TeamMember(user_id=100 + proposal_id, username=f"ana{proposal_id}", anonymous_id=f"anon-{proposal_id}",
                   full_name="Ana Martínez", email=f"ana{proposal_id}@example.org"),
        TeamMember(user_id=200 + proposal_id, username=f"bruno{proposal_id}", anonymous_id=f"anon-b{proposal_id}",
                   full_name="Bruno Souza", email=f"bruno{proposal_id}@example.org")]
    return ProposalSnapshot(
        proposal_id=proposal_id, version=version, course_key=course_key,
        block_key=f"block-v1:OAS+PUENTES-ES+2027+type@puentes_proposal+block@p{proposal_id}",
        title=f"Casa de acogida municipal {proposal_id}", municipality="Cúcuta", country=country,
        thematic_area="housing", total_budget=None if budget is None else Decimal(budget), currency=currency,
        sections=[SectionAnswer("problem", "Problema y contexto", "long_text", "Llegan 300 familias por mes."),
                  SectionAnswer("budget", "Presupuesto", "budget", [{"item": "Alquiler", "amount": "42000"}])],
        attachments=list(attachments), team=team, reviewer_usernames=["carla"],
        submitted_at=now - timedelta(days=3), approved_at=now - timedelta(days=1))


@pytest.fixture
def upload(awards_storage):
    """Save a file where the proposals app keeps uploads; return its AttachmentRecord."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages

    def save(attachment_id, name, content):
        path = storages["default"].save(f"proposals/{attachment_id}/{name}", ContentFile(content))
        return AttachmentRecord(attachment_id=attachment_id, name=name, content_type="application/pdf",
                                size=len(content), storage_path=path)
    return save


@pytest.fixture
def shared_database(django_db_blocker, tmp_path):
    """A database outside the test transaction (a file for SQLite, its own schema on MariaDB), migrated,
    that this process and a Celery worker process both use. Yields the environment the worker needs."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connections
    from django.db.utils import load_backend

    original = connections["default"]
    settings_dict = dict(original.settings_dict)
    if original.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "handoff.sqlite3")
        env = {"PUENTES_DEMO_DB": settings_dict["NAME"]}
    else:
        settings_dict["NAME"] = f"{os.environ.get('PUENTES_TEST_DB_NAME', 'test_puentes')}_worker"
        env = {"PUENTES_DB": "mysql", "PUENTES_DB_NAME": settings_dict["NAME"]}
    with django_db_blocker.unblock():
        if original.vendor != "sqlite":
            with original._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS `{settings_dict['NAME']}`")
                cursor.execute(f"CREATE DATABASE `{settings_dict['NAME']}` CHARACTER SET utf8mb4 "
                               "COLLATE utf8mb4_unicode_ci")
        shared = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "default")
        connections["default"] = shared
        ContentType.objects.clear_cache()
        try:
            call_command("migrate", verbosity=0, interactive=False)
            yield env
        finally:
            shared.close()
            connections["default"] = original
            ContentType.objects.clear_cache()
            if original.vendor != "sqlite":
                with original._nodb_cursor() as cursor:
                    cursor.execute(f"DROP DATABASE IF EXISTS `{settings_dict['NAME']}`")


@pytest.fixture
def celery_on_redis():
    """Make this process publish tasks to a Redis broker (the demo runs them eagerly otherwise)."""
    from puentes_demo.celery import app, configure, settings_now

    def reset_pools():
        from kombu import pools
        pools.reset()  # producers are pooled per connection URL; drop them so the next publish uses the new URL
        app._pool = None
        app.amqp._producer_pool = None

    saved = settings_now("broker_url", "task_always_eager")

    def use(broker_url):
        reset_pools()
        configure(broker_url=broker_url, task_always_eager=False)
        import redis
        redis.Redis.from_url(broker_url).flushdb()
        return app

    yield use
    reset_pools()
    configure(**saved)


@pytest.fixture
def partner(settings):
    def start(script=(), secret=SECRET):
        from tests.awards_handoff.harness import PartnerServer
        server = PartnerServer(secret, script, slow_seconds=1.0).__enter__()
        servers.append(server)
        settings.PUENTES_AWARDS_DELIVERY_URL = server.url
        settings.PUENTES_AWARDS_SIGNING_SECRET = SECRET
        settings.PUENTES_AWARDS_DELIVERY_TIMEOUTS = (1, 0.5)
        settings.PUENTES_AWARDS_DELIVERY_BACKOFF = (10, 60)
        settings.PUENTES_AWARDS_DELIVERY_MAX_ATTEMPTS = 4
        return server
    servers = []
    yield start
    for server in servers:
        server.__exit__()
