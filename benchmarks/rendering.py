"""Benchmark: rendering the learner pages in Spanish the way xblock.utils does and the way the pack does (issue 19).

In a site with 200 more installed apps than the demo, each with a locale folder (benchmarks/lms_like_settings.py),
the proposal page (a team's full draft) and the case-study page are rendered through the real runtime, calls of
the two ways interleaved so that a load spike hits both alike:

- xblock.utils: `ResourceLoader.render_django_template(..., i18n_service=...)` — the template compiled on every
  render, and each `{% trans %}` tag building a `DjangoTranslation` (a scan of every app's locale folder) and
  merging the block's catalogue into Django's;
- the pack: `puentes_core.rendering` — templates compiled once per process, tags reading the block's catalogue.

    python -m benchmarks.rendering
"""
import os
import statistics
import time

from benchmarks.harness import machine_load, table

os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.lms_like_settings"


def xblock_utils_render(block, template, context, catalogue=None):
    """What `puentes_core.rendering.render_template` replaced, for the comparison."""
    from xblock.utils.resources import ResourceLoader

    from puentes_core.i18n import block_catalogue
    from puentes_core.rendering import block_module
    return ResourceLoader(block_module(block)).render_django_template(
        template, context=dict(context), i18n_service=catalogue or block_catalogue(block))


def interleaved(first, second, rounds=25, least=7, budget=20.0):
    """Median ms of each, called in turn, and how many rounds: `rounds`, or fewer (never under `least`) once
    `budget` seconds have gone by. The old way takes seconds a render in this site and is 20-30 times the new
    one: seven rounds place its median well enough, and 25 of them made this the longest section of the run."""
    timings = ([], [])
    started = time.perf_counter()
    while len(timings[0]) < rounds and (len(timings[0]) < least or time.perf_counter() - started < budget):
        for operation, samples in ((first, timings[0]), (second, timings[1])):
            start = time.perf_counter()
            operation()
            samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings[0]), statistics.median(timings[1]), len(timings[0])


def main():
    from benchmarks.harness import bench_database
    with bench_database():
        from django.apps import apps
        from django.contrib.auth import get_user_model
        from django.utils import translation
        from opaque_keys.edx.locator import CourseLocator

        from benchmarks.proposals import DRAFT
        from puentes_casestudy import block as casestudy_block
        from puentes_casestudy.scenarios import scenarios
        from puentes_core import rendering
        from puentes_proposals import api
        from tests.helpers import BlockLoader

        course_key = CourseLocator("OAS", "PUENTES-BENCH", "2027")
        load = BlockLoader(course_key)
        writer = get_user_model().objects.create(username="ana")
        proposal_usage = load.parse('<puentes_proposal url_name="bench_proposal" max_versions="0"/>')
        proposal = api.start_proposal(course_key, load.block(proposal_usage).block_key, writer.id, "anon-ana")
        api.save_answers(proposal.proposal_id, writer.id, [
            {"section": key, "value": value, "base_revision": 0} for key, value in DRAFT.items()],
            load.block(proposal_usage, writer).template())
        case_usage = load.parse(scenarios()[1][1])
        pages = (("proposal page, a team's full draft", proposal_usage), ("case-study page, before answering",
                                                                          case_usage))
        ours = rendering.render_template
        rows = []
        with translation.override("es-419"):
            for label, usage in pages:
                def render(way, usage=usage):
                    rendering.render_template = casestudy_block.render_template = way
                    try:
                        return load.block(usage, writer).render("student_view", {}).body_html()
                    finally:
                        rendering.render_template = casestudy_block.render_template = ours
                assert render(xblock_utils_render) == render(ours), f"{label}: the two ways must render the same"
                old, new, rounds = interleaved(lambda render=render: render(xblock_utils_render),
                                               lambda render=render: render(ours))
                rows.append([label, old, new, f"{new / old:.2f}", rounds, machine_load()])
        print(f"Spanish (es-419), {len(apps.get_app_configs())} installed apps; medians of interleaved renders "
              "(each round renders the page both ways), through the demo runtime.\n")
        print(table(["page", "xblock.utils ms", "puentes_core.rendering ms", "ratio", "rounds", "load"], rows))


if __name__ == "__main__":
    main()
