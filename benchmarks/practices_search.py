"""The library of good practices: search and filters over 10,000 published practices, on SQLite and on
MariaDB (its FULLTEXT index; the issue's target is p50 under 100 ms there). The page is the JSON API's view,
called through Django's test client: the query, the count, one page of records and their tags."""
import os
import random
import subprocess
import sys

from benchmarks.harness import REPO, bench_database, measure, table

N = 10_000
WORDS = ("acogida integración migrantes refugiados empleo escuela salud vivienda documentación niñez mujeres "
         "violencia xenofobia convivencia municipio ventanilla orientación feria crédito formación acolhida "
         "integração emprego escola saúde moradia crianças mulheres violência município abrigo interiorização "
         "reception integration jobs school health housing children women returnees deportees diaspora "
         "language livelihoods navigators shelter referral pathway contingency budget indicators").split()
AREAS = ("reception", "employment", "protection", "education", "psychosocial", "interculturality", "governance")
GROUPS = ("refugees", "migrants", "returnees", "women_girls", "children", "indigenous", "host_community")
COUNTRIES = ("MX", "GT", "CO", "EC", "PE", "CL", "BR", "AR", "TT", "GY", "JM", "DO", "HT", "CR", "PA", "UY")
BANDS = ("under_10k", "10k_50k", "50k_100k", "100k_250k", "over_250k")


def _vocabulary(rng, size=4000):
    """The domain's words and many more made of syllables, drawn with Zipf's law as real texts are:
    a few words in almost every practice, most in a handful."""
    syllables = "ba ca da fe ga la ma na pa ra sa ta va ce di lo mu ne ri so tu que gra bra pro ción ento".split()
    made = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(size)}
    words = list(WORDS) + sorted(made - set(WORDS))
    rng.shuffle(words)
    return words, [1 / rank for rank in range(1, len(words) + 1)]


def _text(rng, words, vocabulary):
    return " ".join(rng.choices(vocabulary[0], weights=vocabulary[1], k=words))


def fill():
    """N published practices with varied texts, areas, groups, countries and bands (bulk, like an import)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from puentes_practices import building
    from puentes_practices.models import Practice, PracticeTag
    rng = random.Random(7)
    vocabulary = _vocabulary(rng)
    get_user_model().objects.create(username="bench")
    now = timezone.now()
    practices = []
    for number in range(N):
        practice = Practice(
            source="proposal", proposal_id=number + 1, version=1, course_key="course-v1:OAS+PUENTES-ES+2027",
            language=rng.choice(("es", "pt", "en")), title=_text(rng, 6, vocabulary).capitalize(),
            summary=_text(rng, 40, vocabulary), problem=_text(rng, 150, vocabulary),
            actions=_text(rng, 150, vocabulary), partners=_text(rng, 20, vocabulary),
            indicators=[{"indicator": _text(rng, 4, vocabulary), "baseline": "0", "target": "100"}],
            municipality=f"Municipio {number % 700}", country=rng.choice(COUNTRIES), currency="USD",
            budget_band=rng.choice(BANDS), award="winner" if number % 200 == 0 else "",
            status=Practice.PUBLISHED, published_at=now, in_network=True)
        practice.search_text = building.search_text(practice)
        practices.append(practice)
    Practice.objects.bulk_create(practices, batch_size=500)
    ids = list(Practice.objects.order_by("pk").values_list("pk", flat=True))
    tags = []
    for practice_id in ids:
        tags.append(PracticeTag(practice_id=practice_id, kind="area", code=rng.choice(AREAS)))
        tags += [PracticeTag(practice_id=practice_id, kind="group", code=code) for code in rng.sample(GROUPS, 2)]
    PracticeTag.objects.bulk_create(tags, batch_size=2000)


QUERIES = [
    ("no words, no filter (the library's first page)", ""),
    ("a word (integracion)", "q=integracion"),
    ("a word (deportees)", "q=deportees"),
    ("two words", "q=escuela+salud"),
    ("a word and a country", "q=vivienda&country=CO"),
    ("area and group filters", "area=education&group=children"),
    ("a word, a band and awarded", "q=empleo&band=10k_50k&awarded=1"),
]


def run(database):
    from django.test import Client
    with bench_database() as connection:
        connection.ensure_connection()
        fill()
        client = Client()
        rows = []
        for label, query in QUERIES:
            url = f"/api/puentes_practices/v1/practices/?{query}"
            statements = []

            def count(run, sql, *args, statements=statements):
                statements.append(sql)
                return run(sql, *args)

            with connection.execute_wrapper(count):
                found = client.get(url).json()["count"]
            timing = measure(lambda url=url: client.get(url), repeat=30, budget=15)
            rows.append((label, found, timing.p50, timing.p95, len(statements), len(timing.samples_ms), timing.load))
        print(f"### {database}, N = {N} published practices (30 calls each, or fewer past 15 s, never under 10)\n")
        print(table(["search", "found", "p50 ms", "p95 ms", "queries", "calls", "load"], rows))
        print()


def main():
    if len(sys.argv) > 1:
        run(sys.argv[1])
        return
    for database, env in (("SQLite", {}), ("MariaDB", {"PUENTES_DB": "mysql",
                                                        "PUENTES_TEST_DB_NAME": "bench_practices"})):
        result = subprocess.run([sys.executable, "-m", "benchmarks.practices_search", database], cwd=REPO,
                                capture_output=True, text=True, env={**os.environ, **env})
        print(result.stdout.strip() if result.returncode == 0 else f"{database} FAILED:\n{result.stderr[-2000:]}")
        print()


if __name__ == "__main__":
    main()
