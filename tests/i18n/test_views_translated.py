"""Render every view of every pack block in Spanish and Portuguese: no English UI string may remain.

Two nets: (1) no msgid of the block's own catalogue whose translation differs from it appears in
the output (a string marked but not translated, or a catalogue not shipped); (2) no visible text
node of three words or more reads as English (a string never marked for translation).
"""
import json
import re
from functools import cache
from pathlib import Path

import polib
import pytest
from django.utils import translation
from lxml import etree
from xblock.core import XBlock
from xblock.plugin import PluginMissingError

from tests.helpers import BlockLoader

REPO = Path(__file__).resolve().parents[2]
PACK_TAGS = ("puentes_case_study", "puentes_proposal", "puentes_tutor_review")
LANGUAGES = {"es-419": ("es_419", "SPANISH"), "pt-br": ("pt_BR", "PORTUGUESE")}
VIEWS = (("student_view", "student"), ("student_view", "staff"), ("studio_view", "staff"), ("author_view", "staff"))


def installed_blocks():
    blocks = []
    for tag in PACK_TAGS:
        try:
            blocks.append((tag, XBlock.load_class(tag)))
        except PluginMissingError:
            continue
    return blocks


def _scenarios_in(language_suffix):
    for tag, block_class in installed_blocks():
        for index, (title, xml) in enumerate(block_class.workbench_scenarios()):
            if title.rstrip().endswith(f"({language_suffix})"):
                yield pytest.param(tag, block_class, index, xml, id=f"{tag}-{index}")


@cache
def translated_msgids(module, locale):
    found = set()
    for domain in ("django", "djangojs"):
        path = REPO / "translations" / module / "conf" / "locale" / locale / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            found |= {e.msgid for e in polib.pofile(str(path)) if e.msgstr and e.msgstr != e.msgid
                      and len(e.msgid) >= 8 and not re.search(r"%\(|\{", e.msgid)}
    return found


@cache
def detector():
    from lingua import Language, LanguageDetectorBuilder
    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE).build()


SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "value", "data-label")


def shown_strings(html):
    """What a person sees or hears: text, form values, labels for screen readers."""
    root = etree.fromstring(f"<div>{html}</div>", etree.HTMLParser())
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        for text in (element.text, element.tail):
            if text and text.strip():
                yield " ".join(text.split())
        for attribute in SHOWN_ATTRIBUTES:
            if element.get(attribute):
                yield element.get(attribute)


def visible_text_nodes(html):
    return [text for text in shown_strings(html) if len(text.split()) >= 3]


def render_all_views(block_class, xml, make_user, course_key):
    loader = BlockLoader(course_key)
    usage_id = loader.parse(xml)
    outputs = []
    for view, role in VIEWS:
        user = make_user(f"i18n_{role}", role=role, course_key=course_key)
        block = loader.block(usage_id, user)
        if not hasattr(block, view):
            continue
        fragment = block.render(view, {})
        init_args = json.dumps(getattr(fragment, "json_init_args", None) or {}, ensure_ascii=False)
        outputs.append((f"{view} as {role}", fragment.body_html(), init_args))
    return outputs


@pytest.mark.django_db
@pytest.mark.parametrize("django_language", sorted(LANGUAGES))
@pytest.mark.parametrize("tag,block_class,index,xml", list(_scenarios_in("es")) + list(_scenarios_in("pt")))
def test_no_english_left(django_language, tag, block_class, index, xml, make_user, course_key):
    locale, expected = LANGUAGES[django_language]
    scenario_language = "es" if "(es)" in block_class.workbench_scenarios()[index][0] else "pt"
    if not django_language.startswith(scenario_language):
        pytest.skip("scenario content is written in the other language")
    module = block_class.__module__.split(".")[0]
    with translation.override(django_language):
        outputs = render_all_views(block_class, xml, make_user, course_key)
    assert outputs, f"{tag} rendered no view"
    problems = []
    for where, html, init_args in outputs:
        shown = "\n".join(shown_strings(html))
        for msgid in translated_msgids(module, locale):
            if msgid in shown or json.dumps(msgid)[1:-1] in init_args:
                problems.append(f"{where}: untranslated {msgid!r}")
        for text in visible_text_nodes(html):
            detected = detector().detect_language_of(text)
            if detected is not None and detected.name == "ENGLISH":
                problems.append(f"{where}: English text {text[:80]!r}")
    assert not problems, "\n".join(problems)


def test_every_block_offers_spanish_and_portuguese_scenarios():
    for tag, block_class in installed_blocks():
        titles = [title for title, _xml in block_class.workbench_scenarios()]
        assert any(t.rstrip().endswith("(es)") for t in titles), f"{tag} has no Spanish scenario"
        assert any(t.rstrip().endswith("(pt)") for t in titles), f"{tag} has no Portuguese scenario"
