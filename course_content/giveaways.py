"""Does the form of a question give its answer away? Statistics the course checks (tests/courses/test_giveaways.py).

A learner who cannot tell the right option by its content should not find it by its place or its
length. For every choice the courses ask — case-study single and multiple choices, each decision of a
decision path, CAPA multiple-choice and checkbox problems — this reads where the right option stands
in the file and whether it is the longest. Run it to see the numbers:
`.venv/bin/python -m course_content.giveaways`.
"""
from collections import Counter
from dataclasses import dataclass
from math import comb, sqrt
from pathlib import Path

from lxml import etree

from puentes_casestudy import branching
from puentes_casestudy.content import build_case
from puentes_casestudy.olx import read_case

COURSES = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Choice:
    """One question's options as written: their lengths, which are right, and whether the platform shuffles them."""
    where: str
    kind: str            # single, multiple, decision, capa_single, capa_checkbox
    lengths: tuple       # characters of each option, in file order
    right: tuple         # booleans, in file order
    shuffled: bool       # the learner sees another order than the file's

    @property
    def key(self):
        return "".join("1" if flag else "0" for flag in self.right)

    @property
    def right_is_first(self):
        return self.right[0]

    @property
    def right_is_longest(self):
        """The (single) right option is strictly the longest."""
        best = max(range(len(self.lengths)), key=lambda i: self.lengths[i])
        return self.right[best] and sum(1 for n in self.lengths if n == self.lengths[best]) == 1

    @property
    def right_are_longer(self):
        """Every right option is longer than every wrong one (multiple answers)."""
        right = [n for n, flag in zip(self.lengths, self.right, strict=True) if flag]
        wrong = [n for n, flag in zip(self.lengths, self.right, strict=True) if not flag]
        return bool(right and wrong) and min(right) > max(wrong)


def _text(choice):
    """A CAPA choice's text as the learner reads it, leaving out its <choicehint> feedback."""
    parts = [choice.text or ""]
    for child in choice:
        if child.tag != "choicehint":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def case_choices(course_dir):
    found = []
    for path in sorted((Path(course_dir) / "vertical").glob("*.xml")):
        for node in etree.parse(str(path)).getroot().iter("puentes_case_study"):
            case = build_case(read_case(node))
            for question in case["questions"]:
                where = f"{path.stem}/{question['id']}"
                if question["type"] in ("single_choice", "multiple_choice"):
                    found.append(Choice(where, question["type"].split("_")[0],
                                        tuple(len(o["text"]) for o in question["options"]),
                                        tuple(o["correct"] for o in question["options"]), True))
                elif question["type"] == "decision_path":
                    for decision in question["decisions"]:
                        if len(decision["options"]) < 2:
                            continue
                        worth = [o["points"] + (branching.best_total({**question, "start": o["next"]})
                                                if o.get("next") else 0) for o in decision["options"]]
                        found.append(Choice(f"{where}/{decision['id']}", "decision",
                                            tuple(len(o["text"]) for o in decision["options"]),
                                            tuple(w == max(worth) for w in worth), True))
    return found


