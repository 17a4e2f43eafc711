"""The pure rules of the hand-off, each on its own: eligibility, choosing the edition, signing, backoff."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace

from puentes_awards import backoff, eligibility, signing
from tests.awards_handoff.conftest import build_snapshot

NOW = datetime(2027, 5, 1, 12, tzinfo=UTC)
RULES = eligibility.Rules(call_opens_at=NOW - timedelta(days=10), call_closes_at=NOW + timedelta(days=10),
                          currency="USD", budget_cap=Decimal("50000"), countries=frozenset({"CO", "BR"}))


def codes(reasons):
    return [reason["code"] for reason in reasons]


def test_a_proposal_within_every_rule_is_eligible():
    assert eligibility.ineligibility(build_snapshot(), RULES, NOW) == []


def test_the_call_window_is_checked_at_the_moment_of_entering():
    assert codes(eligibility.ineligibility(build_snapshot(), RULES, NOW - timedelta(days=11))) == ["call_not_open"]
    assert codes(eligibility.ineligibility(build_snapshot(), RULES, NOW + timedelta(days=11))) == ["call_closed"]
    assert eligibility.ineligibility(build_snapshot(), RULES, RULES.call_closes_at) == []


def test_budget_cap_currency_and_missing_budget():
    assert eligibility.ineligibility(build_snapshot(budget="50000"), RULES, NOW) == []
    over = eligibility.ineligibility(build_snapshot(budget="50000.01"), RULES, NOW)
    assert over == [{"code": "over_budget", "budget": "50000.01", "cap": "50000", "currency": "USD"}]
    assert codes(eligibility.ineligibility(build_snapshot(budget=None), RULES, NOW)) == ["no_budget"]
    assert codes(eligibility.ineligibility(build_snapshot(currency="COP"), RULES, NOW)) == ["currency_mismatch"]


def test_no_cap_means_no_budget_rule():
    rules = eligibility.Rules(RULES.call_opens_at, RULES.call_closes_at, "USD")
    assert eligibility.ineligibility(build_snapshot(budget=None, currency="COP", country="MX"), rules, NOW) == []


def test_countries_and_team():
    assert codes(eligibility.ineligibility(build_snapshot(country="MX"), RULES, NOW)) == ["country_not_allowed"]
    assert codes(eligibility.ineligibility(build_snapshot(team=[]), RULES, NOW)) == ["no_team"]


def test_every_reason_reads_as_a_sentence():
    for reason in [{"code": c} for c in ("call_not_open", "call_closed", "country_not_allowed", "no_team",
                                         "no_budget", "currency_mismatch", "over_budget", "unknown")]:
        assert eligibility.describe(reason).endswith(".")


def test_choose_edition_prefers_an_open_call_then_the_latest():
    old = SimpleNamespace(call_opens_at=NOW - timedelta(days=400), call_closes_at=NOW - timedelta(days=300))
    current = SimpleNamespace(call_opens_at=NOW - timedelta(days=5), call_closes_at=NOW + timedelta(days=5))
    future = SimpleNamespace(call_opens_at=NOW + timedelta(days=300), call_closes_at=NOW + timedelta(days=400))
    assert eligibility.choose_edition([old, current, future], NOW) is current
    assert eligibility.choose_edition([old, future], NOW) is future
    assert eligibility.choose_edition([], NOW) is None


def test_signature_is_hmac_sha256_of_the_body_and_compared_whole():
    body = b'{"entry":{}}'
    header = signing.signature(body, "k")
    assert header == "sha256=" + __import__("hmac").new(b"k", body, "sha256").hexdigest()
    assert signing.signature_matches(body, "k", header)
    assert not signing.signature_matches(body + b" ", "k", header)
    assert not signing.signature_matches(body, "other", header)
    assert not signing.signature_matches(body, "k", header[:-1])
    assert not signing.signature_matches(body, "k", None)
    assert not signing.signature_matches(body, "", signing.signature(body, ""))
    assert not signing.signature_matches(body, "k", "sha256=ñ")


def test_retry_delay_grows_exponentially_with_jitter_and_a_cap():
    assert backoff.retry_delay(1, 10, 3600, rand=lambda: 0) == 5
    assert backoff.retry_delay(1, 10, 3600, rand=lambda: 1) == 10
    assert backoff.retry_delay(3, 10, 3600, rand=lambda: 1) == 40
    assert backoff.retry_delay(30, 10, 3600, rand=lambda: 1) == 3600
    delays = {backoff.retry_delay(2, 10, 3600) for _ in range(50)}
    assert len(delays) > 1 and all(10 <= d <= 20 for d in delays)


def test_which_answers_are_retried():
    assert backoff.outcome(200) == backoff.outcome(201) == backoff.DELIVERED
    assert backoff.outcome(None) == backoff.outcome(503) == backoff.outcome(429) == backoff.RETRY
    assert backoff.outcome(400) == backoff.outcome(403) == backoff.outcome(409) == backoff.GIVE_UP


def test_next_status_dead_letters_after_the_limit_or_a_refusal():
    assert backoff.next_status(backoff.DELIVERED, 8, 8) == "delivered"
    assert backoff.next_status(backoff.RETRY, 7, 8) == "pending"
    assert backoff.next_status(backoff.RETRY, 8, 8) == "dead"
    assert backoff.next_status(backoff.GIVE_UP, 1, 8) == "dead"
