"""The case's OLX (docs/olx-case-study.md): readable child elements in, the same elements out.

`read_case(node)` turns the XML into the raw shape `content.build_case` checks; `write_case(case,
node)` writes a checked case back. Text inside `<option>` is the option's text; its `<feedback>` or
`<consequence>` child is read separately.
"""
from lxml import etree, html

from puentes_core.olx import indent
from puentes_core.sanitize import clean_html

SETTINGS = ("display_name", "weight", "max_attempts", "show_model_answers")
FEEDBACK_TAGS = ("feedback", "consequence", "debrief")


class OlxError(ValueError):
    """The XML itself is not a case (an unknown element); names the element."""


def _text(node):
    """The element's own text with inline markup flattened, leaving out feedback children."""
    if node is None:
        return ""
    parts = [node.text or ""]
    for child in node:
        if child.tag is etree.Comment or not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        if child.tag not in FEEDBACK_TAGS:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _inner_html(node):
    if node is None:
        return ""
    parts = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str):
            parts.append(etree.tostring(child, method="html", encoding="unicode", with_tail=True))
        else:
            parts.append(child.tail or "")
    return clean_html("".join(parts))


def _elements(node, tag):
    return [child for child in node if child.tag == tag] if node is not None else []


def read_case(node):
    """A raw case dict from a `<puentes_case_study>` element (not yet checked)."""
    raw = {name: node.get(name) for name in SETTINGS if node.get(name) is not None}
    raw["context"] = _inner_html(node.find("context"))
    image = node.find("image")
    raw["image"] = {"src": image.get("src", ""), "alt": image.get("alt", "")} if image is not None else {}
    raw["facts"] = [dict(fact.attrib) for fact in _elements(node.find("facts"), "fact")]
    raw["voices"] = [{"name": v.get("name"), "role": v.get("role"), "text": _text(v)}
                     for v in _elements(node.find("voices"), "voice")]
    raw["links"] = [{"href": link.get("href"), "text": _text(link)} for link in _elements(node.find("links"), "link")]
    questions = node.find("questions")
    raw["questions"] = [_read_question(q) for q in questions if isinstance(q.tag, str)] if questions is not None else []
    return raw


def _read_question(node):
    raw = {"type": node.tag, **node.attrib, "prompt": _text(node.find("prompt"))}
    if node.tag in ("single_choice", "multiple_choice"):
        raw["options"] = [{**o.attrib, "text": _text(o), "feedback": _text(o.find("feedback"))}
                          for o in _elements(node, "option")]
    elif node.tag == "ranking":
        raw["items"] = [{**item.attrib, "text": _text(item)} for item in _elements(node, "item")]
    elif node.tag == "reflection":
        raw["model_answer"] = _text(node.find("model_answer"))
        raw["criteria"] = [{**c.attrib, "text": _text(c)} for c in _elements(node.find("rubric"), "criterion")]
    elif node.tag == "decision_path":
        raw["decisions"] = [{
            "id": d.get("id"), "situation": _text(d.find("situation")),
            "options": [{**o.attrib, "text": _text(o), "consequence": _text(o.find("consequence")),
                         "debrief": _text(o.find("debrief"))}
                        for o in _elements(d, "option")],
        } for d in _elements(node, "decision")]
    return raw


def _number(value):
    return str(int(value)) if float(value) == int(value) else str(value)


def _sub(parent, tag, text=None, **attrs):
    element = etree.SubElement(parent, tag, {k: v for k, v in attrs.items() if v not in (None, "")})
    if text:
        element.text = text
    return element


def write_case(case, node):
    """Write a checked case (as `content.build_case` returns it) into `node`'s attributes and children."""
    node.set("display_name", case["display_name"])
    node.set("weight", _number(case["weight"]))
    if case.get("max_attempts"):
        node.set("max_attempts", str(case["max_attempts"]))
    node.set("show_model_answers", "true" if case["show_model_answers"] else "false")
    context = _sub(node, "context")
    fragments = html.fragments_fromstring(case["context"]) if case["context"] else []
    for fragment in fragments:
        if isinstance(fragment, str):  # leading text before the first element
            context.text = (context.text or "") + fragment
        else:
            element = etree.fromstring(etree.tostring(fragment))
            element.tail = "\n    "  # one paragraph per line keeps translators' diffs small
            context.append(element)
    if len(context):
        context.text = "\n    "
        context[-1].tail = "\n  "
    if case["image"]:
        _sub(node, "image", src=case["image"]["src"], alt=case["image"]["alt"])
    if case["facts"]:
        facts = _sub(node, "facts")
        for fact in case["facts"]:
            _sub(facts, "fact", label=fact["label"], value=fact["value"], source=fact["source"], href=fact["href"])
    if case["voices"]:
        voices = _sub(node, "voices")
        for voice in case["voices"]:
            _sub(voices, "voice", voice["text"], name=voice["name"], role=voice["role"])
    if case["links"]:
        links = _sub(node, "links")
        for link in case["links"]:
            _sub(links, "link", link["text"], href=link["href"])
    questions = _sub(node, "questions")
    for question in case["questions"]:
        _write_question(questions, question)
    _indent(node)


def _write_question(parent, question):
    kind = question["type"]
    attrs = {"id": question["id"]}
    if kind != "decision_path":
        attrs["points"] = _number(question["points"])
    if kind == "reflection":
        attrs.update(min_words=str(question["min_words"] or ""), max_words=str(question["max_words"] or ""))
    if kind == "decision_path":
        attrs["start"] = question["start"]
    element = _sub(parent, kind, **attrs)
    _sub(element, "prompt", question["prompt"])
    if kind in ("single_choice", "multiple_choice"):
        for option in question["options"]:
            option_node = _sub(element, "option", option["text"], id=option["id"],
                               correct="true" if option["correct"] else None,
                               fixed="true" if option.get("fixed") else None)
            if option["feedback"]:
                _sub(option_node, "feedback", option["feedback"])
    elif kind == "ranking":
        for item in question["items"]:
            _sub(element, "item", item["text"], id=item["id"])
    elif kind == "reflection":
        if question["model_answer"]:
            _sub(element, "model_answer", question["model_answer"])
        if question["criteria"]:
            rubric = _sub(element, "rubric")
            for criterion in question["criteria"]:
                _sub(rubric, "criterion", criterion["text"], id=criterion["id"])
    else:
        for decision in question["decisions"]:
            decision_node = _sub(element, "decision", id=decision["id"])
            _sub(decision_node, "situation", decision["situation"])
            for option in decision["options"]:
                option_node = _sub(decision_node, "option", option["text"], id=option["id"], next=option["next"],
                                   points=_number(option["points"]), severity=option.get("severity"),
                                   fixed="true" if option.get("fixed") else None)
                if option["consequence"]:
                    _sub(option_node, "consequence", option["consequence"])
                if option.get("debrief"):
                    _sub(option_node, "debrief", option["debrief"])


def _indent(node):
    """Indent structural elements only: the context's rich text and mixed-content options stay as written."""
    indent(node, keep=("context", "option", "item", "voice", "link", "criterion"))
