"""Every catalogue entry is translated, and what ships compiled matches the source catalogues."""
from pathlib import Path

import polib
import pytest

REPO = Path(__file__).resolve().parents[2]
SOURCE_CATALOGUES = sorted((REPO / "translations").glob("*/conf/locale/*/LC_MESSAGES/*.po"))


BARE_LANGUAGE = {"es_419": "es", "pt_BR": "pt"}


def _compiled_for(po_path):
    """The Django catalogues compiled from a source one: under its locale and under the bare language,
    which Django reads for the LMS's other spellings (es-mx -> es_MX, then es)."""
    module, locale, domain = po_path.parts[-6], po_path.parts[-3], po_path.stem
    for root in ("xblocks", "plugins", "demo"):
        package = REPO / root / module
        if package.is_dir():
            return [package / "locale" / folder / "LC_MESSAGES" / f"{domain}.mo"
                    for folder in (locale, BARE_LANGUAGE[locale])]
    raise AssertionError(f"no package for {module}")


def test_there_are_catalogues_for_both_languages():
    locales = {path.parts[-3] for path in SOURCE_CATALOGUES}
    assert locales == {"es_419", "pt_BR"}


@pytest.mark.parametrize("po_path", SOURCE_CATALOGUES, ids=lambda p: "/".join(p.parts[-6:]))
def test_every_entry_is_translated(po_path):
    catalogue = polib.pofile(str(po_path))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing and not fuzzy, f"untranslated: {missing[:10]} fuzzy: {fuzzy[:10]}"


@pytest.mark.parametrize("po_path", SOURCE_CATALOGUES, ids=lambda p: "/".join(p.parts[-6:]))
def test_compiled_catalogue_is_up_to_date(po_path):
    source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.pofile(str(po_path))}
    for compiled_path in _compiled_for(po_path):
        assert compiled_path.exists(), f"run make translations: {compiled_path} is missing"
        compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(compiled_path))}
        assert compiled == source, f"run make translations: {compiled_path} is stale"
