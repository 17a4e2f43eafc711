"""A real Celery worker on Redis builds the analytical report while the analysts' status shows its progress."""
import pytest
from puentes_assessment import reports
from puentes_assessment.models import Report

from tests.awards_handoff.conftest import celery_on_redis, shared_database  # noqa: F401 - fixtures used below
from tests.awards_handoff.harness import CeleryWorker, wait_for, worker_env

from .flows import Survey, region

pytestmark = pytest.mark.worker
BROKER = "redis://127.0.0.1:6379/9"      # not the hand-off tests' database
QUEUE = "puentes-assessment-tests"      # nor their queue


def test_a_worker_builds_the_report_in_three_languages_with_visible_progress(shared_database,  # noqa: F811
                                                                               celery_on_redis, settings,  # noqa: F811
                                                                               tmp_path):
    from django.contrib.auth import get_user_model
    app = celery_on_redis(BROKER)
    app.conf.task_routes = {"puentes_assessment.tasks.build_report": {"queue": QUEUE}}
    settings.MEDIA_ROOT = str(tmp_path / "media")
    env = worker_env(shared_database, BROKER, {"MEDIA_ROOT": settings.MEDIA_ROOT})
    worker = CeleryWorker(env, tmp_path / "worker.log", queues=QUEUE).start()
    try:
        region(Survey())
        analyst = get_user_model().objects.create(username="analyst", is_staff=True)
        report = reports.request("puentes-needs-sample", analyst)
        seen = []

        def finished():
            row = Report.objects.get(pk=report.pk)
            seen.append((row.state, row.steps_done))
            return row if row.state in (Report.DONE, Report.FAILED) else None

        done = wait_for(finished, 180, interval=0.05, message="the report")
        assert done.state == Report.DONE, (done.error, worker.tail())
        assert seen[0] == (Report.QUEUED, 0) or seen[0][0] == Report.RUNNING
        assert any(state == Report.RUNNING and 0 < steps < done.steps_total for state, steps in seen), seen
        assert sorted(done.files) == ["en.html", "en.pdf", "es.html", "es.pdf", "pt.html", "pt.pdf"]
        for lang in ("en", "es", "pt"):
            with reports.open_file("puentes-needs-sample", done.pk, f"{lang}.pdf") as pdf:
                assert pdf.read(4) == b"%PDF"
        with reports.open_file("puentes-needs-sample", done.pk, "es.html") as html:
            assert "Diagnóstico regional de necesidades de los gobiernos locales" in html.read().decode()
    finally:
        worker.stop()
