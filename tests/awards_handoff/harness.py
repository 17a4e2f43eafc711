"""Real parts for the hand-off tests and benchmark: a partner's awards server on 127.0.0.1 and a Celery worker."""
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WORKER_SETTINGS = "tests.awards_handoff.worker_settings"


class PartnerServer:
    """An external awards system that answers each request by a script, then accepts.

    Steps: "fail" (503), "timeout" (answers after the sender gave up, having stored the entry — the case that
    doubles entries without idempotency keys), "hold" (blocks until release(), then stores). Like a careful
    partner it stores each Idempotency-Key once, and it checks our signature.
    """

    def __init__(self, secret, script=(), slow_seconds=2.0):
        self.secret, self.script, self.slow_seconds = secret, list(script), slow_seconds
        self.requests, self.stored, self.arrivals = [], {}, {}
        self.lock, self.held, self.release_hold = threading.Lock(), threading.Event(), threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/entries/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release_hold.set()
        self.server.shutdown()
        self.server.server_close()

    def release(self):
        self.release_hold.set()

    def _store(self, key, body):
        with self.lock:
            if key not in self.stored:
                self.stored[key] = json.loads(body)
                self.arrivals[key] = time.time()

    def _handler(self):
        partner = self
        from puentes_awards.signing import signature_matches

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keeps connections alive, as a real partner's server does
            # TCP_NODELAY, as gunicorn and nginx set it: headers and body leave in two writes, and with Nagle on,
            # the body would wait for the sender's delayed ACK (~40 ms per request on Linux).
            disable_nagle_algorithm = True

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                key = self.headers.get("Idempotency-Key", "")
                signed = signature_matches(body, partner.secret, self.headers.get("X-Puentes-Signature"))
                with partner.lock:
                    step = partner.script.pop(0) if partner.script else "ok"
                    partner.requests.append({"key": key, "signed": signed, "step": step,
                                             "connection": self.client_address})
                if not signed:
                    return self._answer(403, {"error": "bad signature"})
                if step == "fail":
                    return self._answer(503, {"error": "try later"})
                if step == "timeout":
                    time.sleep(partner.slow_seconds)
                elif step == "hold":
                    partner.held.set()
                    partner.release_hold.wait(60)
                partner._store(key, body)
                self._answer(200, {"stored": key})

            def _answer(self, status, payload):
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the sender hung up (it timed out, or was killed): what a real server sees too

        return Handler


def worker_env(database_env, broker_url, awards):
    env = dict(os.environ)
    env.update(database_env)
    env.update({
        "DJANGO_SETTINGS_MODULE": WORKER_SETTINGS,
        "PYTHONPATH": os.pathsep.join([str(REPO / "demo"), str(REPO)]),
        "PUENTES_CELERY_BROKER": broker_url,
        "PUENTES_AWARDS_TEST_SETTINGS": json.dumps(awards),
    })
    return env


class CeleryWorker:
    """`celery -A puentes_demo.celery worker` in its own process group, so kill() is a real kill -9."""

    def __init__(self, env, log_path, concurrency=1, pool="prefork", queues=None, max_tasks_per_child=None):
        self.env, self.log_path, self.concurrency, self.pool = env, Path(log_path), concurrency, pool
        self.queues = queues  # "a,b": consume only these (another test suite's worker may share the broker host)
        self.max_tasks_per_child = max_tasks_per_child  # Tutor's LMS worker: 100 (tutor/plugins/openedx.py)
        self.process = None

    def start(self, timeout=60):
        name = f"awards-{uuid.uuid4().hex[:8]}@%h"
        self.log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop/kill
        start_offset = self.log.tell()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "puentes_demo.celery", "worker", "--loglevel=INFO",
             f"--pool={self.pool}", f"--concurrency={self.concurrency}", "--prefetch-multiplier=1",
             "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", name,
             *(["-Q", self.queues] if self.queues else []),
             *([f"--max-tasks-per-child={self.max_tasks_per_child}"] if self.max_tasks_per_child else [])],
            cwd=REPO / "demo", env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"celery worker exited: {self.tail()}")
            with open(self.log_path, "rb") as log:
                log.seek(start_offset)
                if b"ready." in log.read():
                    return self
            time.sleep(0.2)
        raise RuntimeError(f"celery worker not ready in {timeout}s: {self.tail()}")

    def tail_all(self):
        return self.log_path.read_text("utf-8", "replace") if self.log_path.exists() else ""

    def tail(self):
        return self.log_path.read_bytes()[-3000:].decode("utf-8", "replace") if self.log_path.exists() else ""

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        self.log.close()

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        if self.process:
            self.log.close()


def wait_for(condition, timeout, interval=0.2, message="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")
