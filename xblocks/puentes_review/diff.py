"""The changes between two versions of a proposal, section by section, word by word. Pure functions.

Each section's answer becomes plain text (rich text without tags, tables as lines), then a bounded Myers diff
marks what was inserted and deleted, so the tutor sees what the team changed after the last review.
"""
import re

from puentes_proposals.api import answer_text

# A word with the spaces after it (half the tokens to compare); line breaks stand apart.
TOKEN = re.compile(r"\S+[^\S\n]*|\s+")
# Work allowed for comparing one workspace's sections (steps of the diff below, about a microsecond each).
# Past it a section shows its changed middle as deleted and inserted whole: coarser, never slower.
MAX_STEPS = 200_000


class Budget:
    """Steps of comparison left for one view, shared by its sections."""

    def __init__(self, steps=MAX_STEPS):
        self.left = steps
        self.spent = 0

    def spend(self, steps):
        self.left -= steps
        self.spent += steps
        return self.left >= 0


def word_changes(before, after, budget=None):
    """[(op, text)] with op "equal", "insert" or "delete", whitespace kept with the words.

    Paragraphs are matched first, then words inside each changed stretch of paragraphs, each by Myers'
    O((N+M)·D) diff stopped when the view's budget runs out: hostile or rewritten text costs bounded
    time, never minutes (H2), and shows coarser changes instead.
    """
    budget = budget or Budget()
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    changes, deleted, inserted = [], [], []
    for op, line in _script(old_lines, new_lines, budget) + [("equal", "")]:
        if op != "equal":
            (deleted if op == "delete" else inserted).append(line)
            continue
        if len(deleted) == len(inserted):   # paragraphs edited in place: compare each with its old self
            for old_line, new_line in zip(deleted, inserted, strict=True):
                changes += _word_script(old_line, new_line, budget)
        else:
            changes += _word_script("".join(deleted), "".join(inserted), budget)
        deleted, inserted = [], []
        changes.append(("equal", line))
    return _merged(changes)


def _word_script(before, after, budget):
    old, new = TOKEN.findall(before), TOKEN.findall(after)
    head = 0
    while head < len(old) and head < len(new) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < len(old) - head and tail < len(new) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    budget.spend(len(old) + len(new))
    middle = _script(old[head:len(old) - tail], new[head:len(new) - tail], budget)
    return [("equal", "".join(old[:head])), *_grouped(middle), ("equal", "".join(old[len(old) - tail:]))]


def _script(old, new, budget):
    """The edit script of two token lists, or all deleted then all inserted once the budget is spent."""
    script = edit_script(old, new, budget) if budget.left > 0 else None
    if script is None:
        script = [("delete", token) for token in old] + [("insert", token) for token in new]
    return script


def edit_script(old, new, budget):
    """The shortest [(op, token)] turning `old` into `new` (Myers 1986), or None when `budget` runs out."""
    n, m = len(old), len(new)
    frontier = {1: 0}   # diagonal k -> furthest x reached on it
    trace = []
    for d in range(n + m + 1):
        trace.append(dict(frontier))
        if not budget.spend(len(frontier)):
            return None
        for k in range(-d, d + 1, 2):
            x = frontier[k + 1] if k == -d or (k != d and frontier[k - 1] < frontier[k + 1]) else frontier[k - 1] + 1
            y = x - k
            start = x
            while x < n and y < m and old[x] == new[y]:
                x, y = x + 1, y + 1
            frontier[k] = x
            if not budget.spend(1 + x - start):
                return None
            if x >= n and y >= m:
                return _walk_back(trace, old, new)
    return None


def _walk_back(trace, old, new):
    x, y = len(old), len(new)
    script = []
    for d in range(len(trace) - 1, -1, -1):
        frontier, k = trace[d], x - y
        previous_k = k + 1 if k == -d or (k != d and frontier[k - 1] < frontier[k + 1]) else k - 1
        previous_x = frontier[previous_k]
        previous_y = previous_x - previous_k
        while x > previous_x and y > previous_y:
            x, y = x - 1, y - 1
            script.append(("equal", old[x]))
        if d > 0:
            script.append(("delete", old[previous_x]) if x > previous_x else ("insert", new[previous_y]))
        x, y = previous_x, previous_y
    script.reverse()
    return script


def _grouped(script):
    """Within each stretch of changes, what was deleted first, then what was inserted (as a reader compares)."""
    changes, deleted, inserted = [], [], []
    for op, token in script + [("equal", "")]:
        if op == "equal":
            changes += [("delete", "".join(deleted)), ("insert", "".join(inserted)), ("equal", token)]
            deleted, inserted = [], []
        else:
            (deleted if op == "delete" else inserted).append(token)
    return changes


def _merged(changes):
    merged = []
    for op, text in changes:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        elif text:
            merged.append((op, text))
    return merged


def section_changes(template, before, after, attachment_names=None, budget=None, locale="en", currency="USD",
                    labels=None):
    """Per section of the current version's template: its text now, and the changes since `before`.

    `before` is None for a first version (nothing to compare). A section the team added or removed
    shows as wholly inserted or deleted. Numbers are written for a reader in `locale` (Babel), with
    `labels` ({"total", "baseline", "target", "source"}) in their language.
    """
    budget = budget or Budget()
    result = []
    for section in template:
        kind, section_id = section["type"], section["id"]
        # A choice reads as its label, never its stored value ("reception").
        words = dict(labels or {}, choices={c["value"]: c["label"] for c in section.get("choices", [])})
        now_text = answer_text(kind, after.get(section_id), attachment_names, locale, currency, words)
        entry = {"id": section_id, "title": section["title"], "type": kind, "text": now_text,
                 "changed": False, "changes": []}
        if before is not None:
            old_text = answer_text(kind, before.get(section_id), attachment_names, locale, currency, words)
            entry["changed"] = old_text != now_text
            entry["changes"] = word_changes(old_text, now_text, budget) if entry["changed"] else []
        result.append(entry)
    return result
