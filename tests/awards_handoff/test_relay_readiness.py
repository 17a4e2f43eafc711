"""The relay as a service waits for the migrations instead of crash-looping on a site's first launch
(Tutor's `launch` starts the services, then runs init: overhangio/tutor tutor/commands/local.py)."""
import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from puentes_awards import readiness

pytestmark = pytest.mark.django_db


def latest(app):
    return max(name for label, name in MigrationLoader(connection).graph.leaf_nodes() if label == app)


def test_a_migrated_database_is_ready():
    assert readiness.pending_migrations() == []


def test_an_unapplied_migration_is_named():
    recorder = MigrationRecorder(connection)
    name = latest("puentes_awards")
    recorder.record_unapplied("puentes_awards", name)
    assert readiness.pending_migrations() == [f"puentes_awards.{name}"]


def test_the_relay_waits_until_the_migrations_ran():
    recorder = MigrationRecorder(connection)
    name = latest("puentes_proposals")
    recorder.record_unapplied("puentes_proposals", name)
    reports, naps = [], []

    def init_runs_meanwhile(seconds):  # what `tutor local do init` does while the relay waits
        naps.append(seconds)
        recorder.record_applied("puentes_proposals", name)

    readiness.wait_for_migrations(reports.append, every_seconds=7, sleep=init_runs_meanwhile)
    assert naps == [7]
    assert reports == [f"waiting for migrations: puentes_proposals.{name}"]
