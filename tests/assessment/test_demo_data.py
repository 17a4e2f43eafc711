"""The demo's seeded answers show every chart of the analysts' page, and one suppressed country."""
import pytest
from puentes_assessment import api, presentation

pytestmark = pytest.mark.django_db


def test_demo_answers_fill_every_figure_and_leave_one_country_suppressed():
    from puentes_demo import loading
    loading.load_everything()
    summary = api.analysis("puentes-needs-2027", "es-419")
    suppressed = [c["code"] for c in summary["countries"] if c["baseline"]["suppressed"]]
    assert suppressed == ["AR"]
    assert len([c for c in summary["countries"] if not c["baseline"]["suppressed"]]) >= 5
    assert all(area["baseline"]["mean"] is not None and area["endline"]["mean"] is not None
               for area in summary["areas"])
    assert all(not q["suppressed"] for q in summary["capacities"] + summary["groups"] + summary["numbers"])
    assert all(q["answers"] for area in summary["texts_by_area"] for q in area["questions"]
               if q["code"] == "MAIN_NEED")
    charts = presentation.chart_set(summary)
    assert len(charts) >= 3 + len(summary["capacities"]) + len(summary["groups"])
    loading.load_everything()  # idempotent: a second start adds no answers
    assert api.analysis("puentes-needs-2027", "es-419")["totals"] == summary["totals"]
    assert api.may_analyse(loading.get_user_model().objects.get(username="gabriela"), "puentes-needs-2027")
