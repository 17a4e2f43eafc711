"""Is the database ready for the relay? On a site's first launch the relay can start before the
migrations ran (Tutor starts services, then runs init); it waits instead of crash-looping."""
import time

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

# The tables the relay and the reconciliation read and write.
APPS = ("puentes_awards", "puentes_proposals", "submissions")


def pending_migrations(apps=APPS, using=DEFAULT_DB_ALIAS):
    """'app.migration' names not yet applied for `apps` (all of them when the database is unreachable)."""
    connection = connections[using]
    try:
        executor = MigrationExecutor(connection)
        targets = [key for key in executor.loader.graph.leaf_nodes() if key[0] in apps]
        plan = executor.migration_plan(targets)
    except DatabaseError:
        connection.close()  # a fresh connection on the next try
        return [f"{app} (database not reachable)" for app in apps]
    return [f"{migration.app_label}.{migration.name}" for migration, backwards in plan if not backwards]


def wait_for_migrations(report, every_seconds=10, sleep=time.sleep, apps=APPS):
    """Return once `apps` are migrated; meanwhile `report` what is missing, every `every_seconds`."""
    while True:
        pending = pending_migrations(apps)
        if not pending:
            return
        report(f"waiting for migrations: {', '.join(pending[:5])}{' …' if len(pending) > 5 else ''}")
        sleep(every_seconds)
