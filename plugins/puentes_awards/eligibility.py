"""May this proposal enter this edition? Pure rules; the reasons are codes so each reader gets them translated."""
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Rules:
    call_opens_at: datetime
    call_closes_at: datetime
    currency: str
    budget_cap: Decimal | None = None
    countries: frozenset = field(default_factory=frozenset)  # empty = all


def rules_of(edition):
    return Rules(call_opens_at=edition.call_opens_at, call_closes_at=edition.call_closes_at,
                 currency=edition.currency, budget_cap=edition.budget_cap,
                 countries=frozenset(code.upper() for code in edition.countries or ()))


def ineligibility(snapshot, rules, entered_at):
    """The reasons `snapshot` may not enter under `rules` when entered at `entered_at`; [] means eligible."""
    reasons = []
    if entered_at < rules.call_opens_at:
        reasons.append({"code": "call_not_open", "opens": rules.call_opens_at.date().isoformat()})
    elif entered_at > rules.call_closes_at:
        reasons.append({"code": "call_closed", "closed": rules.call_closes_at.date().isoformat()})
    if rules.countries and (snapshot.country or "").upper() not in rules.countries:
        reasons.append({"code": "country_not_allowed", "country": snapshot.country or ""})
    if not snapshot.team:
        reasons.append({"code": "no_team"})
    if rules.budget_cap is not None:
        reasons.extend(_budget_reasons(snapshot, rules))
    return reasons


def _budget_reasons(snapshot, rules):
    try:
        budget = None if snapshot.total_budget in (None, "") else Decimal(str(snapshot.total_budget))
    except InvalidOperation:
        budget = None
    if budget is None:
        return [{"code": "no_budget"}]
    if (snapshot.currency or "").upper() != rules.currency.upper():
        # Comparing across currencies would need an exchange rate nobody agreed on: the organisers decide.
        return [{"code": "currency_mismatch", "currency": snapshot.currency or "", "expected": rules.currency}]
    if budget > rules.budget_cap:
        return [{"code": "over_budget", "budget": str(budget), "cap": str(rules.budget_cap),
                 "currency": rules.currency}]
    return []


def describe(reason):
    """One reason as a sentence in the active language."""
    code = reason.get("code")
    if code == "call_not_open":
        return _("The call for entries opens on {date}.").format(date=reason.get("opens", ""))
    if code == "call_closed":
        return _("The call for entries closed on {date}.").format(date=reason.get("closed", ""))
    if code == "country_not_allowed":
        return _("Municipalities in {country} may not enter this edition.").format(country=reason.get("country", ""))
    if code == "no_team":
        return _("The proposal has no team members.")
    if code == "no_budget":
        return _("The proposal does not state a total budget.")
    if code == "currency_mismatch":
        return _("The budget is in {currency}; this edition accepts budgets in {expected}.").format(
            currency=reason.get("currency", ""), expected=reason.get("expected", ""))
    if code == "over_budget":
        return _("The total budget ({budget} {currency}) is above the limit of {cap} {currency}.").format(
            budget=reason.get("budget", ""), cap=reason.get("cap", ""), currency=reason.get("currency", ""))
    return _("The proposal does not meet the competition's rules.")


def choose_edition(editions, entered_at):
    """Of the editions that draw from the proposal's course, the one it enters: an open call first, else the latest.

    `editions` are objects with call_opens_at / call_closes_at. None when there is no edition at all.
    """
    editions = list(editions)
    open_now = [e for e in editions if e.call_opens_at <= entered_at <= e.call_closes_at]
    pool = open_now or editions
    return max(pool, key=lambda e: e.call_opens_at, default=None)
