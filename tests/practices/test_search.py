"""Search and filters over published practices, in the three languages, on SQLite and on MariaDB (FULLTEXT).

transactional_db: InnoDB's FULLTEXT index sees only committed rows, so these tests commit as the site does.
"""
import pytest

from puentes_practices import api, search
from tests.practices.conftest import approved_proposal, published

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def library(people, make_user):
    """Four published practices in three languages and one that waits for a moderator."""
    def make(name, **fields):
        share = fields.pop("share", {})
        proposal = approved_proposal(make_user(name), people["carla"], **fields)
        people_with_team = {**people, "ana": make_user(name)}
        return published(proposal, people_with_team, **share)

    return {
        "cucuta": make("t1", language="es", title="Ventanilla única de acogida en Cúcuta",
                       problem="<p>Migración venezolana y saturación de los servicios.</p>"),
        "boa_vista": make("t2", language="pt", title="Escolas que acolhem crianças migrantes", area="education",
                          problem="<p>Crianças venezuelanas fora da escola em Boa Vista.</p>", unit_cost="120000",
                          share={"language": "pt", "municipality": "Boa Vista", "country": "BR",
                                 "groups": ["children", "indigenous"]}),
        "kingston": make("t3", language="en", title="Jobs desk for returnees", area="employment",
                         problem="<p>Deported returnees find no work after arrival.</p>", unit_cost="8000",
                         share={"language": "en", "municipality": "Kingston", "country": "JM",
                                "groups": ["returnees"]}),
        "tapachula": make("t4", language="es", title="Empleo para personas refugiadas", area="employment",
                          problem="<p>Personas refugiadas sin permiso de trabajo.</p>",
                          share={"municipality": "Tapachula", "country": "MX", "groups": ["refugees"]}),
        "pending": api.share_proposal(approved_proposal(make_user("t5"), people["carla"],
                                                        title="Ventanilla pendiente"),
                                      make_user("t5"), language="es", groups=["refugees"], municipality="Quito",
                                      country="EC"),
    }


def _titles(page):
    return sorted(practice.municipality for practice in page.practices)


def test_words_are_found_whatever_their_accents_and_case(library):
    assert _titles(api.search_practices("MIGRACION")) == ["Cúcuta"]
    assert _titles(api.search_practices("migración venezolana")) == ["Cúcuta"]
    assert _titles(api.search_practices("crianças")) == ["Boa Vista"]
    assert _titles(api.search_practices("returnees")) == ["Kingston"]


def test_a_word_matches_as_a_prefix_on_every_database(library):
    assert _titles(api.search_practices("venezolan")) == ["Cúcuta"]
    assert _titles(api.search_practices("enezolana")) == []   # inside a word: neither database matches it


def test_every_word_is_required_and_common_or_short_words_are_set_aside(library):
    assert _titles(api.search_practices("acogida tapachula")) == []
    page = api.search_practices("la acogida de")
    assert _titles(page) == ["Cúcuta"] and page.words == ["acogida"] and page.ignored == ["la", "de"]


def test_nothing_unpublished_is_found(library):
    assert _titles(api.search_practices("pendiente")) == []
    assert api.search_practices().total == 4


def test_filters(library):
    assert _titles(api.search_practices(filters=api.clean_filters({"country": "br"}))) == ["Boa Vista"]
    assert _titles(api.search_practices(filters=api.clean_filters({"area": "employment"}))) == ["Kingston",
                                                                                                 "Tapachula"]
    assert _titles(api.search_practices(filters=api.clean_filters({"group": "children"}))) == ["Boa Vista",
                                                                                               "Cúcuta"]
    assert _titles(api.search_practices(filters=api.clean_filters({"band": "under_10k"}))) == ["Kingston"]
    assert _titles(api.search_practices("empleo", api.clean_filters({"country": "MX"}))) == ["Tapachula"]


def test_awarded_filter(library, people):
    from puentes_practices.models import Practice
    Practice.objects.filter(pk=library["kingston"].practice_id).update(award="mention")
    assert _titles(api.search_practices(filters=api.clean_filters({"awarded": "1"}))) == ["Kingston"]


@pytest.mark.parametrize("raw, field", [({"country": "ZZZ"}, "country"), ({"area": "x"}, "area"),
                                         ({"group": "<script>"}, "group"), ({"band": "1"}, "band")])
def test_a_bad_filter_is_refused_at_its_field(raw, field):
    with pytest.raises(api.PracticeError) as refused:
        api.clean_filters(raw)
    assert refused.value.field == field


def test_pages(library, settings):
    first = api.search_practices(page=1, page_size=3)
    second = api.search_practices(page=2, page_size=3)
    assert (first.total, first.pages, len(first.practices), len(second.practices)) == (4, 2, 3, 1)
    assert api.search_practices(page=99, page_size=3).page == 2


def test_fold():
    assert search.fold("¡Migración, AÇÃO!") == " migracion acao"
    assert search.query_words("a de la the com migração") == ["migracao"]
