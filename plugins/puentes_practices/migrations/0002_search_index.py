"""A FULLTEXT index on the folded search column, where the database has one (MariaDB/MySQL; SQLite searches
with LIKE, fast enough for its sizes). See search.py."""
from django.db import migrations

INDEX = "practice_search_ft"


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "mysql":
        table = apps.get_model("puentes_practices", "Practice")._meta.db_table
        schema_editor.execute(f"CREATE FULLTEXT INDEX {INDEX} ON {table} (search_text)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "mysql":
        table = apps.get_model("puentes_practices", "Practice")._meta.db_table
        schema_editor.execute(f"DROP INDEX {INDEX} ON {table}")


class Migration(migrations.Migration):
    atomic = False  # DDL; MariaDB cannot roll it back anyway
    dependencies = [("puentes_practices", "0001_initial")]
    operations = [migrations.RunPython(add_index, drop_index)]
