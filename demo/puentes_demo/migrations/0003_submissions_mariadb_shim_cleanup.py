"""Drop the two columns 0002 added for edx-submissions' MariaDB migration, once it has run."""
import importlib

from django.db import migrations

shim = importlib.import_module("puentes_demo.migrations.0002_submissions_mariadb_shim")


def drop_added_columns(apps, schema_editor):
    if not shim.is_mariadb(schema_editor.connection):
        return
    with schema_editor.connection.cursor() as cursor:
        for table in shim.TABLES:
            cursor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS uuid")


class Migration(migrations.Migration):
    dependencies = [
        ("puentes_demo", "0002_submissions_mariadb_shim"),
        ("submissions", "0007_merge_20251020_2045"),
    ]
    operations = [migrations.RunPython(drop_added_columns, migrations.RunPython.noop)]
