"""Where the blocks' catalogues come from on a real site, and every spelling of Spanish and Portuguese.

The platform's i18n service (openedx-platform xmodule/modulestore/django.py, XBlockI18nService
.get_python_locale) prefers REPO_ROOT/conf/plugins-locale/xblock.v1/<module> whenever that folder
exists. A Tutor image always has it: the Dockerfile (overhangio/tutor tutor/templates/build/openedx/
Dockerfile) runs `pull_xblock_translations`, and atlas (openedx/openedx-atlas `atlas`, pull_translations)
runs `mkdir -p` on the target before finding out that openedx-translations holds nothing for the module.
The demo runtime's service mirrors that lookup (demo/puentes_demo/i18n_service.py), so these tests
build the image's folder layout and render every view.

The LMS hands over any language of its LANGUAGES (openedx-platform lms/envs/common.py: es-419, es-ar,
es-ec, es-es, es-mx, es-pe, pt-br, pt-pt, ...), or a bare `es` / `pt` from a custom list.
"""
import polib
import pytest
from django.utils import translation

from tests.helpers import BlockLoader
from tests.i18n.test_views_translated import (
    LANGUAGES,
    PACK_TAGS,
    REPO,
    english_left,
    installed_blocks,
    render_all_views,
    translated_scenarios,
)

pytestmark = pytest.mark.django_db

# Django language codes (lower case, hyphenated), as the LMS activates them.
OTHER_SPELLINGS = [("es", "es_419"), ("es-mx", "es_419"), ("pt", "pt_BR"), ("pt-pt", "pt_BR")]
SPELLINGS = {"es-419": ("es", "es-419", "es-mx", "es-ar", "es-es"), "pt-br": ("pt", "pt-br", "pt-pt")}


@pytest.fixture
def tutor_image(settings, tmp_path):
    """REPO_ROOT as in a Tutor image: an empty atlas folder for every installed pack XBlock module."""
    settings.REPO_ROOT = tmp_path
    pulled = tmp_path / "conf" / "plugins-locale" / "xblock.v1"
    for _tag, block_class in installed_blocks():
        (pulled / block_class.__module__.split(".")[0]).mkdir(parents=True, exist_ok=True)
    return pulled


def spelled_scenarios():
    for param in translated_scenarios():
        tag, block_class, xml, django_language = param.values
        for spelling in SPELLINGS[django_language]:
            yield pytest.param(tag, block_class, xml, django_language, spelling, id=f"{param.id}-{spelling}")


@pytest.mark.parametrize("tag,block_class,xml,django_language,spelling", list(spelled_scenarios()))
def test_no_english_left_in_a_tutor_image_in_any_spelling(
        tutor_image, tag, block_class, xml, django_language, spelling, make_user, course_key):
    locale, _language = LANGUAGES[django_language]
    module = block_class.__module__.split(".")[0]
    with translation.override(spelling):
        outputs = render_all_views(block_class, xml, make_user, course_key)
    assert outputs, f"{tag} rendered no view"
    problems = english_left(outputs, module, locale)
    assert not problems, "\n".join(problems)


def first_block(tag, course_key, user=None):
    block_class = dict(installed_blocks())[tag]
    _title, xml = block_class.workbench_scenarios()[0]
    loader = BlockLoader(course_key)
    return loader.block(loader.parse(xml), user)


def test_the_runtime_prefers_an_empty_atlas_folder_as_the_platform_does(tutor_image, course_key):
    """Without its own lookup a block would speak English here: the service found no catalogue."""
    block = first_block("puentes_proposal", course_key)
    with translation.override("es-419"):
        service = block.runtime.service(block, "i18n")
        assert getattr(service, "_catalog", None) is None
        assert service.gettext("Give the proposal a name.") == "Give the proposal a name."
        assert block.ugettext("Give the proposal a name.") != "Give the proposal a name."


def test_the_runtime_reads_the_shipped_catalogue_when_no_atlas_folder_exists(settings, tmp_path, course_key):
    settings.REPO_ROOT = tmp_path  # a site built without atlas
    block = first_block("puentes_proposal", course_key)
    with translation.override("es-419"):
        service = block.runtime.service(block, "i18n")
        message = "Give the proposal a name."
        assert service.gettext(message) == block.ugettext(message) != message
    with translation.override("es-mx"):  # the platform's exact-locale lookup misses es_419
        assert block.runtime.service(block, "i18n").gettext("Give the proposal a name.") == "Give the proposal a name."
        assert block.ugettext("Give the proposal a name.") != "Give the proposal a name."


