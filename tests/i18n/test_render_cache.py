"""Block templates compile once per process and translate from the block's own catalogue, without
building Django translations or changing them for anyone else during a render."""
import gettext

import pytest
from django.template import Context
from django.utils import translation
from django.utils.translation import trans_real

from puentes_core import rendering
from puentes_core.i18n import shipped_catalogue

pytestmark = pytest.mark.django_db

PROPOSAL = '<puentes_proposal url_name="cache_proposal"/>'


class Catalogue(gettext.NullTranslations):
    """A catalogue from a dict: {msgid: msgstr} and {(singular, plural): (one, many)}."""

    def __init__(self, strings):
        super().__init__()
        self.strings = strings

    def gettext(self, message):
        return self.strings.get(message, message)

    def ngettext(self, singular, plural, count):
        one, many = self.strings.get((singular, plural), (singular, plural))
        return one if count == 1 else many


def render(source, catalogue, **context):
    from django.template import Template
    return Template(source, engine=rendering._engine()).render(Context({**context, "_i18n_service": catalogue}))


def test_a_template_is_compiled_once_for_every_render(load_block, make_user, course_key):
    usage_id = load_block.parse(PROPOSAL)
    rendering.compiled_template.cache_clear()
    for name in ("ana", "bruno", "carla"):
        load_block.block(usage_id, make_user(name, course_key=course_key)).render("student_view", {})
    info = rendering.compiled_template.cache_info()
    assert info.misses == 1 and info.hits == 2


def test_rendering_builds_no_django_translation_and_leaves_the_global_one_alone(
        load_block, make_user, course_key, monkeypatch):
    usage_id = load_block.parse(PROPOSAL)
    block_only = "Write the proposal alone or with up to %(size)s colleague of your municipality."
    with translation.override("es-419"):
        load_block.block(usage_id, make_user("ana", course_key=course_key)).render("student_view", {})
        built = []
        original = trans_real.DjangoTranslation.__init__
        monkeypatch.setattr(trans_real.DjangoTranslation, "__init__",
                            lambda self, *args, **kwargs: built.append(args) or original(self, *args, **kwargs))
        html = load_block.block(usage_id, make_user("bruno", course_key=course_key)).render(
            "student_view", {}).body_html()
        assert built == []
        assert "hasta 5 colegas de su municipio" in html
        # The block's strings were not merged into Django's translation for everyone else.
        assert translation.ngettext(block_only, block_only.replace("colleague", "colleagues"), 1) == block_only


def test_trans_and_blocktrans_read_the_given_catalogue():
    catalogue = Catalogue({"Save": "Guardar", ("%(n)s word", "%(n)s words"): ("%(n)s palabra", "%(n)s palabras"),
                           "Hello %(name)s": "Hola %(name)s"})
    source = ('{% load i18n %}{% trans "Save" %}|{% blocktrans count n=words %}{{ n }} word{% plural %}'
              '{{ n }} words{% endblocktrans %}|{% blocktrans with name=who %}Hello {{ name }}{% endblocktrans %}'
              '|{% trans "Save" as label %}[{{ label }}]|{% trans "Save" noop %}')
    assert render(source, catalogue, words=1, who="Ana") == "Guardar|1 palabra|Hola Ana|[Guardar]|Save"
    assert render(source, catalogue, words=3, who="<b>") == "Guardar|3 palabras|Hola &lt;b&gt;|[Guardar]|Save"


def test_two_blocks_catalogues_never_mix():
    source = '{% load i18n %}{% trans "Submit" %}'
    assert render(source, Catalogue({"Submit": "Enviar"})) == "Enviar"
    assert render(source, Catalogue({"Submit": "Entregar"})) == "Entregar"
    assert render(source, Catalogue({})) == "Submit"


def test_a_string_the_block_lacks_comes_from_djangos_catalogue():
    with translation.override("es"):
        assert render('{% load i18n %}{% trans "Yes" %}', Catalogue({})) == "Sí"


def test_a_broken_translation_shows_the_source_text():
    broken = Catalogue({"Hello %(name)s": "Hola %(nombre)s"})
    assert render('{% load i18n %}{% blocktrans with name=who %}Hello {{ name }}{% endblocktrans %}',
                  broken, who="Ana") == "Hello Ana"


@pytest.mark.parametrize("language,locale", [("es-419", "es_419"), ("pt-br", "pt_BR")])
def test_the_proposal_page_speaks_the_shipped_catalogue(load_block, make_user, course_key, language, locale):
    usage_id = load_block.parse(PROPOSAL)
    catalogue = shipped_catalogue("puentes_proposal", locale)
    with translation.override(language):
        html = load_block.block(usage_id, make_user("ana", course_key=course_key)).render(
            "student_view", {}).body_html()
    team = "Write the proposal alone or with up to %(size)s colleague of your municipality."
    assert catalogue.ngettext(team, team.replace("colleague", "colleagues"), 5) % {"size": 5} in html


def test_a_page_asks_the_runtime_for_the_i18n_service_once_and_follows_a_change_of_language(
        load_block, make_user, course_key, monkeypatch):
    """The LMS builds a new i18n service (reading locale folders) on every `runtime.service` call; a page asks
    for dozens of strings, so the block keeps its catalogue, for the language it was asked in."""
    from puentes_demo.runtime import DemoRuntime
    usage_id = load_block.parse(PROPOSAL)
    block = load_block.block(usage_id, make_user("ana", course_key=course_key))
    asked = []
    original = DemoRuntime.service
    monkeypatch.setattr(DemoRuntime, "service", lambda self, blk, name: (
        asked.append(name) if name == "i18n" else None) or original(self, blk, name))
    with translation.override("es-419"):
        html = block.render("student_view", {}).body_html()
        assert "hasta 5 colegas de su municipio" in html
        assert asked == ["i18n"]
        spanish = block.template()[2]["title"]
    with translation.override("pt-br"):
        portuguese = block.template()[2]["title"]
        assert asked == ["i18n", "i18n"]
    with translation.override("en"):
        english = block.template()[2]["title"]
    assert len({english, spanish, portuguese}) == 3, (english, spanish, portuguese)


def test_the_demo_runtime_reads_no_asides_as_the_lms_with_asides_off(load_block, make_user, course_key,
                                                                      monkeypatch):
    import xblock.plugin
    usage_id = load_block.parse(PROPOSAL)
    block = load_block.block(usage_id, make_user("ana", course_key=course_key))
    monkeypatch.setattr(xblock.plugin.Plugin, "load_classes", classmethod(lambda cls, *a, **k: 1 / 0))
    assert block.runtime.applicable_aside_types(block) == []
    assert block.render("student_view", {}).body_html()
