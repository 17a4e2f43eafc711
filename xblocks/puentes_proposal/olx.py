"""The proposal template in OLX as readable children, so course teams and translators can diff it:

    <puentes_proposal url_name="m11_proposal" display_name="Project proposal">
      <section id="area" type="choice" required="true">
        <title>Thematic area</title>
        <help>The course module your project builds on most.</help>
        <choice value="education">Education</choice>
      </section>
      <section id="problem" type="long_text" required="true" min_words="80" max_words="600">...</section>
    </puentes_proposal>

A block without `<section>` children keeps the default template, shown in the reader's language.
"""
from lxml import etree

from puentes_core.olx import indent

WORD_LIMITS = ("min_words", "max_words")


def _text(node):
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def read_sections(node):
    """The raw template (not yet checked) from `node`'s `<section>` children; None when it has none."""
    found = [child for child in node if child.tag == "section"]
    if not found:
        return None
    template = []
    for element in found:
        section = {"id": element.get("id", ""), "type": element.get("type", ""),
                   "required": element.get("required", "false").strip().lower() == "true",
                   "title": _text(element.find("title")), "help": _text(element.find("help"))}
        section.update({limit: element.get(limit) for limit in WORD_LIMITS if element.get(limit) is not None})
        choices = [{"value": choice.get("value", ""), "label": _text(choice)} for choice in element
                   if choice.tag == "choice"]
        if choices or section["type"] == "choice":
            section["choices"] = choices
        template.append(section)
    return template


def _sub(parent, tag, text=None, **attrs):
    element = etree.SubElement(parent, tag, attrs)
    element.text = text or None
    return element


def write_sections(template, node):
    """Write a checked template into `node` as `<section>` children, one per line, indented."""
    for section in template:
        attrs = {"id": section["id"], "type": section["type"], "required": "true" if section["required"] else "false"}
        attrs.update({limit: str(section[limit]) for limit in WORD_LIMITS if section.get(limit) is not None})
        element = _sub(node, "section", **attrs)
        _sub(element, "title", section["title"])
        if section.get("help"):
            _sub(element, "help", section["help"])
        for choice in section.get("choices", []):
            _sub(element, "choice", choice["label"], value=choice["value"])
    _indent(node)


def _indent(node):
    indent(node)
