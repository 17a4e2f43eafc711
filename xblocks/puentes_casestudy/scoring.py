"""How many points an answer earns: one pure function per question type, plus the attempts rule.

Each function returns the fraction of the question's points earned (0.0 to 1.0); `points_earned`
scales it. Nothing here reads the block or the request, so each rule is tested on its own.
"""
from itertools import combinations


def may_submit(attempts_used, max_attempts):
    """A learner may answer again while attempts remain; no limit (None or 0) means always."""
    if not max_attempts:
        return True
    return attempts_used < max_attempts


def attempts_left(attempts_used, max_attempts):
    """How many submissions remain, or None when there is no limit."""
    if not max_attempts:
        return None
    return max(0, max_attempts - attempts_used)


def single_choice_credit(question, chosen_id):
    """All or nothing: the one correct option."""
    return 1.0 if any(o["id"] == chosen_id and o["correct"] for o in question["options"]) else 0.0


def multiple_choice_credit(question, chosen_ids):
    """Right picks minus wrong picks, over the number of right options, never below zero.

    Ticking every box therefore earns nothing more than ticking only the right ones.
    """
    correct = {o["id"] for o in question["options"] if o["correct"]}
    chosen = set(chosen_ids)
    right, wrong = len(chosen & correct), len(chosen - correct)
    return max(0.0, (right - wrong) / len(correct))


def ranking_credit(question, order):
    """Pairwise order credit: the share of item pairs the learner put in the right relative order.

    Chosen over position distance because a priority list is about "this before that": one item
    misplaced at the top should not cost every item below it its place, and swapping two
    neighbours costs exactly one pair.
    """
    position = {item_id: index for index, item_id in enumerate(order)}
    correct_order = [item["id"] for item in question["items"]]
    pairs = list(combinations(correct_order, 2))
    in_order = sum(1 for first, second in pairs if position[first] < position[second])
    return in_order / len(pairs)


def self_assessment_credit(question, met_ids):
    """The share of the rubric's criteria the learner says their reflection meets, after reading the
    model answer. Word count earns nothing: the limits only keep answers readable."""
    criteria = {criterion["id"] for criterion in question["criteria"]}
    if not criteria:
        return 0.0
    return len(criteria & set(met_ids)) / len(criteria)


def count_words(text):
    return len((text or "").split())


def word_limit_problem(question, text):
    """('too_short' | 'too_long', words) when the text breaks the question's limits, else None."""
    words = count_words(text)
    if question.get("min_words") and words < question["min_words"]:
        return ("too_short", words)
    if question.get("max_words") and words > question["max_words"]:
        return ("too_long", words)
    return None


def points_earned(points, credit):
    """Round to two decimals so 2 × 2/3 shows as 1.33, not 1.3333333333333333."""
    return round(points * credit, 2)


def case_score(questions, answers, path_points):
    """(earned, possible) for the whole case from each question's last submitted answer.

    `path_points(question)` gives a decision path's best total (its possible points).
    """
    earned = possible = 0.0
    for question in questions:
        possible += path_points(question) if question["type"] == "decision_path" else question["points"]
        state = answers.get(question["id"]) or {}
        earned += state.get("score") or 0.0
    return round(earned, 2), round(possible, 2)


def completion(questions, answers):
    """The share of questions with a submitted answer (a finished path counts for a decision path)."""
    if not questions:
        return 1.0
    done = sum(1 for q in questions if (answers.get(q["id"]) or {}).get("submitted_at"))
    return done / len(questions)
