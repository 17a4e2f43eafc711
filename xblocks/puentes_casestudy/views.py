"""What a learner sees of each question: plain dicts built from the question and the learner's state,
shared by the HTML view, the handlers' answers and `student_view_data`."""
import random

from . import branching, scoring
from .content import question_points


def display_order(question, seed):
    """A ranking's items shuffled the same way every time for one learner (resume shows the same list)."""
    items = list(question["items"])
    random.Random(f"{seed}:{question['id']}").shuffle(items)
    if [i["id"] for i in items] == [i["id"] for i in question["items"]]:
        items.reverse()  # never show the answer as the starting order
    return items


def shuffled(options, seed):
    """Options in a per-learner order, the same on every reload; pinned (`fixed`) ones keep their place.

    Authors write the best option wherever it reads best; the order a learner sees never tells it.
    """
    movable = [option for option in options if not option.get("fixed")]
    random.Random(seed).shuffle(movable)
    moving = iter(movable)
    return [option if option.get("fixed") else next(moving) for option in options]


def plural_count(points):
    """The whole number ngettext chooses "point" or "points" by: 1 only for exactly one point."""
    return 1 if points == 1 else 2


def question_view(question, state, max_attempts, show_model_answers, seed):
    """Everything the template needs for one question; answers and feedback only once submitted."""
    state = state or {}
    attempts = state.get("attempts", 0)
    view = {
        "id": question["id"], "type": question["type"], "prompt": question["prompt"],
        "possible": question_points(question), "earned": state.get("score"),
        "plural": plural_count(question_points(question)),
        "submitted": bool(state.get("submitted_at")), "attempts": attempts,
        "attempts_left": scoring.attempts_left(attempts, max_attempts),
        "can_submit": scoring.may_submit(attempts, max_attempts),
    }
    builder = {"single_choice": _choice, "multiple_choice": _choice, "ranking": _ranking,
               "reflection": _reflection, "decision_path": _decision_path}[question["type"]]
    builder(view, question, state, seed, show_model_answers)
    return view


def _choice(view, question, state, seed, show_model_answers):
    answer = state.get("answer")
    chosen = set(answer if isinstance(answer, list) else [answer] if answer else [])
    view["options"] = [{
        "id": option["id"], "text": option["text"], "checked": option["id"] in chosen,
        "feedback": option["feedback"] if view["submitted"] and option["id"] in chosen else "",
        "correct": option["correct"] if view["submitted"] and option["id"] in chosen else None,
    } for option in shuffled(question["options"], f"{seed}:{question['id']}")]


def _ranking(view, question, state, seed, show_model_answers):
    by_id = {item["id"]: item for item in question["items"]}
    answer = state.get("answer") or []
    if sorted(answer) == sorted(by_id):
        view["items"] = [by_id[item_id] for item_id in answer]
    else:
        view["items"] = display_order(question, seed)
    finished = view["submitted"] and (not view["can_submit"] or view["earned"] == view["possible"])
    view["correct_order"] = question["items"] if finished else []


def _reflection(view, question, state, seed, show_model_answers):
    met = state.get("met")
    view.update(text=state.get("answer") or "", min_words=question["min_words"], max_words=question["max_words"],
                words=scoring.count_words(state.get("answer")),
                model_answer=question["model_answer"] if view["submitted"] and show_model_answers else "",
                criteria=[{**criterion, "met": criterion["id"] in (met or [])} for criterion in question["criteria"]],
                self_assessing=view["submitted"] and bool(question["criteria"]) and met is None,
                self_assessed=met is not None)


def _decision_path(view, question, state, seed, show_model_answers):
    decisions = branching.decisions_by_id(question)
    steps = state.get("steps") or []
    if not branching.steps_are_valid(question, steps):
        steps = []  # the course team changed the path under this learner: start it again
    view["steps"] = []
    for step in steps:
        decision = decisions[step["decision"]]
        option = next(o for o in decision["options"] if o["id"] == step["option"])
        view["steps"].append({"situation": decision["situation"], "choice": option["text"],
                              "consequence": option["consequence"], "points": option["points"],
                              "debrief": option.get("debrief", "")})
    current = branching.current_decision(question, steps)
    view["decision"] = None if current is None else {
        "id": current["id"], "situation": current["situation"],
        "options": [{"id": o["id"], "text": o["text"]}
                    for o in shuffled(current["options"], f"{seed}:{question['id']}:{current['id']}")]}
    view["finished"] = current is None
    view["path_points"] = branching.path_total(question, steps)
    view["in_progress"] = bool(steps) and not view["finished"]
