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
PACK_TAGS = ("puentes_case_study", "puentes_proposal", "puentes_tutor_review", "puentes_needs_assessment")
LANGUAGES = {"es-419": ("es_419", "SPANISH"), "pt-br": ("pt_BR", "PORTUGUESE")}
VIEWS = (("student_view", "student"), ("student_view", "staff"), ("studio_view", "staff"), ("author_view", "staff"))
RUNTIME_OF_VIEW = {"student_view": "block", "studio_view": "studio", "author_view": "preview"}  # LMS, editor, preview


def installed_blocks():
    blocks = []
    for tag in PACK_TAGS:
        try:
            blocks.append((tag, XBlock.load_class(tag)))
        except PluginMissingError:
            continue
    return blocks


SCENARIO_LANGUAGE = {"es": "es-419", "pt": "pt-br"}


def translated_scenarios():
    """Each Spanish or Portuguese scenario of each block, with the Django language it is written for."""
    for tag, block_class in installed_blocks():
        for index, (title, xml) in enumerate(block_class.workbench_scenarios()):
            suffix = title.rstrip()[-3:-1]
            if title.rstrip().endswith(")") and suffix in SCENARIO_LANGUAGE:
                yield pytest.param(tag, block_class, xml, SCENARIO_LANGUAGE[suffix], id=f"{tag}-{index}-{suffix}")


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
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("script", "style"):
            if element.tail and element.tail.strip():
                yield " ".join(element.tail.split())
            continue
        for text in (element.text, element.tail):
            if text and text.strip():
                yield " ".join(text.split())
        for attribute in SHOWN_ATTRIBUTES:
            if element.get(attribute):
                yield element.get(attribute)


def visible_text_nodes(html):
    return [text for text in shown_strings(html) if len(text.split()) >= 3]


def string_values(value):
    """Every string value (not key) inside a JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from string_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from string_values(item)


def wrapped_init_args(html):
    """The strings the runtime hands each block's JS (json/xblock-args), one per line."""
    root = etree.fromstring(f"<div>{html}</div>", etree.HTMLParser())
    scripts = root.xpath('//script[@type="json/xblock-args"]')
    return "\n".join(text for script in scripts for text in string_values(json.loads(script.text or "{}")))


def render_all_views(block_class, xml, make_user, course_key):
    loader = BlockLoader(course_key)
    usage_id = loader.parse(xml)
    outputs = []
    for view, role in VIEWS:
        user = make_user(f"i18n_{role}", role=role, course_key=course_key)
        block = getattr(loader, RUNTIME_OF_VIEW[view])(usage_id, user)
        if not hasattr(block, view):
            continue
        html = block.render(view, {}).body_html()
        outputs.append((f"{view} as {role}", html, wrapped_init_args(html)))
    return outputs


def english_left(outputs, module, locale):
    """What in rendered views is still English: translated msgids shown as such, English text nodes."""
    problems = []
    for where, html, init_args in outputs:
        shown = "\n".join(shown_strings(html))
        for msgid in translated_msgids(module, locale):
            if msgid in shown or msgid in init_args:
                problems.append(f"{where}: untranslated {msgid!r}")
        for text in visible_text_nodes(html) + [t for t in init_args.splitlines() if len(t.split()) >= 3]:
            detected = detector().detect_language_of(text)
            if detected is not None and detected.name == "ENGLISH":
                problems.append(f"{where}: English text {text[:80]!r}")
    return problems


@pytest.mark.django_db
@pytest.mark.parametrize("tag,block_class,xml,django_language", list(translated_scenarios()))
def test_no_english_left(tag, block_class, xml, django_language, make_user, course_key):
    locale, _language = LANGUAGES[django_language]
    module = block_class.__module__.split(".")[0]
    with translation.override(django_language):
        outputs = render_all_views(block_class, xml, make_user, course_key)
    assert outputs, f"{tag} rendered no view"
    problems = english_left(outputs, module, locale)
    assert not problems, "\n".join(problems)


def test_every_block_offers_spanish_and_portuguese_scenarios():
    for tag, block_class in installed_blocks():
        titles = [title for title, _xml in block_class.workbench_scenarios()]
        assert any(t.rstrip().endswith("(es)") for t in titles), f"{tag} has no Spanish scenario"
        assert any(t.rstrip().endswith("(pt)") for t in titles), f"{tag} has no Portuguese scenario"
