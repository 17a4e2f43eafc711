"""A proposal's answers as plain text a person reads: the tutor's comparison and the juror's page.

Rich text loses its tags (paragraphs and items on their own lines), tables become lines with their
headings, numbers and money are written for a reader in a Babel locale, a choice reads as its label.
Pure functions; `labels` carries the words in the reader's language.
"""
import html
import re
from decimal import Decimal

from puentes_core.numbers import format_money, format_number
from puentes_core.sanitize import plain_text

BLOCK_TAGS = re.compile(r"</?(p|br|li|h[1-6]|blockquote|tr|ul|ol)\b[^>]*>", re.I)


def rich_to_text(value):
    """Rich text as readable plain text: paragraphs and list items on their own lines."""
    text = BLOCK_TAGS.sub("\n", value or "")
    text = html.unescape(plain_text(text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def budget_text(rows, locale, currency, labels):
    """A budget as a person reads it: one line per item with its subtotal, then the total, in the
    reader's numbers and currency. `labels` = {"total": …} in the reader's language."""
    lines, total = [], Decimal(0)
    for row in rows:
        quantity, cost = row.get("quantity"), row.get("unit_cost")
        line = None if quantity is None or cost is None else Decimal(str(quantity)) * Decimal(str(cost))
        total += line or 0
        subtotal = format_money(line, currency, locale) if line is not None else "—"
        lines.append(f"{row.get('item', '')}: {format_number(quantity, locale)} × "
                     f"{format_money(cost, currency, locale)} = {subtotal}")
    lines.append(f"{labels.get('total', 'Total')}: {format_money(total, currency, locale)}")
    return "\n".join(lines)


def answer_text(section_type, value, attachment_names=None, locale="en", currency="USD", labels=None):
    """Any section's answer as text, the same way for both versions so only real changes show.

    Numbers are written for a reader in `locale` (Babel), money in `currency`."""
    if value in (None, "", [], {}):
        return ""
    if section_type == "long_text":
        return rich_to_text(value)
    if section_type == "date_range":
        return f"{value.get('start') or ''} – {value.get('end') or ''}"
    if section_type == "budget":
        return budget_text(value, locale, currency, labels or {})
    if section_type == "money":
        return format_money(value, currency, locale)
    if section_type == "number":
        return format_number(value, locale)
    if section_type == "indicators":
        labels = labels or {}
        return "\n".join(f"{row.get('name') or ''}: {labels.get('baseline', 'baseline')} {row.get('baseline') or ''}"
                         f" → {labels.get('target', 'target')} {row.get('target') or ''}"
                         f" ({labels.get('source', 'source')}: {row.get('source') or ''})" for row in value)
    if section_type == "choice":
        return (labels or {}).get("choices", {}).get(value, str(value))
    if section_type == "attachments":
        names = attachment_names or {}
        return "\n".join(names.get(item, f"#{item}") for item in value)
    return str(value)