def capa_choices(course_dir):
    found = []
    for path in sorted((Path(course_dir) / "problem").glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        for group in root.iter("choicegroup", "checkboxgroup"):
            choices = group.findall("choice")
            kind = "capa_single" if group.tag == "choicegroup" else "capa_checkbox"
            # Only <choicegroup shuffle="true"> is shuffled by the platform (MultipleChoiceResponse.do_shuffle);
            # checkbox groups are shown as written.
            shuffled = group.tag == "choicegroup" and group.get("shuffle") == "true"
            found.append(Choice(path.stem, kind, tuple(len(_text(c)) for c in choices),
                                tuple(c.get("correct") == "true" for c in choices), shuffled))
    return found


SINGLE_ANSWER = ("single", "decision", "capa_single")
SAME_KEY = 1 / 3  # at most a third of the groups shown as written may share one right/wrong pattern


def chance_longest(choice):
    """How likely a learner guessing by length alone is to find the answer here, with lengths drawn at random
    (ties aside): the right one of n options is the longest in 1/n of questions; k right options of n are
    all longer than every wrong one in 1 / C(n, k)."""
    n, k = len(choice.lengths), sum(choice.right)
    if choice.kind in SINGLE_ANSWER:
        return 1 / n
    return 1 / comb(n, k) if 0 < k < n else 0.0


def chance_limit(chances):
    """The most questions a pattern may show before it is a giveaway: what chance alone gives (the sum of each
    question's chance) plus one standard deviation of that sum (each question a coin of its own weight).
    A course written without regard to form stays under it about five times in six; a course whose right option
    is the longest in most questions (the old courses: 33 of 33, 40 of 50) is many deviations above it. The
    margin keeps a course at chance from failing on the noise of a handful of questions."""
    expected = sum(chances)
    return expected + sqrt(sum(p * (1 - p) for p in chances))


def _shortest(choice):
    """The (single) right option is strictly the shortest: the opposite tell, from padding every distractor."""
    least = min(choice.lengths)
    return choice.right[choice.lengths.index(least)] and choice.lengths.count(least) == 1


def findings(choices):
    """Why a learner could answer by form rather than content, as sentences; [] when nothing gives it away."""
    found = []
    for kind in ("single", "multiple", "decision", "capa_single", "capa_checkbox"):
        group = [c for c in choices if c.kind == kind]
        if not group:
            continue
        single_answer = kind in SINGLE_ANSWER
        limit = chance_limit([chance_longest(c) for c in group])
        longest = [c for c in group if (c.right_is_longest if single_answer else c.right_are_longer)]
        if len(longest) > limit:
            found.append(f"{kind}: the right option is the longest in {len(longest)} of {len(group)}, above the "
                         f"{limit:.1f} chance allows (e.g. {', '.join(c.where for c in longest[:3])})")
        shortest = [c for c in group if single_answer and _shortest(c)]
        if len(shortest) > limit:
            found.append(f"{kind}: the right option is the shortest in {len(shortest)} of {len(group)}, above the "
                         f"{limit:.1f} chance allows (e.g. {', '.join(c.where for c in shortest[:3])})")
        as_written = [c for c in group if not c.shuffled]
        if kind in ("single", "decision", "capa_single", "multiple") and as_written:
            found.append(f"{kind}: {len(as_written)} groups are shown in file order; the block or CAPA must shuffle "
                         f"them (e.g. {as_written[0].where})")
        if as_written:
            key, count = Counter(c.key for c in as_written).most_common(1)[0]
            if count > SAME_KEY * len(as_written) + 0.5:
                found.append(f"{kind}: {count} of {len(as_written)} groups shown as written share the key {key}")
            if single_answer:
                first = sum(c.right_is_first for c in as_written)
                if first > chance_limit([1 / len(c.lengths) for c in as_written]):
                    found.append(f"{kind}: the right option comes first in {first} of {len(as_written)}")
    return found


def course_findings(course_dir):
    return findings(case_choices(course_dir) + capa_choices(course_dir))


def report(course_dir):
    """The numbers the checks read, for one course."""
    choices = case_choices(course_dir) + capa_choices(course_dir)
    rows = {}
    for kind in ("single", "multiple", "decision", "capa_single", "capa_checkbox"):
        group = [c for c in choices if c.kind == kind]
        if not group:
            continue
        single_answer = kind in SINGLE_ANSWER
        chances = [chance_longest(c) for c in group]
        rows[kind] = {
            "questions": len(group),
            "right_first": sum(c.right_is_first for c in group),
            "right_longest": sum(c.right_is_longest for c in group) if single_answer else
            sum(c.right_are_longer for c in group),
            "by_chance": round(sum(chances), 1),
            "limit": round(chance_limit(chances), 1),
            "right_shortest": sum(_shortest(c) for c in group) if single_answer else "-",
            "shown_as_written": sum(not c.shuffled for c in group),
            "commonest_key": Counter(c.key for c in group).most_common(1)[0][1],
        }
    return rows


if __name__ == "__main__":
    for language in ("en", "es", "pt"):
        print(language)
        for kind, row in report(COURSES / language).items():
            print(f"  {kind:14} " + "  ".join(f"{name}={value}" for name, value in row.items()))
        for line in course_findings(COURSES / language):
            print(f"  ! {line}")
