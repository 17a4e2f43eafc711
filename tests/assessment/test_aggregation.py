"""Aggregation across the three course languages, consent, and small-cell suppression in the figures."""
import pytest
from puentes_assessment import api, suppression
from puentes_assessment.municipalities import municipality_key

from .flows import Survey, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def summary_es():
    survey = Survey()
    region(survey)
    return api.analysis("puentes-needs-sample", "es-419")


def test_municipality_keys_ignore_case_accents_and_spaces():
    assert municipality_key("co", " Cúcuta ") == municipality_key("CO", "cucuta") == "CO:cucuta"
    assert municipality_key("CO", "San  José del Guaviare") == "CO:san jose del guaviare"
    assert municipality_key("CO", "") == ""


@pytest.mark.parametrize(("cells", "hidden"), [
    ([6, 7, 8], set()),
    ([3, 7, 8], {0, 1}),          # one small cell: the next smallest goes too, or the total gives it away
    ([3, 2, 8], {0, 1}),
    ([0, 7, 8], set()),           # an empty cell reveals nobody
    ([3, 0, 0], {0}),             # nothing else to hide: the row's total is itself drawn from 3 (suppressed)
])
def test_secondary_suppression(cells, hidden):
    assert suppression.hidden_cells(cells, 5) == hidden


def test_answers_from_three_languages_add_up_by_code(summary_es):
    totals = summary_es["totals"]["baseline"]
    # 7 Colombian answers from 6 municipalities, 5 Brazilian, 2 Mexican; Argentina did not consent
    assert totals["responses"] == 14 and totals["municipalities"] == 13
    countries = {c["code"]: c for c in summary_es["countries"]}
    assert set(countries) == {"BR", "CO", "MX"}
    assert countries["CO"]["baseline"]["municipalities"] == 6 and countries["CO"]["name"] == "Colombia"
    assert countries["BR"]["name"] == "Brasil"  # Babel, in the reader's language


def test_labels_come_in_the_readers_language():
    survey = Survey()
    region(survey)
    for language, title in (("pt-br", "Governança e coordenação"), ("es-419", "Gobernanza y coordinación"),
                            ("en", "Governance and coordination")):
        areas = {a["area"]: a["title"] for a in api.analysis("puentes-needs-sample", language)["areas"]}
        assert areas["governance"] == title


def test_figures_from_fewer_than_five_municipalities_are_suppressed(summary_es):
    countries = {c["code"]: c for c in summary_es["countries"]}
    assert countries["MX"]["baseline"] == {"responses": None, "municipalities": None, "suppressed": True,
                                           "empty": False}
    assert countries["CO"]["endline"]["responses"] == 6 and countries["BR"]["endline"]["responses"] == 5
    assert summary_es["totals"]["endline"]["responses"] == 11
    governance = next(a for a in summary_es["areas"] if a["area"] == "governance")
    by_country = dict(zip([c["code"] for c in summary_es["countries"]], governance["countries"], strict=True))
    assert by_country["MX"]["mean"] is None and by_country["MX"]["suppressed"]
    assert by_country["BR"]["mean"] == pytest.approx(100 * (3 * 1 / 3 + 2 * 2 / 3) / 5)  # levels 2,3,2,3,2 of 4
    coordination = next(q for q in summary_es["capacities"] if q["code"] == "GOV_COORD")
    levels = {c["value"]: c for c in coordination["choices"]}
    # level 1: 3 CO + the second Cúcuta = 4 answers from 3 municipalities; level 4: 2 MX -> both hidden
    assert levels[1]["count"] is None and levels[1]["suppressed"]
    assert levels[4]["count"] is None and levels[4]["suppressed"]
    assert levels[2]["count"] == 6 and levels[3]["count"] == 2 or levels[3]["suppressed"]


def test_baseline_and_endline_change(summary_es):
    governance = next(a for a in summary_es["areas"] if a["area"] == "governance")
    assert governance["endline"]["municipalities"] == 11
    assert governance["change"] == pytest.approx(governance["endline"]["mean"] - governance["baseline"]["mean"])
    assert governance["change"] > 0


def test_written_answers_show_without_their_municipality_only_above_the_minimum(summary_es):
    texts = summary_es["texts_by_area"][0]["questions"][0]
    assert texts["code"] == "MAIN_NEED" and texts["answers"]["total"] == 14
    written = {entry["text"]: entry["count"] for entry in texts["answers"]["entries"]}
    # the same words once, counted: the second Cúcuta official and the two Mexicans kept the sample's answer
    assert written["Interpreters in the health centres."] == 3 and written["Necesidad 0"] == 1
    assert not any("Cúcuta" in text for text in written)


def test_groups_in_vulnerable_situations(summary_es):
    groups = summary_es["groups"][0]
    shares = {c["value"]: c for c in groups["choices"]}
    assert shares["women_girls"]["count"] == 12 and shares["indigenous"]["suppressed"]
    assert shares["children"]["count"] == 12  # several answers each: no secondary suppression needed


def test_nothing_leaves_without_consent():
    survey = Survey()
    for town in ["A", "B", "C", "D", "E", "F"]:
        survey.official("es", town, "AR", consent=False)
    summary = api.analysis("puentes-needs-sample", "es-419")
    assert summary["totals"]["baseline"]["responses"] is None and summary["countries"] == []


def test_the_cached_figures_follow_every_change(django_assert_max_num_queries):
    from puentes_assessment.models import Respondent
    survey = Survey()
    region(survey)
    before = api.analysis("puentes-needs-sample", "en")
    with django_assert_max_num_queries(3):  # a cached view reads only the fingerprint
        assert api.analysis("puentes-needs-sample", "en") == before
    survey.official("pt", "Roraima", "BR")
    after = api.analysis("puentes-needs-sample", "en")
    assert after["totals"]["baseline"]["responses"] == before["totals"]["baseline"]["responses"] + 1
    withdrawn = Respondent.objects.filter(consent=True).first()
    api.set_consent("puentes-needs-sample", withdrawn.user_id, False)
    assert api.analysis("puentes-needs-sample", "en")["totals"]["baseline"]["responses"] < \
        after["totals"]["baseline"]["responses"]


def test_an_unreachable_cache_means_fresh_figures(settings):
    # A real Redis client pointed at a port where nothing listens.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0",
                                   "OPTIONS": {"socket_connect_timeout": 0.2}}}
    survey = Survey()
    region(survey)
    assert api.analysis("puentes-needs-sample", "en")["totals"]["baseline"]["responses"] == 14
