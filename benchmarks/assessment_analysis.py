"""Benchmark: the needs assessment's analysts' page and exports at 1,000 and 10,000 responses (issue 17).

The courses' baseline and end-line (course_content/<lang>/vertical/m01_needs_unit.xml and
m11_needs_endline_unit.xml) answered by officials of 2,000 municipalities in twelve countries, in the three
course languages; 92 % consent. Each page is requested as a named analyst, in Spanish, through Django's
test client, both with the figures in the cache (the data unchanged since the last view) and right after
a learner saved (the figures recomputed from all responses). Target: the page under 300 ms p50 at
10,000 responses, with the same number of queries at every size.

    python -m benchmarks.assessment_analysis [--repeat N]
"""
import argparse
import random

from benchmarks.awards_jury_pages import queries_of
from benchmarks.harness import REPO, bench_database, measure, table

SIZES = (1_000, 10_000)
COUNTRIES = ["AR", "BO", "BR", "CL", "CO", "CR", "EC", "GT", "MX", "PE", "PY", "UY"]
LANGUAGE_OF = {"BR": "pt", "MX": "en"}
INSTRUMENT = "puentes-needs-2027"


def course_blocks():
    """{(language, wave): block} parsed from the course files through the demo's LMS-shaped runtime."""
    from lxml import etree
    from opaque_keys.edx.locator import CourseLocator

    from puentes_demo.runtime import DemoRuntime, ImportRuntime
    blocks = {}
    for language in ("en", "es", "pt"):
        course_key = CourseLocator("OAS", f"PUENTES-{language.upper()}", "2027")
        for unit, wave in (("m01_needs_unit", "baseline"), ("m11_needs_endline_unit", "endline")):
            vertical = etree.parse(str(REPO / "course_content" / language / "vertical" / f"{unit}.xml")).getroot()
            xml = etree.tostring(vertical.find("puentes_needs_assessment"), encoding="unicode")
            usage_id = ImportRuntime(None, course_key).parse_xml_string(xml)  # as the course import does
            blocks[(language, wave)] = DemoRuntime(None, course_key).get_block(usage_id)
    return blocks


def responses(size, blocks, rng):
    """`size` submitted responses (4 baselines for every end-line), written in bulk."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from opaque_keys.edx.keys import UsageKey
    from puentes_assessment import api
    from puentes_assessment.models import Respondent, Response
    from puentes_assessment.municipalities import municipality_key
    from puentes_needs_assessment.answers import keep_visible

    from puentes_demo.assessment import _answers

    baselines = size * 4 // 5
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"bench-{size}-{number}") for number in range(baselines))
    respondents = Respondent.objects.bulk_create(
        Respondent(instrument=INSTRUMENT, user=user, consent=rng.random() < 0.92) for user in users)
    now, rows = timezone.now(), []
    for number, respondent in enumerate(respondents):
        country = COUNTRIES[number % len(COUNTRIES)]
        town = f"Municipio {number % 2000}"
        language = LANGUAGE_OF.get(country, "es")
        waves = ("baseline", "endline") if number < size - baselines else ("baseline",)
        for wave in waves:
            block = blocks[(language, wave)]
            answers = keep_visible(block.questionnaire(), _answers(block.questionnaire(), rng, rng.random(), "es"))
            rows.append(Response(
                respondent=respondent, instrument=INSTRUMENT, wave=wave, course_key=block.block_key.course_key,
                block_key=UsageKey.from_string(str(block.block_key)), language=language, municipality=town,
                municipality_key=municipality_key(country, town), country=country, answers=answers,
                submitted_at=now))
    Response.objects.bulk_create(rows, batch_size=1000)
    # One more official per course and wave submits through the api, which records each block's codebook.
    for block in blocks.values():
        user = get_user_model().objects.create(username=f"bench-{size}-{block.course_language()}-{block.wave}")
        answers = keep_visible(block.questionnaire(), _answers(block.questionnaire(), rng, 0.5, "es"))
        api.submit(block.place(), user.id, answers, "Municipio 0", "CO", block.codebook())
    return len(rows) + len(blocks)


def run(repeat):
    from django.contrib.auth import get_user_model
    from django.test import Client
    from puentes_assessment import api
    from puentes_assessment.models import Respondent, Response
    rng = random.Random(17)
    blocks = course_blocks()
    analyst = get_user_model().objects.create(username="bench-analyst")
    api.grant_analyst(INSTRUMENT, analyst)
    client = Client()
    client.force_login(analyst)
    base = f"/puentes_assessment/{INSTRUMENT}/"
    rows = []
    for size in SIZES:
        Response.objects.all().delete()
        Respondent.objects.all().delete()
        count = responses(size, blocks, rng)
        changed = Response.objects.order_by("id").first()

        def after_a_change(url, changed=changed):
            changed.save(update_fields=["saved_at"])  # a learner saves: the fingerprint moves, figures recompute
            return client.get(url)

        requests = [
            ("analysts' page, figures cached (no change since the last view)", f"{base}?lang=es", client.get),
            ("analysts' page right after a change (figures recomputed)", f"{base}?lang=es", after_a_change),
            ("figures CSV, cached", f"{base}export/figures.csv", client.get),
            ("figures JSON, cached", f"{base}export/figures.json", client.get),
        ]
        for label, url, call in requests:
            response = call(url)
            assert response.status_code == 200, (label, response.status_code)
            timing = measure(lambda url=url, call=call: call(url), repeat=repeat, warmup=1)
            rows.append([label, count, timing.p50, timing.p95, queries_of(lambda url=url, call=call: call(url)),
                         timing.load])
    print("Needs assessment, the courses' baseline and end-line answered from 2,000 municipalities in 12 countries "
          "and three languages; the figures are summarised once and kept in the cache until the data behind them "
          "changes (summaries.py), measured both ways; Django test client, SQLite. Target: the page < 300 ms p50 "
          "at 10,000 responses, queries independent of N.\n")
    print(table(["request", "responses", "p50 ms", "p95 ms", "queries", "load"], rows))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    with bench_database():
        run(args.repeat)


if __name__ == "__main__":
    main()
