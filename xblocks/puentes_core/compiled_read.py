"""Reads a page makes on every open, their SQL written once per thread and database (issue 19).

Django builds a query (filter, values_list: a new Query each call) and compiles it to SQL
(`SQLCompiler.as_sql`) every time it runs; for the small reads of a learner's page that is two thirds of
each query's cost (cProfile of the proposal page: ~0.4 of ~0.6 ms). A `CompiledRead` builds its queryset
once, with a `Slot` standing for each argument, keeps the SQL, where each slot's parameter sits, and the
columns' converters (JSON decoding, aware datetimes: the compiler's own, `get_converters`), then runs that
SQL with each call's arguments and converts the rows as `values_list` would. A locking read
(select_for_update) is compiled inside its transaction, on the database writes go to (`for_write`).
"""
import threading

from django.db import connections, router


class Slot:
    """An argument of a CompiledRead: `value` is what the queryset is built with, `param` the form in which
    the field hands it to the database. Choose a `param` no constant of the query can equal."""

    def __init__(self, value, param=None):
        self.value = value
        self.param = value if param is None else param


class CompiledRead:
    """`build(*slot values)` → a values_list queryset of `model`; `rows(*params)` its rows for other arguments,
    given in the form the database takes them (an id, a key's string). `for_write`: run on the database the
    model's writes go to, as a locking read must."""

    def __init__(self, model, build, *slots, for_write=False):
        self.model, self.build, self.slots = model, build, slots
        self.route = router.db_for_write if for_write else router.db_for_read
        self._compiled = threading.local()  # Django's connections, and so the compiler, are per thread

    def _compile(self, alias):
        compiler = self.build(*(slot.value for slot in self.slots)).query.get_compiler(alias)
        sql, params = compiler.as_sql()
        markers = [slot.param for slot in self.slots]
        if sorted(markers.index(param) for param in params if param in markers) != list(range(len(markers))):
            raise ValueError(f"each slot must reach the SQL parameters once: {params!r}")
        layout = [(markers.index(param), None) if param in markers else (None, param) for param in params]
        converters = compiler.get_converters([column for column, _sql, _alias in compiler.select[:compiler.col_count]])
        return sql, layout, compiler, converters

    def rows(self, *args):
        alias = self.route(self.model)
        compiled = getattr(self._compiled, alias, None)
        if compiled is None:
            compiled = self._compile(alias)
            setattr(self._compiled, alias, compiled)
        sql, layout, compiler, converters = compiled
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, [args[slot] if slot is not None else constant for slot, constant in layout])
            rows = cursor.fetchall()
        return list(compiler.apply_converters(rows, converters)) if converters else [list(row) for row in rows]
