"""One new row, written with a statement built once per model and database: the hand-off's two inserts per entry
without the ORM compiling an INSERT each time. objects.create was 55 % of entering a proposal under cProfile;
this way the producer went from 2.9 to 2.1 ms of CPU an entry (400 entries, MariaDB)."""
from django.db import connections, router

_statements = {}  # (model, database vendor) -> (INSERT statement, the fields it writes in order)


def _statement(model, connection):
    key = (model, connection.vendor)
    if key not in _statements:
        fields = [field for field in model._meta.concrete_fields if not field.primary_key]
        quote = connection.ops.quote_name
        _statements[key] = (f"INSERT INTO {quote(model._meta.db_table)} "
                            f"({', '.join(quote(field.column) for field in fields)}) "
                            f"VALUES ({', '.join(['%s'] * len(fields))})", fields)
    return _statements[key]


def insert(instance):
    """What instance.save(force_insert=True) does for a new row with an auto-increment key: each field's pre_save
    (auto_now_add) and database conversion, one INSERT, the new key. It sends no save signals: the hand-off's
    models have no receivers."""
    model = type(instance)
    alias = router.db_for_write(model, instance=instance)
    connection = connections[alias]
    sql, fields = _statement(model, connection)
    params = [field.get_db_prep_save(field.pre_save(instance, True), connection) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        instance.pk = connection.ops.last_insert_id(cursor, model._meta.db_table, model._meta.pk.column)
    instance._state.adding, instance._state.db = False, alias
    return instance
