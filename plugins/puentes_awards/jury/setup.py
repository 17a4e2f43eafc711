"""The organisers' set-up of an edition's jury: when it locks, and reading the criteria and settings forms.

Pure functions: no models, no requests. A form is any mapping with `.get(name, default)` (a QueryDict
is one); what comes back is plain values the services store, or a SetupError whose message tells the
organiser what to fix.
"""
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..scoring.criteria import LEVELS, Criterion, ScoreError, check_grid
from ..scoring.tiebreak import RULE_LABELS, check_order

MAX_WEIGHT = 100
MAX_JURORS_PER_ENTRY = 20
MAX_SEED = 2**31 - 1
CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class SetupError(ValueError):
    """A set-up change the rules refuse; shown to the organiser as it is (HTTP 400)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


class SetupErrors(SetupError):
    """Every refusal found in one form, so the page shows them all at once beside their fields."""

    def __init__(self, errors):
        super().__init__(str(errors[0]), errors[0].field)
        self.errors = list(errors)


def _collect(errors, check, *args):
    """check(*args), or None with its SetupError added to `errors`."""
    try:
        return check(*args)
    except SetupError as error:
        errors.append(error)
        return None


# ---- locks ------------------------------------------------------------------------------------------------

def criteria_lock_reason(scoring_started):
    """Jurors score against the grid: once one has started, changing it would make sheets incomparable."""
    if scoring_started:
        return _("The criteria are locked: jurors have started scoring with them.")
    return None


def settings_lock_reason(tiebreak_published_at):
    """The settings shape the assignment and the tie-break order promised to everyone; both are fixed once
    the entries are assigned (that is when the order is published)."""
    if tiebreak_published_at is not None:
        return _("The jury settings are locked: the entries are assigned and the tie-break order was "
                 "published on {date}.").format(date=tiebreak_published_at.date().isoformat())
    return None


# ---- criteria ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CriterionRow:
    """One criterion as stored: blank name and blank levels mean "the default text, translated"."""

    code: str
    weight: int
    minimum: int | None
    name: str
    levels: tuple   # six strings ("" = default text for that level), or () for all default


def _whole(raw, low, high, message, field):
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        raise SetupError(message, field) from None
    if not low <= value <= high:
        raise SetupError(message, field)
    return value


def _minimum(raw, label, field):
    if str(raw or "").strip() == "":
        return None
    return _whole(raw, LEVELS[0], LEVELS[-1],
                  _("The minimum for “{criterion}” must be empty or a level from 0 to 5.").format(criterion=label),
                  field)


def _weight(raw, label, field):
    return _whole(raw, 1, MAX_WEIGHT, _("Give “{criterion}” a weight: a whole number from 1 to {most}.")
                  .format(criterion=label, most=MAX_WEIGHT), field)


def _levels(form, prefix):
    levels = tuple(str(form.get(f"{prefix}-{level}", "") or "").strip()[:1000] for level in LEVELS)
    return levels if any(levels) else ()


def read_criteria_form(form, current, defaults, tiebreak_order):
    """The grid the organiser asked for, as CriterionRow in order; raises SetupError.

    current: the edition's CriterionRow today; defaults: {code: Criterion} with the default texts;
    tiebreak_order: rule codes, so a criterion the order relies on cannot be removed.
    """
    rows, errors = [], []
    for row in current:
        label = row.name or (defaults[row.code].name if row.code in defaults else row.code)
        if form.get(f"remove-{row.code}"):
            if f"criterion:{row.code}" in tiebreak_order:
                errors.append(SetupError(_("“{criterion}” is part of the tie-break order: take it out of the order "
                                           "in the jury settings before removing it.").format(criterion=label),
                                         f"remove-{row.code}"))
            continue
        name = str(form.get(f"name-{row.code}", "") or "").strip()[:200]
        levels = _levels(form, f"level-{row.code}")
        if row.code not in defaults:
            _collect(errors, _require_texts, name, levels, f"name-{row.code}", f"level-{row.code}-0")
        weight = _collect(errors, _weight, form.get(f"weight-{row.code}"), label, f"weight-{row.code}")
        minimum = _collect(errors, _minimum, form.get(f"minimum-{row.code}"), label, f"minimum-{row.code}")
        rows.append(CriterionRow(row.code, weight, minimum, name, levels))
    added = _collect(errors, _new_criterion, form, {row.code for row in current}, defaults)
    if errors:
        raise SetupErrors(errors)
    if added:
        rows.append(added)
    check_rows(rows, defaults)
    return rows


def _require_texts(name, levels, name_field, level_field):
    """`name_field`, `level_field`: the inputs to mark (the form names them per criterion)."""
    if not name:
        raise SetupError(_("A new criterion needs a name."), name_field)
    if len(levels) != len(LEVELS) or not all(levels):
        raise SetupError(_("Describe each level from 0 to 5 of “{criterion}”.").format(criterion=name), level_field)


def _new_criterion(form, taken, defaults):
    code = str(form.get("new-code", "") or "").strip().lower()
    name = str(form.get("new-name", "") or "").strip()[:200]
    levels = _levels(form, "new-level")
    if not (code or name or levels or str(form.get("new-weight", "") or "").strip()):
        return None  # the "add a criterion" fieldset left empty
    if not CODE.match(code):
        raise SetupError(_("A criterion's code is a short name in lowercase letters, digits and underscores, "
                           "starting with a letter (e.g. digital_inclusion)."), "new-code")
    if code in taken:
        raise SetupError(_("The grid already has a criterion with the code “{code}”.").format(code=code), "new-code")
    if code not in defaults:  # a removed default criterion may come back with its translated texts
        _require_texts(name, levels, "new-name", "new-level-0")
    label = name or defaults[code].name
    return CriterionRow(code, _weight(form.get("new-weight"), label, "new-weight"),
                        _minimum(form.get("new-minimum"), label, "new-minimum"), name, levels)


def as_criterion(row, defaults):
    """A stored row as the scoring grid's Criterion, default texts filling what the organisers left blank."""
    default = defaults.get(row.code)
    name = row.name or (default.name if default else row.code)
    if default is None:
        levels = tuple(row.levels)
    elif not row.levels:
        levels = default.levels
    else:
        levels = tuple(custom or fallback for custom, fallback in zip(row.levels, default.levels, strict=False))
    return Criterion(row.code, name, row.weight, levels, row.minimum)


