"""Benchmark: the case-study block (issue 2, part 4) through the real runtime and handlers.

1. Page weight: the block's own HTML + JS + CSS (+ its JS catalogue) for the largest course case; limit 60 KB.
2. Learner page open, submit, a decision step, with N other learners' submissions in the answer log
   (queries must not grow with N).
3. The staff CSV export at 1,000 and 10,000 submissions.

    python -m benchmarks.casestudy
"""
import datetime

from benchmarks import harness
from benchmarks.harness import REPO, TIMED, bench_database, measure, table


def largest_course_case():
    from lxml import etree
    cases = []
    for path in (REPO / "course_content").glob("*/vertical/*case*.xml"):
        for node in etree.parse(str(path)).getroot().iter("puentes_case_study"):
            cases.append((len(etree.tostring(node)), path, etree.tostring(node, encoding="unicode")))
    return max(cases)


def page_weight(load, learner):
    _, path, xml = largest_course_case()
    html = load.block(load.parse(xml), learner).render("student_view", {}).body_html()
    return harness.page_weight("puentes_casestudy", f"HTML ({path.parent.parent.name}/{path.name})", html,
                               ["static/casestudy.js", "static/casestudy.css",
                                "public/js/translations/es_419/text.js"], 60)


def fill_log(usage_id, course_key, count, start=0):
    from opaque_keys.edx.keys import UsageKey

    from puentes_casestudy.models import CaseStudyAnswer
    usage_key = UsageKey.from_string(usage_id)
    now = datetime.datetime.now(datetime.UTC)
    CaseStudyAnswer.objects.bulk_create([
        CaseStudyAnswer(course_key=course_key, usage_key=usage_key, anonymous_id=f"anon{n:06d}", question_id="q4",
                        attempt=1, answer="Abriríamos el centro de salud en horario extendido con apoyo de la OIM.",
                        score=1.0, submitted_at=now) for n in range(start, start + count)], batch_size=1000)


def main():
    with bench_database():
        from django.contrib.auth import get_user_model
        from opaque_keys.edx.locator import CourseLocator

        from puentes_casestudy.scenarios import scenarios
        from puentes_demo.models import CourseRole
        from puentes_demo.runtime import DemoRuntime
        from tests.helpers import BlockLoader, get, post_json

        course_key = CourseLocator("OAS", "PUENTES-BENCH", "2027")
        load = BlockLoader(course_key)
        users = get_user_model().objects
        learner = users.create(username="ana")
        staff = users.create(username="diego")
        CourseRole.objects.create(user=staff, course_key=str(course_key), role="staff")
        xml = scenarios()[1][1].replace('max_attempts="2"', "")  # unlimited attempts, so submit can repeat
        usage_id = load.parse(xml)

        def open_page():
            runtime = DemoRuntime(learner, course_key)
            runtime.kvs.prefetch([usage_id], runtime.django_user_id)
            runtime.get_block(usage_id).render("student_view", {}).body_html()

        def submit():
            status, _ = post_json(load.block(usage_id, learner), "submit_answer", {"question": "q1", "answer": "a"})
            assert status == 200

        steps = iter(())

        def decide():
            nonlocal steps
            block = load.block(usage_id, learner)
            option = next(steps, None)
            if option is None:
                post_json(block, "restart", {"question": "q5"})
                steps = iter(["a", "a"])
                option = next(steps)
            assert post_json(block, "choose", {"question": "q5", "option": option})[0] == 200

        learner_rows = []
        filled = 0
        for others in (0, 1000, 10000):
            fill_log(usage_id, course_key, others - filled, start=filled)
            filled = others
            for name, operation in (("learner page open", open_page), ("submit (single choice)", submit),
                                    ("decision step", decide)):
                timing = measure(operation, repeat=40)
                learner_rows.append([name, others, *timing.cells()])

        export_rows = []
        for size in (1000, 10000):
            from puentes_casestudy.models import CaseStudyAnswer
            CaseStudyAnswer.objects.all().delete()
            fill_log(usage_id, course_key, size)

            def export():
                response = get(load.block(usage_id, staff), "export_answers")
                assert response.status_code == 200
                return response.body

            timing = measure(export, repeat=5 if size > 1000 else 15, warmup=1)
            export_rows.append(["staff CSV export", size, *timing.cells(),
                                f"{len(export()) / 1024:.0f} KB"])

        print("### Page weight (the block's own files, uncompressed)\n")
        print(page_weight(load, learner))
        print("\n### Learner operations (N = other learners' submissions in the log)\n")
        print(table(["operation", "N", *TIMED], learner_rows))
        print("\n### Staff export\n")
        print(table(["operation", "submissions", *TIMED, "size"], export_rows))
        print("\nQueries: the demo runtime's field store plus the answer log. The CSV reads the log with one "
              "query, fetching 2,000 rows at a time, and streams the file as it goes.")


if __name__ == "__main__":
    main()
