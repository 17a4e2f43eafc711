"""Benchmark: the proposal block's Studio editor (issue 3, Studio side) through the real runtime.

1. What each view sends: the learner's view must stay under 80 KB; the editor's script and styles are
   added only to studio_view.
2. Opening the editor and saving it, with the default template (17 sections) and a long one (100, the
   most a template may have): p50/p95 and the SQL queries of one call. A save touches the block's own
   fields only, never the proposals, so its queries do not grow with the number of teams.
3. OLX: export and re-import of the template as <section> children.

    python -m benchmarks.proposal_studio
"""
import copy
import io

from benchmarks.harness import TIMED, bench_database, measure, table

LIMIT_BYTES = 80 * 1024


def weight(fragment):
    """Bytes of a rendered view: its HTML plus the CSS and JS it carries inline or by URL from the package."""
    inline = sum(len(resource.data.encode()) for resource in fragment.resources if resource.kind == "text")
    return len(fragment.body_html().encode()) + inline


def long_template(default):
    sections = []
    for n in range(100):
        section = copy.deepcopy(default[n % len(default)])
        section["id"] = f"{section['id']}_{n}"
        sections.append(section)
    return sections


def main():
    with bench_database():
        from django.contrib.auth import get_user_model
        from opaque_keys.edx.locator import CourseLocator

        from puentes_demo.models import CourseRole
        from tests.helpers import BlockLoader, post_json

        course_key = CourseLocator("OAS", "PUENTES-BENCH", "2027")
        load = BlockLoader(course_key)
        staff = get_user_model().objects.create(username="diego")
        CourseRole.objects.create(user=staff, course_key=str(course_key), role="staff")
        learner = get_user_model().objects.create(username="ana")
        usage_id = load.parse('<puentes_proposal url_name="bench_proposal"/>')

        def editor_values():
            return load.studio(usage_id, staff).studio_values()

        learner_bytes = weight(load.block(usage_id, learner).render("student_view", {}))
        studio_bytes = weight(load.studio(usage_id, staff).render("studio_view", {}))
        print("### What each view sends (HTML + inline JS and CSS, uncompressed; without the JS catalogue)\n")
        print(table(["view", "bytes", "limit"], [
            ["learner (student_view)", f"{learner_bytes} ({learner_bytes / 1024:.1f} KB)",
             "80 KB: " + ("ok" if learner_bytes < LIMIT_BYTES else "OVER")],
            ["Studio editor (studio_view)", f"{studio_bytes} ({studio_bytes / 1024:.1f} KB)", "none"]]))

        rows = []
        default = editor_values()
        for label, sections in ((f"{len(default['sections'])} (default)", default["sections"]),
                                ("100", long_template(default["sections"]))):
            values = {**default, "sections": sections}
            status, body = post_json(load.studio(usage_id, staff), "studio_submit", values)
            assert status == 200, body

            def open_editor():
                load.studio(usage_id, staff).render("studio_view", {}).body_html()

            def save(values=values):
                status, body = post_json(load.studio(usage_id, staff), "studio_submit", values)
                assert status == 200, body

            def refused(values=values):
                bad = {**values, "sections": [*values["sections"][:-1], {**values["sections"][-1], "type": "essay"}]}
                assert post_json(load.studio(usage_id, staff), "studio_submit", bad)[0] == 400

            def olx_round_trip():
                block = load.studio(usage_id, staff)
                out = io.BytesIO()
                block.runtime.export_to_xml(block, out)
                load.parse(out.getvalue())

            for name, operation in (("open the editor", open_editor), ("save", save),
                                    ("save refused (400, last section)", refused),
                                    ("OLX export + import", olx_round_trip)):
                timing = measure(operation, repeat=30, warmup=2)
                rows.append([name, label, *timing.cells()])
        print("\n### Studio operations (sections in the template)\n")
        print(table(["operation", "sections", *TIMED], rows))
        print("\nQueries include the demo runtime's field store (one row per scope); Studio's modulestore differs.")


if __name__ == "__main__":
    main()