def check_rows(rows, defaults):
    try:
        check_grid([as_criterion(row, defaults) for row in rows])
    except ScoreError as error:
        raise SetupError(str(error), f"weight-{error.criterion}" if error.criterion else None) from error


# ---- jury settings ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class JuryChoices:
    jurors_per_entry: int
    seed: int
    show_municipality: bool
    conflict_same_municipality: bool
    conflict_same_country: bool
    tiebreak_order: tuple


def tiebreak_rules(criteria):
    """[(rule code, label)] an organiser can put in the tie-break order, for the given grid."""
    rules = [(f"criterion:{criterion.code}", str(RULE_LABELS["criterion"]).format(criterion=criterion.name))
             for criterion in criteria]
    return rules + [(code, str(RULE_LABELS[code])) for code in ("screening", "budget", "submitted")]


def read_settings_form(form, criteria):
    """JuryChoices from the settings form; tie-break positions are `tiebreak-1`, `tiebreak-2`, …"""
    errors = []
    k = _collect(errors, _whole, form.get("jurors_per_entry"), 1, MAX_JURORS_PER_ENTRY,
                 _("Jurors per entry is a whole number from 1 to {most}.").format(most=MAX_JURORS_PER_ENTRY),
                 "jurors_per_entry")
    seed = _collect(errors, _whole, form.get("seed"), 0, MAX_SEED,
                    _("The seed is a whole number from 0 to {most}.").format(most=MAX_SEED), "seed")
    known = dict(tiebreak_rules(criteria))
    order = []
    for position in range(1, len(known) + 1):
        rule = str(form.get(f"tiebreak-{position}", "") or "").strip()
        if not rule:
            continue
        if rule not in known:
            errors.append(SetupError(_("Choose tie-break rules from the list."), f"tiebreak-{position}"))
        elif rule in order:
            errors.append(SetupError(_("“{rule}” appears twice in the tie-break order; use each rule once.")
                                     .format(rule=known[rule]), f"tiebreak-{position}"))
        else:
            order.append(rule)
    if not errors:
        try:
            check_order(order, {criterion.code for criterion in criteria})
        except ValueError as error:
            errors.append(SetupError(str(error), "tiebreak-1"))
    if errors:
        raise SetupErrors(errors)
    return JuryChoices(k, seed, bool(form.get("show_municipality")), bool(form.get("conflict_same_municipality")),
                       bool(form.get("conflict_same_country")), tuple(order))
