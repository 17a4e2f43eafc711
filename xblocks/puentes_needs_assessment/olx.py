"""The questionnaire's OLX (docs/olx-needs-assessment.md): readable child elements in, the same out.

    <puentes_needs_assessment instrument="puentes-needs-2027" wave="baseline" display_name="…">
      <intro><p>…</p></intro>
      <section area="health" title="…">
        <link unit="m05_reading_1_unit">Module 5</link>
        <scale code="HEALTH_ACCESS" required="true"><prompt>…</prompt>
          <level value="1" label="…">what level 1 looks like</level> …</scale>
        <number code="ARRIVALS" unit="people a month" min="0" show_if="HAS_OFFICE=yes"><prompt>…</prompt></number>
      </section>
    </puentes_needs_assessment>

`read_questionnaire(node)` gives the raw shape content.build_questionnaire checks; `write_questionnaire`
writes a checked one back.
"""
import re

from lxml import etree, html

from puentes_core.olx import indent
from puentes_core.sanitize import clean_html

from .content import TYPES

CONDITION = re.compile(r"^\s*([A-Z][A-Z0-9_]*)\s*(!=|=|>|<)\s*(.+?)\s*$")
SETTINGS = ("display_name", "instrument", "wave")


def _text(node):
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def _inner_html(node):
    if node is None:
        return ""
    parts = [node.text or ""] + [etree.tostring(child, method="html", encoding="unicode", with_tail=True)
                                 for child in node if isinstance(child.tag, str)]
    return clean_html("".join(parts))


def _condition(text):
    match = CONDITION.match(text or "")
    if not match:
        return {"question": (text or "").strip(), "op": "?", "values": []} if (text or "").strip() else {}
    code, op, values = match.groups()
    return {"question": code, "op": op, "values": [v.strip() for v in values.split("|")]}


def read_questionnaire(node):
    raw = {name: node.get(name) for name in SETTINGS if node.get(name) is not None}
    raw["intro"] = _inner_html(node.find("intro"))
    raw["sections"] = [_read_section(section) for section in node if section.tag == "section"]
    return raw


def _read_section(node):
    return {
        "area": node.get("area"), "title": node.get("title"),
        "links": [{"unit": link.get("unit"), "text": _text(link)} for link in node if link.tag == "link"],
        "questions": [_read_question(child) for child in node if child.tag in TYPES],
    }


def _read_question(node):
    raw = {"type": node.tag, "code": node.get("code"), "required": node.get("required", "false"),
           "prompt": _text(node.find("prompt")), "help": _text(node.find("help")),
           "show_if": _condition(node.get("show_if"))}
    if node.tag == "scale":
        raw["levels"] = [{"value": level.get("value"), "label": level.get("label"), "description": _text(level)}
                         for level in node if level.tag == "level"]
    elif node.tag in ("single_choice", "multiple_choice"):
        raw["options"] = [{"value": option.get("value"), "text": _text(option)}
                          for option in node if option.tag == "option"]
        raw["analysis"] = node.get("analysis", "")
    elif node.tag == "number":
        raw.update(unit=node.get("unit", ""), min=node.get("min"), max=node.get("max"))
    else:
        raw["max_chars"] = node.get("max_chars")
    return raw


def _sub(parent, tag, text=None, **attrs):
    element = etree.SubElement(parent, tag, {k: str(v) for k, v in attrs.items() if v not in (None, "")})
    if text:
        element.text = text
    return element


def condition_text(condition):
    return f"{condition['question']}{condition['op']}{'|'.join(str(v) for v in condition['values'])}" \
        if condition else ""


def write_questionnaire(questionnaire, node):
    for name in SETTINGS:
        node.set(name, str(questionnaire[name]))
    if questionnaire["intro"]:
        intro = _sub(node, "intro")
        for fragment in html.fragments_fromstring(questionnaire["intro"]):
            if isinstance(fragment, str):
                intro.text = (intro.text or "") + fragment
            else:
                intro.append(etree.fromstring(etree.tostring(fragment)))
    for section in questionnaire["sections"]:
        section_node = _sub(node, "section", area=section["area"], title=section["title"])
        for link in section["links"]:
            _sub(section_node, "link", link["text"], unit=link["unit"])
        for question in section["questions"]:
            _write_question(section_node, question)
    _indent(node)


def _write_question(parent, question):
    attrs = {"code": question["code"], "required": "true" if question["required"] else None,
             "show_if": condition_text(question["show_if"]) or None}
    kind = question["type"]
    if kind == "number":
        attrs.update(unit=question["unit"], min=question["min"], max=question["max"])
    elif kind == "text":
        attrs["max_chars"] = question["max_chars"]
    elif question.get("analysis"):
        attrs["analysis"] = question["analysis"]
    element = _sub(parent, kind, **attrs)
    _sub(element, "prompt", question["prompt"])
    if question["help"]:
        _sub(element, "help", question["help"])
    for level in question.get("levels", []):
        _sub(element, "level", level["description"], value=level["value"], label=level["label"])
    for option in question.get("options", []):
        _sub(element, "option", option["text"], value=option["value"])


def _indent(node):
    """Structural elements one per line; the intro's rich text and the texts stay as written."""
    indent(node, keep=("intro", "prompt", "help", "level", "option", "link"))
