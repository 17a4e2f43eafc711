from datetime import UTC, datetime
from decimal import Decimal

import pytest

from puentes_awards.scoring.tiebreak import DEFAULT_ORDER, TieBreakFacts, break_ties, check_order


def when(day):
    return datetime(2027, 3, day, tzinfo=UTC)


FACTS = {
    "lima": TieBreakFacts({"impact": 4.5, "feasibility": 3.0}, Decimal("40000"), when(3)),
    "quito": TieBreakFacts({"impact": 4.5, "feasibility": 4.0}, Decimal("50000"), when(5)),
    "cali": TieBreakFacts({"impact": 4.5, "feasibility": 4.0}, Decimal("30000"), when(9)),
    "salta": TieBreakFacts({"impact": 3.0, "feasibility": 5.0}, Decimal("10000"), when(1)),
    "tacna": TieBreakFacts({"impact": 4.5, "feasibility": 4.0}, Decimal("30000"), when(2)),
}


def test_rules_apply_in_published_order_only_inside_ties():
    result = break_ties([("salta",), ("lima", "quito", "cali", "tacna")], FACTS, DEFAULT_ORDER)
    # salta stays first (it was never tied); impact ties all four; feasibility drops lima; budget drops quito;
    # cali and tacna have the same budget, so the earlier submission (tacna) goes first.
    assert result.order == ("salta", "tacna", "cali", "quito", "lima")
    assert [decision.rule for decision in result.decisions] == ["criterion:feasibility", "budget", "submitted"]
    assert all(len(tier) == 1 for tier in result.tiers)


def test_what_no_rule_separates_stays_tied():
    twins = {"a": TieBreakFacts({"impact": 4}, Decimal(1), when(1)),
             "b": TieBreakFacts({"impact": 4}, Decimal(1), when(1))}
    result = break_ties([("a", "b")], twins, DEFAULT_ORDER)
    assert result.tiers == (("a", "b"),)
    assert result.decisions == ()


def test_missing_facts_sort_last():
    facts = {"a": TieBreakFacts(budget=None), "b": TieBreakFacts(budget=Decimal("99999"))}
    assert break_ties([("a", "b")], facts, ["budget"]).order == ("b", "a")


def test_screening_rule_and_order_matters():
    facts = {"a": TieBreakFacts({"impact": 5}, screening_score=70.0),
             "b": TieBreakFacts({"impact": 3}, screening_score=80.0)}
    assert break_ties([("a", "b")], facts, ["criterion:impact", "screening"]).order == ("a", "b")
    assert break_ties([("a", "b")], facts, ["screening", "criterion:impact"]).order == ("b", "a")


def test_order_is_checked_against_the_grid():
    check_order(DEFAULT_ORDER, {"impact", "feasibility"})
    with pytest.raises(ValueError, match="charisma"):
        check_order(["criterion:charisma"], {"impact"})
    with pytest.raises(ValueError, match="lottery"):
        check_order(["lottery"], {"impact"})
    with pytest.raises(ValueError):
        check_order(["budget", "budget"], {"impact"})
