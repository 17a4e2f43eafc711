"""From a proposal's snapshot (the version the tutor approved, or the one entered) to a practice's texts."""
import html
import re
from decimal import Decimal, InvalidOperation

import nh3

from . import search
from .vocabulary import THEMATIC_AREAS, band_for

# Section ids of the proposal template; a course team's own template falls back on the section types.
PROBLEM, ACTIONS, PARTNERS, SUMMARY_FROM = "problem", "activities", "partners", "objectives"
INDICATORS = "indicators"
MAX_TEXT = 20_000
_BREAKS = re.compile(r"</(p|li|h[1-6]|div)>|<br\s*/?>", re.I)


def plain_paragraphs(rich_html):
    """The rich text a team wrote as plain paragraphs: the library shows text, never the team's markup."""
    text = _BREAKS.sub("\n", str(rich_html or ""))
    text = html.unescape(nh3.clean(text, tags=set()))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)[:MAX_TEXT]


def _sections(snapshot):
    return {section.get("section_id"): section for section in snapshot.get("sections") or []}


def _text(sections, section_id):
    section = sections.get(section_id)
    return plain_paragraphs(section.get("value")) if section else ""


def _indicators(sections):
    rows = next((s.get("value") for s in sections.values() if s.get("section_type") == INDICATORS), None) or []
    return [{"indicator": str(row.get("name") or "")[:300], "baseline": str(row.get("baseline") or "")[:300],
             "target": str(row.get("target") or "")[:300]}
            for row in rows if isinstance(row, dict) and row.get("name")][:50]


def _total(value):
    try:
        return Decimal(str(value)).quantize(Decimal("0.01")) if value not in (None, "") else None
    except InvalidOperation:
        return None


def first_words(text, limit=60):
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def fields_from_snapshot(snapshot):
    """The Practice fields a snapshot fills (plain values; the caller adds source, consent and status)."""
    sections = _sections(snapshot)
    problem = _text(sections, PROBLEM)
    total = _total(snapshot.get("total_budget"))
    currency = str(snapshot.get("currency") or "USD")[:3]
    area = str(snapshot.get("thematic_area") or "")
    return {
        "proposal_id": int(snapshot["proposal_id"]),
        "version": int(snapshot["version"]),
        "course_key": str(snapshot["course_key"]),
        "title": str(snapshot.get("title") or "")[:300],
        "summary": first_words(_text(sections, SUMMARY_FROM) or problem),
        "problem": problem,
        "actions": _text(sections, ACTIONS),
        "partners": _text(sections, PARTNERS),
        "indicators": _indicators(sections),
        "municipality": str(snapshot.get("municipality") or "")[:200],
        "country": str(snapshot.get("country") or "")[:2].upper(),
        "budget_total": total,
        "currency": currency,
        "budget_band": band_for(total, currency),
        "areas": [area] if area in THEMATIC_AREAS else [],
    }


def search_text(practice):
    """What full-text search reads: every public text of the practice, folded."""
    rows = " ".join(f"{row.get('indicator', '')} {row.get('baseline', '')} {row.get('target', '')}"
                    for row in practice.indicators or [])
    return search.fold(" ".join([practice.title, practice.summary, practice.problem, practice.actions,
                                 practice.partners, practice.municipality, rows]))
