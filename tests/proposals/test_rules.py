"""The proposal's rules, each on its own: status machine, submit/resubmit, joining, entering, staleness."""
from datetime import UTC, datetime, timedelta

import pytest

from puentes_proposals import rules

NOW = datetime(2027, 6, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize("status, action, expected", [
    (rules.DRAFT, rules.SUBMIT, rules.SUBMITTED),
    (rules.REVISION_REQUESTED, rules.SUBMIT, rules.RESUBMITTED),
    (rules.SUBMITTED, rules.START_REVIEW, rules.IN_REVIEW),
    (rules.RESUBMITTED, rules.START_REVIEW, rules.IN_REVIEW),
    (rules.IN_REVIEW, rules.REQUEST_REVISION, rules.REVISION_REQUESTED),
    (rules.IN_REVIEW, rules.APPROVE, rules.APPROVED),
    (rules.SUBMITTED, rules.MARK_INELIGIBLE, rules.INELIGIBLE),
    (rules.APPROVED, rules.ENTER, rules.ENTERED),
    (rules.IN_REVIEW, rules.RELEASE_REVIEW, rules.SUBMITTED),
])
def test_next_status_follows_the_machine(status, action, expected):
    assert rules.next_status(status, action) == expected


@pytest.mark.parametrize("status, action", [
    (rules.DRAFT, rules.APPROVE), (rules.SUBMITTED, rules.SUBMIT), (rules.APPROVED, rules.SUBMIT),
    (rules.ENTERED, rules.ENTER), (rules.INELIGIBLE, rules.SUBMIT), (rules.DRAFT, rules.ENTER),
])
def test_next_status_refuses_what_the_machine_does_not_allow(status, action):
    with pytest.raises(rules.TransitionError):
        rules.next_status(status, action)


def test_only_drafts_and_revision_requests_are_editable():
    assert [s for s in rules.STATUSES if rules.may_edit(s)] == [rules.DRAFT, rules.REVISION_REQUESTED]


def test_deadline_is_the_earlier_of_due_and_course_end():
    due, end = NOW, NOW + timedelta(days=3)
    assert rules.deadline(due, end) == due
    assert rules.deadline(end, due) == due
    assert rules.deadline(None, end) == end
    assert rules.deadline(due, None) == due
    assert rules.deadline(None, None) is None


def test_may_submit_a_complete_draft_in_time():
    assert rules.may_submit(rules.DRAFT, 0, 3, NOW, NOW + timedelta(hours=1))


@pytest.mark.parametrize("status, used, limit, last_moment, problems, reason", [
    (rules.SUBMITTED, 1, 3, None, (), "locked"),
    (rules.IN_REVIEW, 1, 3, None, (), "locked"),
    (rules.DRAFT, 0, 3, NOW - timedelta(seconds=1), (), "past_due"),
    (rules.REVISION_REQUESTED, 3, 3, None, (), "no_versions_left"),
    (rules.DRAFT, 0, 3, None, {"title": ["required"]}, "incomplete"),
])
def test_may_submit_says_why_not(status, used, limit, last_moment, problems, reason):
    verdict = rules.may_submit(status, used, limit, NOW, last_moment, problems)
    assert not verdict and verdict.reason == reason


def test_zero_versions_means_no_limit():
    assert rules.may_submit(rules.REVISION_REQUESTED, 40, 0, NOW, None)


def test_resubmit_only_after_a_revision_request():
    assert rules.may_resubmit(rules.REVISION_REQUESTED, 1, 3, NOW, None)
    assert rules.may_resubmit(rules.DRAFT, 0, 3, NOW, None).reason == "locked"
    assert rules.may_resubmit(rules.REVISION_REQUESTED, 2, 2, NOW, None).reason == "no_versions_left"


def test_may_join():
    assert rules.may_join(2, 3, False)
    assert rules.may_join(3, 3, False).reason == "team_full"
    assert rules.may_join(1, 3, True).reason == "already_in_team"
    assert rules.may_join(99, 0, False)


def test_may_confirm_entry_needs_approval_and_both_confirmations():
    assert rules.may_confirm_entry(rules.APPROVED, True, True)
    assert rules.may_confirm_entry(rules.IN_REVIEW, True, True).reason == "not_approved"
    assert rules.may_confirm_entry(rules.APPROVED, True, False).reason == "needs_consent"
    assert rules.may_confirm_entry(rules.APPROVED, False, True).reason == "needs_consent"


def test_a_save_is_stale_only_if_the_section_changed_after_the_editor_read_it():
    assert rules.is_stale(section_changed_at=5, base_revision=4)
    assert not rules.is_stale(section_changed_at=4, base_revision=4)
    assert not rules.is_stale(section_changed_at=0, base_revision=0)


def test_timeline_shows_what_happened_then_what_is_ahead():
    assert rules.timeline([]) == [(rules.DRAFT, True), (rules.SUBMITTED, False), (rules.IN_REVIEW, False),
                                  (rules.APPROVED, False), (rules.ENTERED, False)]
    history = [rules.DRAFT, rules.SUBMITTED, rules.IN_REVIEW, rules.REVISION_REQUESTED]
    assert rules.timeline(history)[-4:] == [(rules.RESUBMITTED, False), (rules.IN_REVIEW, False),
                                            (rules.APPROVED, False), (rules.ENTERED, False)]
    assert rules.timeline([rules.DRAFT, rules.SUBMITTED, rules.INELIGIBLE])[-1] == (rules.INELIGIBLE, True)
