"""Thematic areas: the codes and words of the default proposal template, read in the reader's language."""
from django.utils import translation

from puentes_core.i18n import shipped_catalogue
from puentes_core.thematic_areas import THEMATIC_AREAS, choice_label
from puentes_proposal.default_template import THEMATIC_AREAS as DEFAULT_CHOICES


def test_the_vocabulary_is_the_default_templates_in_every_language():
    assert {choice["value"]: choice["label"] for choice in DEFAULT_CHOICES} == THEMATIC_AREAS
    for locale in ("es_419", "pt_BR"):
        core, block = shipped_catalogue("puentes_core", locale), shipped_catalogue("puentes_proposal", locale)
        for msgid in THEMATIC_AREAS.values():
            assert core.gettext(msgid) == block.gettext(msgid) != msgid, (locale, msgid)


def test_a_stored_choice_reads_in_the_readers_language_unless_a_course_team_wrote_its_own_words():
    with translation.override("pt-br"):
        # The team read the default words in Spanish (or nothing was kept): the reader's words.
        assert choice_label("reception", "Acogida, documentación y acceso a servicios") \
            == "Acolhimento, documentação e acesso a serviços"
        assert choice_label("education", "") == "Educação"
        # A course team's own label, and a value nothing names, as they are.
        assert choice_label("reception", "Recepción en frontera") == "Recepción en frontera"
        assert choice_label("vivienda", "") == "vivienda"
    with translation.override("es-ar"):
        assert choice_label("employment") == "Empleo e integración socioeconómica"


def test_the_library_of_practices_names_an_area_as_the_proposal_does():
    from puentes_practices.vocabulary import THEMATIC_AREAS as LIBRARY_AREAS
    for language in ("en", "es-419", "pt-br"):
        with translation.override(language):
            assert {code: str(label) for code, label in LIBRARY_AREAS.items()} == \
                {code: choice_label(code) for code in THEMATIC_AREAS}, language
