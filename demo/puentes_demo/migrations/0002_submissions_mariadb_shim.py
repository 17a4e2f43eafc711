"""Let edx-submissions' 0006_mariadb_uuid_conversion run on a fresh MariaDB database.

That migration (edx-submissions ≥ 3.12.1) converts `uuid` columns to MariaDB's native uuid type on
three tables, but two of them (submissions_studentitem, submissions_score) have no `uuid` column,
so `migrate` stops with "Unknown column 'uuid'". On MySQL and SQLite it does nothing. The demo and
the tests run on MariaDB too, so this project adds the two columns just before that migration and
drops them right after (0003). Operators running the LMS on MariaDB meet the same bug upstream:
docs/operators.md says so.
"""
from django.db import migrations

TABLES = ("submissions_studentitem", "submissions_score")


def is_mariadb(connection):
    return connection.vendor == "mysql" and connection.mysql_is_mariadb


def add_missing_uuid_columns(apps, schema_editor):
    if not is_mariadb(schema_editor.connection):
        return
    with schema_editor.connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS uuid char(32) NULL")


class Migration(migrations.Migration):
    dependencies = [
        ("puentes_demo", "0001_initial"),
        ("submissions", "0005_CreateTeamModel"),
    ]
    run_before = [("submissions", "0006_mariadb_uuid_conversion")]
    operations = [migrations.RunPython(add_missing_uuid_columns, migrations.RunPython.noop)]