@pytest.mark.parametrize("tag", PACK_TAGS)
def test_a_catalogue_in_the_atlas_folder_wins(tutor_image, tag, course_key, make_user):
    """An operator's or atlas's catalogue replaces the shipped one, in Python and in templates."""
    block_class = dict(installed_blocks())[tag]
    module = block_class.__module__.split(".")[0]
    source = polib.pofile(str(REPO / "translations" / module / "conf/locale/es_419/LC_MESSAGES/django.po"))
    pulled = polib.POFile()
    pulled.metadata = dict(source.metadata)
    for entry in source:
        if entry.msgstr and not entry.msgid_plural:
            pulled.append(polib.POEntry(msgid=entry.msgid, msgstr=f"«{entry.msgid}»"))
    target = tutor_image / module / "es_419" / "LC_MESSAGES"
    target.mkdir(parents=True)
    pulled.save_as_mofile(str(target / "django.mo"))

    _title, xml = next((t, x) for t, x in block_class.workbench_scenarios() if t.rstrip().endswith("(es)"))
    with translation.override("es-419"):
        outputs = render_all_views(block_class, xml, make_user, course_key)
        block = BlockLoader(course_key).block(BlockLoader(course_key).parse(xml))
        from puentes_core.i18n import block_catalogue
        assert block_catalogue(block).gettext(source[0].msgid) == f"«{source[0].msgid}»"
    marked = [html for _where, html, _args in outputs if "«" in html]
    assert marked, f"{tag}: no string of the atlas catalogue reached the page"


@pytest.mark.parametrize("spelling,locale", OTHER_SPELLINGS + [("es-419", "es_419"), ("pt-br", "pt_BR")])
def test_every_spelling_gets_the_shipped_javascript_catalogue(settings, tmp_path, course_key, spelling, locale):
    settings.REPO_ROOT = settings.STATICI18N_ROOT = tmp_path
    block = first_block("puentes_case_study", course_key)
    with translation.override(spelling):
        assert block.js_catalog_url().endswith(f"/public/js/translations/{locale}/text.js")


def test_english_gets_no_javascript_catalogue(settings, tmp_path, course_key):
    settings.REPO_ROOT = settings.STATICI18N_ROOT = tmp_path
    with translation.override("en"):
        assert first_block("puentes_case_study", course_key).js_catalog_url() is None


def test_a_compiled_platform_javascript_catalogue_wins(settings, tmp_path, course_key):
    """compile_xblock_translations writes STATICI18N_ROOT/js/xblock.v1-i18n/<module>/<locale>.js
    (openedx-platform common/djangoapps/xblock_django/translation.py); the service offers its URL."""
    settings.REPO_ROOT = settings.STATICI18N_ROOT = tmp_path
    compiled = tmp_path / "js" / "xblock.v1-i18n" / "puentes_casestudy" / "es_419.js"
    compiled.parent.mkdir(parents=True)
    compiled.write_text("window.PuentesCaseStudyI18N = {};", encoding="utf-8")
    block = first_block("puentes_case_study", course_key)
    with translation.override("es-419"):
        assert block.js_catalog_url() == "/static/js/xblock.v1-i18n/puentes_casestudy/es_419.js"
    with translation.override("es-mx"):  # the platform has none for es_MX: ours
        assert block.js_catalog_url().endswith("/public/js/translations/es_419/text.js")


@pytest.mark.parametrize("module", ["puentes_proposals", "puentes_awards", "puentes_casestudy"])
@pytest.mark.parametrize("spelling,locale", OTHER_SPELLINGS)
def test_the_apps_speak_every_spelling(module, spelling, locale):
    """Django looks up es_MX, then es: the apps ship their catalogues under the bare language too."""
    source = polib.pofile(str(REPO / "translations" / module / "conf/locale" / locale / "LC_MESSAGES/django.po"))
    entry = next(e for e in source if e.msgstr and e.msgstr != e.msgid and not e.msgid_plural and not e.msgctxt)
    with translation.override(spelling):
        assert translation.gettext(entry.msgid) == entry.msgstr
