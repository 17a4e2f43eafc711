"""The demo site's database as `load_everything` leaves it, kept once per test process and copied back for each
browser test.

Every browser test starts from the demo site loaded (the three courses' units, teams, editions, the library, the
needs-assessment answers), and its transactional database is emptied after it, so each test loaded it all again:
about 10 s of CPU each. On the test's in-memory SQLite database, SQLite's online backup copies the whole loaded
database back in milliseconds. Anything else (a file database, MariaDB) loads as before.
"""
import sqlite3

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import connection

_loaded = None


def load_or_restore(load):
    global _loaded
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        load()
        return
    connection.ensure_connection()
    if _loaded is None:
        load()
        _loaded = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(_loaded)
        return
    _loaded.backup(connection.connection)
    # Rows come back with the ids they had when loaded, which an earlier test may have used for other rows, and
    # the content types the flush re-created are replaced by the loaded ones: nothing cached about either survives.
    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()
