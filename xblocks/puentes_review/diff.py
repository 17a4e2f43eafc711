"""The changes between two versions of a proposal, section by section, word by word. Pure functions.

Each section's answer becomes plain text (rich text without tags, tables as lines), then difflib marks
what was inserted and deleted, so the tutor sees what the team changed after the last review.
"""
import difflib
import html
import re

from puentes_core.sanitize import plain_text

BLOCK_TAGS = re.compile(r"</?(p|br|li|h[1-6]|blockquote|tr|ul|ol)\b[^>]*>", re.I)


def rich_to_text(value):
    """Rich text as readable plain text: paragraphs and list items on their own lines."""
    text = BLOCK_TAGS.sub("\n", value or "")
    text = html.unescape(plain_text(text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def answer_text(section_type, value, attachment_names=None):
    """Any section's answer as text, the same way for both versions so only real changes show."""
    if value in (None, "", [], {}):
        return ""
    if section_type == "long_text":
        return rich_to_text(value)
    if section_type == "date_range":
        return f"{value.get('start') or ''} – {value.get('end') or ''}"
    if section_type == "budget":
        return "\n".join(f"{row.get('item', '')}: {row.get('quantity')} × {row.get('unit_cost')}" for row in value)
    if section_type == "indicators":
        return "\n".join(" | ".join(str(row.get(field) or "") for field in ("name", "baseline", "target", "source"))
                         for row in value)
    if section_type == "attachments":
        names = attachment_names or {}
        return "\n".join(names.get(item, f"#{item}") for item in value)
    return str(value)


TOKEN = re.compile(r"\s+|[^\s]+")


def word_changes(before, after):
    """[(op, text)] with op "equal", "insert" or "delete", whitespace kept with the words."""
    old, new = TOKEN.findall(before), TOKEN.findall(after)
    changes = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            changes.append(("equal", "".join(old[i1:i2])))
            continue
        if op in ("delete", "replace"):
            changes.append(("delete", "".join(old[i1:i2])))
        if op in ("insert", "replace"):
            changes.append(("insert", "".join(new[j1:j2])))
    return _merged(changes)


def _merged(changes):
    merged = []
    for op, text in changes:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        elif text:
            merged.append((op, text))
    return merged


def section_changes(template, before, after, attachment_names=None):
    """Per section of the current version's template: its text now, and the changes since `before`.

    `before` is None for a first version (nothing to compare). A section the team added or removed
    shows as wholly inserted or deleted.
    """
    result = []
    for section in template:
        kind, section_id = section["type"], section["id"]
        now_text = answer_text(kind, after.get(section_id), attachment_names)
        entry = {"id": section_id, "title": section["title"], "type": kind, "text": now_text,
                 "changed": False, "changes": []}
        if before is not None:
            old_text = answer_text(kind, before.get(section_id), attachment_names)
            entry["changed"] = old_text != now_text
            entry["changes"] = word_changes(old_text, now_text) if entry["changed"] else []
        result.append(entry)
    return result
