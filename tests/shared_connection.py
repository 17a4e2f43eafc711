"""Turns on the one database connection a live-server test shares between its own thread and the server's.

Django's live server hands every request thread the test's in-memory SQLite connection
(django/core/servers/basehttp.py ThreadedWSGIServer.process_request_thread, connections_override). The LMS gives
each request thread a connection of its own, so there a page's requests run at once (the review block's claim loads
the queue and the workspace together) while other people's requests write. One sqlite3 connection used by two
threads at once fails instead: "bad parameter or other API misuse", a read that finds nothing, or "no such
savepoint" when one thread's transaction ends another's.

So the connection is taken in turns. A request holds the turn while its whole response is produced. The test's own
thread holds it whenever it runs, and steps aside only while it waits: inside a Playwright wait (the browser is
acting, and its requests need the turn) and while `tests.helpers.wait_for` sleeps between polls.
"""
import contextlib
import threading
import time

TURN_TIMEOUT = 120  # seconds a request waits for the test's thread before the test is told it never stepped aside


class Turns:
    def __init__(self):
        self.lock = threading.Lock()
        self.test_thread = None

    # The test's thread ---------------------------------------------------------------------------------------

    def take(self):
        self.lock.acquire()
        self.test_thread = threading.get_ident()

    def give_back(self):
        if self.held_here():
            self.test_thread = None
            self.lock.release()

    def held_here(self):
        return self.test_thread == threading.get_ident()

    @contextlib.contextmanager
    def aside(self):
        """Let the server's requests run while the test's thread waits (a no-op anywhere else)."""
        if not self.held_here():
            yield
            return
        self.test_thread = None
        self.lock.release()
        try:
            yield
        finally:
            self.take()

    # The server's threads ------------------------------------------------------------------------------------

    def serve(self, application):
        def one_at_a_time(environ, start_response):
            if not self.lock.acquire(timeout=TURN_TIMEOUT):
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"the test's thread held the database connection and never stepped aside"]
            try:
                response = application(environ, start_response)
                try:
                    return [b"".join(response)]  # streamed responses too are produced under the turn
                finally:
                    if hasattr(response, "close"):
                        response.close()
            finally:
                self.lock.release()
        return one_at_a_time


current = None  # the running live-server test's turns, if any


def pause(seconds):
    """time.sleep that lets the server's requests in while the test's thread waits."""
    with current.aside() if current is not None else contextlib.nullcontext():
        time.sleep(seconds)


@contextlib.contextmanager
def playwright_steps_aside():
    """Every blocking Playwright sync call releases the turn while it waits: calls, and the waits of
    `expect_navigation()`-style context managers, all go through _sync_base.wait_for_future."""
    from playwright._impl import _sync_base
    original = _sync_base.wait_for_future

    def wait_for_future(*args, **kwargs):
        __tracebackhide__ = True
        with current.aside() if current is not None else contextlib.nullcontext():
            return original(*args, **kwargs)

    _sync_base.wait_for_future = wait_for_future
    try:
        yield
    finally:
        _sync_base.wait_for_future = original
