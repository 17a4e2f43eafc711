"""Decision paths: each option leads to a consequence and, maybe, the next decision.

A path is a dict `{"start": "d1", "decisions": [{"id", "situation", "options": [{"id", "next",
"points", ...}]}]}`; a learner's progress is the list of steps taken, `[{"decision": "d1",
"option": "a"}, ...]`. The rules here are pure: the block stores the steps and asks these functions
what comes next and what the path is worth.

An option that ends the path may say how severe its consequences are for the people in the case
(`severity`, from the mildest: good, fair, poor, harmful; see SEVERITIES) and carries a debrief of
the whole path. When a case's endings say so, points must follow them: every path that ends more
severely scores less than every path that ends less severely (`find_problem`), so a learner who
turns a sick child away (harmful) can never outscore one who merely delayed a service (poor), nor
one who protected everyone but stumbled at the end.

An option that goes on may say `severity="harmful"` too: the step itself puts someone at risk (a sick child
turned away). Harm done is not undone by what follows, so no route through such a step may end better than
fair (HARM_CAPS_AT); the ending it reaches has its own debrief that says so.
"""

# From the mildest to the gravest consequence of a whole path, for the people in the case:
#   good     the people get what they are entitled to and the municipality's action holds;
#   fair     part of the goal is met: some people are missed, served late or served less well;
#   poor     a service is delayed or lost, trust or an opportunity is lost: harm that can still be repaired;
#   harmful  someone is put at risk or denied what cannot wait: a sick person's care, shelter, protection
#            from return or violence, a child's place in school.
SEVERITIES = ("good", "fair", "poor", "harmful")
RANK = {"harmful": 0, "poor": 1, "fair": 2, "good": 3}
# Cases written before severities said `outcome="good|mixed|poor"`; they are read as these severities.
LEGACY_OUTCOMES = {"good": "good", "mixed": "fair", "poor": "poor"}
# The only severity a step (an option that goes on) may state, and the best ending a route through it may reach.
STEP_SEVERITY = "harmful"
HARM_CAPS_AT = "fair"
# A case a person can play and a course team can check: beyond these, a path from Studio is refused, so the
# checks below (which walk every route) stay quick and never recurse past Python's limit (L1).
MAX_DECISIONS = 100
MAX_PATHS = 2000


class TooManyPaths(ValueError):
    """The path has more routes from start to end than MAX_PATHS."""


class StepError(ValueError):
    """The option cannot be taken now: `reason` is 'finished' or 'unknown_option'."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def decisions_by_id(path):
    return {decision["id"]: decision for decision in path["decisions"]}


def find_problem(path):
    """The first structural problem as (code, decision_id, option_id), or None when the path is sound.

    Codes: 'no_start' (start names no decision), 'no_options' (a decision offers nothing),
    'bad_next' (an option points nowhere), 'cycle' (an option leads back to an earlier decision,
    so a path might never end), 'unreachable' (no path from the start reaches the decision).
    """
    decisions = decisions_by_id(path)
    if len(path["decisions"]) > MAX_DECISIONS:
        return ("too_many_decisions", None, None)
    if path.get("start") not in decisions:
        return ("no_start", None, None)
    for decision in path["decisions"]:
        if not decision["options"]:
            return ("no_options", decision["id"], None)
        for option in decision["options"]:
            if option.get("next") and option["next"] not in decisions:
                return ("bad_next", decision["id"], option["id"])
    cycle = _find_cycle(decisions, path["start"])
    if cycle:
        return ("cycle", *cycle)
    reachable = _reachable(decisions, path["start"])
    for decision in path["decisions"]:
        if decision["id"] not in reachable:
            return ("unreachable", decision["id"], None)
    return _severity_problem(path)


def _severity_problem(path):
    """Severities, when a case uses them: on every ending with its debrief, only on endings, and ordered by points.

    Codes: 'severity_on_step' (an option that goes on states a severity other than harmful), 'no_severity'
    (an ending states none), 'no_debrief' (an ending has no debrief of its path), 'better_after_harm' (an
    ending milder than fair is reached through a harmful step; names the ending), 'worse_outscores_better'
    (a path that ends more severely totals as much as or more than one that ends less severely; names the
    graver ending).
    """
    options = [(d["id"], o) for d in path["decisions"] for o in d["options"]]
    if not any(o.get("severity") for _d, o in options):
        return None
    for decision_id, option in options:
        if option.get("next") and option.get("severity") not in (None, "", STEP_SEVERITY):
            return ("severity_on_step", decision_id, option["id"])
        if not option.get("next") and not option.get("severity"):
            return ("no_severity", decision_id, option["id"])
        if not option.get("next") and not option.get("debrief"):
            return ("no_debrief", decision_id, option["id"])
    try:
        walks = complete_paths(path)
    except TooManyPaths:
        return ("too_many_paths", None, None)
    for walk in walks:
        if walk["harmed"] and RANK[walk["severity"]] > RANK[HARM_CAPS_AT]:
            return ("better_after_harm", *walk["ending"])
    for worse in walks:
        for better in walks:
            if RANK[worse["severity"]] < RANK[better["severity"]] and worse["total"] >= better["total"]:
                return ("worse_outscores_better", *worse["ending"])
    return None


def complete_paths(path):
    """Every walk from the start to an ending: {"steps", "total", "severity", "ending": (decision, option),
    "harmed": whether it went through a harmful step}."""
    decisions = decisions_by_id(path)
    walks = []

    def walk(decision_id, steps, total, harmed):
        for option in decisions[decision_id]["options"]:
            taken = [*steps, {"decision": decision_id, "option": option["id"]}]
            if option.get("next"):
                walk(option["next"], taken, total + option["points"],
                     harmed or option.get("severity") == STEP_SEVERITY)
            else:
                if len(walks) >= MAX_PATHS:
                    raise TooManyPaths()
                walks.append({"steps": taken, "total": total + option["points"], "severity": option.get("severity"),
                              "ending": (decision_id, option["id"]), "harmed": harmed})

    walk(path["start"], [], 0, False)
    return walks


def shape(path):
    """What kind of story the path tells, for telling cases apart (the course checks use it).

    `apart`: the most decisions a route runs on its own after a choice, before it meets the other route
    or ends; `early_endings`: endings that no route reaches as late as the longest one; `recoveries`:
    routes that take a 0-point step and still end well (good); `repairs`: routes through a harmful step that
    end fair, the best they may (a way back too, where harm was done).
    """
    walks = complete_paths(path)
    longest = max(len(w["steps"]) for w in walks)
    decisions = decisions_by_id(path)
    apart = 0
    for decision in path["decisions"]:
        targets = {o.get("next") for o in decision["options"]}
        for first in targets:
            for second in targets:
                if first and second and first != second:
                    apart = max(apart, _steps_apart(decisions, first, second))
    points = {(s["decision"], s["option"]) for w in walks for s in w["steps"]}
    zero = {key for key in points if _option(decisions[key[0]], key[1])["points"] == 0
            and _option(decisions[key[0]], key[1]).get("next")}
    return {
        "decisions": len(path["decisions"]),
        "endings": len({w["ending"] for w in walks}),
        "longest": longest,
        "shortest": min(len(w["steps"]) for w in walks),
        "apart": apart,
        "early_endings": len({w["ending"] for w in walks} - {w["ending"] for w in walks if len(w["steps"]) == longest}),
        "repairs": sum(1 for w in walks if w["harmed"] and w["severity"] == HARM_CAPS_AT),
        "recoveries": sum(1 for w in walks if w["severity"] == "good"
                          and any((s["decision"], s["option"]) in zero for s in w["steps"])),
    }


def route_form(path):
    """The routes as a learner meets them, without texts or points: one string per case, equal for two cases
    only when they offer the same number of options at every step, end at the same places and end well (G)
    or not (x) at the same places. Decisions that several routes share are written out once per route, so a
    rejoin and two separate branches read differently. (The course checks compare cases with it.)
    """
    complete_paths(path)  # raises TooManyPaths before the written-out routes could grow too long
    decisions = decisions_by_id(path)
    memo = {}

    def form(decision_id):
        if decision_id not in memo:
            memo[decision_id] = "(" + "".join(sorted(
                form(o["next"]) if o.get("next") else ("G" if o.get("severity") == "good" else "x")
                for o in decisions[decision_id]["options"])) + ")"
        return memo[decision_id]

    return form(path["start"])


def _steps_apart(decisions, first, second):
    """How many decisions one of the two routes takes on its own before it can meet the other."""
    return max(_own_stretch(decisions, first, _reachable(decisions, second)),
               _own_stretch(decisions, second, _reachable(decisions, first)))


def _own_stretch(decisions, start, other):
    """The longest run of decisions from `start` that the other route can never reach."""
    if start in other:
        return 0
    return 1 + max((_own_stretch(decisions, o["next"], other) for o in decisions[start]["options"] if o.get("next")),
                   default=0)


def _find_cycle(decisions, start):
    """(decision_id, option_id) of an option that closes a loop, found depth first, or None."""
    on_stack, done = set(), set()

    def visit(decision_id):
        on_stack.add(decision_id)
        for option in decisions[decision_id]["options"]:
            target = option.get("next")
            if not target:
                continue
            if target in on_stack:
                return (decision_id, option["id"])
            if target not in done:
                found = visit(target)
                if found:
                    return found
        on_stack.discard(decision_id)
        done.add(decision_id)
        return None

    # Every decision, not only those reachable from the start, so a loop among orphans is named too.
    for decision_id in [start, *decisions]:
        if decision_id not in done:
            found = visit(decision_id)
            if found:
                return found
    return None


def _reachable(decisions, start):
    seen, stack = set(), [start]
    while stack:
        decision_id = stack.pop()
        if decision_id in seen:
            continue
        seen.add(decision_id)
        stack.extend(o["next"] for o in decisions[decision_id]["options"] if o.get("next"))
    return seen


def best_total(path):
    """The most points any path from the start can collect (the path's possible points)."""
    decisions = decisions_by_id(path)
    memo = {}

    def best_from(decision_id):
        if decision_id not in memo:
            memo[decision_id] = max(
                option["points"] + (best_from(option["next"]) if option.get("next") else 0)
                for option in decisions[decision_id]["options"])
        return memo[decision_id]

    return best_from(path["start"])


def best_route(path):
    """One best path as steps, for showing the learner after they finish."""
    decisions = decisions_by_id(path)
    steps, decision_id = [], path["start"]
    while decision_id:
        decision = decisions[decision_id]
        option = max(decision["options"], key=lambda o: o["points"] + (
            best_total({"start": o["next"], "decisions": path["decisions"]}) if o.get("next") else 0))
        steps.append({"decision": decision_id, "option": option["id"]})
        decision_id = option.get("next")
    return steps


def current_decision(path, steps):
    """The decision the learner faces after `steps`, or None when the path has ended."""
    decisions = decisions_by_id(path)
    if not steps:
        return decisions[path["start"]]
    last = steps[-1]
    option = _option(decisions[last["decision"]], last["option"])
    return decisions[option["next"]] if option.get("next") else None


def take_step(path, steps, option_id):
    """The steps after choosing `option_id` at the current decision (a new list)."""
    decision = current_decision(path, steps)
    if decision is None:
        raise StepError("finished")
    if not any(option["id"] == option_id for option in decision["options"]):
        raise StepError("unknown_option")
    return [*steps, {"decision": decision["id"], "option": option_id}]


def is_finished(path, steps):
    return bool(steps) and current_decision(path, steps) is None


def path_total(path, steps):
    """Points collected along the steps taken."""
    decisions = decisions_by_id(path)
    return sum(_option(decisions[s["decision"]], s["option"])["points"] for s in steps)


def path_credit(path, steps):
    """The learner's total over the best path's total (1.0 on a best path)."""
    best = best_total(path)
    return path_total(path, steps) / best if best else 1.0


def steps_are_valid(path, steps):
    """True when `steps` (from stored state) is still a walk through this path's current version."""
    try:
        replayed = []
        for step in steps:
            if current_decision(path, replayed) is None or current_decision(path, replayed)["id"] != step["decision"]:
                return False
            replayed = take_step(path, replayed, step["option"])
    except (StepError, KeyError, TypeError):
        return False
    return True


def _option(decision, option_id):
    for option in decision["options"]:
        if option["id"] == option_id:
            return option
    raise KeyError(option_id)
