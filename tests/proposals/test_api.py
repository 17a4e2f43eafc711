"""The proposals app's api on the real database, edx-submissions and the openedx-events signal."""
from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone
from submissions import api as submissions_api

from puentes_proposals import api, rules
from puentes_proposals.models import Review
from puentes_proposals.signals import PROPOSAL_FINISHED

from .conftest import COMPLETE_ANSWERS, PDF, SMALL_TEMPLATE, fill

pytestmark = pytest.mark.django_db


def test_a_team_starts_and_colleagues_join(team, people, block_key):
    proposal = api.proposal_for_member(block_key, people["bruno"].id)
    assert proposal.proposal_id == team.proposal_id
    assert [m.username for m in proposal.team] == ["ana", "bruno"]
    assert [m.anonymous_id for m in proposal.team] == ["anon-ana", "anon-bruno"]
    with pytest.raises(api.NotAllowed) as refused:
        api.start_proposal(team.course_key, block_key, people["ana"].id, "anon-ana")
    assert refused.value.code == "already_in_team"


def test_invitation_codes_are_forgiving_about_case_and_dashes(team, people, block_key):
    code = team.invitation_code.lower()
    api.join_with_code(block_key, f"{code[:4]}-{code[4:]}", people["carol"].id, "anon-carol", 3)
    assert len(api.get_proposal(team.proposal_id).team) == 3


def test_a_full_team_refuses_one_more(team, people, block_key):
    invitation = api.invite(team.proposal_id, people["ana"].id, "carol", 3)
    api.answer_invitation(invitation.invitation_id, people["carol"].id, True, "anon-carol", 3)
    with pytest.raises(api.NotAllowed) as refused:
        api.join_with_code(block_key, team.invitation_code, people["dora"].id, "anon-dora", 3)
    assert refused.value.code == "team_full"


def test_inviting_someone_outside_the_course_is_refused(team, people):
    with pytest.raises(api.NotFound):
        api.invite(team.proposal_id, people["ana"].id, "carol", 3, in_course=lambda user: False)
    with pytest.raises(api.NotFound):
        api.invite(team.proposal_id, people["ana"].id, "nobody-here", 3)
    with pytest.raises(api.NotFound):  # only members invite
        api.invite(team.proposal_id, people["carol"].id, "dora", 3)


def test_saving_sections_bumps_the_revision_and_keeps_others(team, people):
    first = fill(team.proposal_id, people["ana"].id)
    assert first.revision == 1
    second = api.save_answers(team.proposal_id, people["bruno"].id,
                              [{"section": "title", "value": "Nuevo título", "base_revision": 1}], SMALL_TEMPLATE)
    proposal = api.get_proposal(team.proposal_id)
    assert second.revision == 2
    assert proposal.answers["title"] == "Nuevo título"
    assert proposal.answers["budget"] == COMPLETE_ANSWERS["budget"]
    assert proposal.saved_by_username == "bruno"


def test_a_stale_save_is_refused_with_both_texts_and_changes_nothing(team, people):
    fill(team.proposal_id, people["ana"].id)                    # revision 1, both read it
    api.save_answers(team.proposal_id, people["bruno"].id,
                     [{"section": "problem", "value": "<p>Bruno's text</p>", "base_revision": 1}], SMALL_TEMPLATE)
    with pytest.raises(api.StaleDraft) as stale:
        api.save_answers(team.proposal_id, people["ana"].id,
                         [{"section": "problem", "value": "<p>Ana's text</p>", "base_revision": 1},
                          {"section": "title", "value": "Ana's title", "base_revision": 1}], SMALL_TEMPLATE)
    conflict = stale.value.details["conflicts"][0]
    assert conflict == {"section": "problem", "yours": "<p>Ana's text</p>", "theirs": "<p>Bruno's text</p>",
                        "revision": 2}
    proposal = api.get_proposal(team.proposal_id)
    assert proposal.answers["problem"] == "<p>Bruno's text</p>" and proposal.answers["title"] == "Casa de acogida"
    # Editing a different section from the same old revision is not a conflict.
    api.save_answers(team.proposal_id, people["ana"].id,
                     [{"section": "title", "value": "Ana's title", "base_revision": 1}], SMALL_TEMPLATE)
    # Keeping hers after seeing theirs: she saves from the revision the conflict showed.
    api.save_answers(team.proposal_id, people["ana"].id,
                     [{"section": "problem", "value": "<p>Ana's text</p>", "base_revision": 2}], SMALL_TEMPLATE)
    assert api.get_proposal(team.proposal_id).answers["problem"] == "<p>Ana's text</p>"


def test_bad_answers_are_refused_before_anything_is_stored(team, people):
    fill(team.proposal_id, people["ana"].id)
    with pytest.raises(api.InvalidAnswer) as refused:
        api.save_answers(team.proposal_id, people["ana"].id,
                         [{"section": "title", "value": "Fine", "base_revision": 1},
                          {"section": "area", "value": "astrology", "base_revision": 1}], SMALL_TEMPLATE)
    assert refused.value.details["section"] == "area"
    assert api.get_proposal(team.proposal_id).answers["title"] == "Casa de acogida"
    with pytest.raises(api.InvalidAnswer):
        api.save_answers(team.proposal_id, people["ana"].id,
                         [{"section": "documents", "value": [999999], "base_revision": 1}], SMALL_TEMPLATE)


def test_submit_creates_a_version_and_a_submission_per_member_and_locks(team, people):
    fill(team.proposal_id, people["ana"].id)
    with TestCase.captureOnCommitCallbacks(execute=True):  # the task after the commit, eager here
        version = api.submit(team.proposal_id, people["ana"].id, SMALL_TEMPLATE, "anon-ana", 2, None)
    assert version.number == 1 and version.submitted_by_username == "ana"
    proposal = api.get_proposal(team.proposal_id)
    assert proposal.status == rules.SUBMITTED
    for anonymous_id in ("anon-ana", "anon-bruno"):
        [submission] = submissions_api.get_submissions({
            "student_id": anonymous_id, "course_id": proposal.course_key, "item_id": proposal.block_key,
            "item_type": "puentes_proposal"})
        assert submission["answer"]["sections"]["title"] == "Casa de acogida"
    with pytest.raises(api.NotAllowed) as locked:
        fill(team.proposal_id, people["bruno"].id, base=1)
    assert locked.value.code == "locked"


def test_submit_refuses_incomplete_late_and_extra_versions(team, people):
    with pytest.raises(api.NotAllowed) as incomplete:
        api.submit(team.proposal_id, people["ana"].id, SMALL_TEMPLATE, "anon-ana", 2, None)
    assert incomplete.value.code == "incomplete"
    assert set(incomplete.value.details["problems"]) == {"title", "problem", "area", "budget"}
    fill(team.proposal_id, people["ana"].id)
    with pytest.raises(api.NotAllowed) as late:
        api.submit(team.proposal_id, people["ana"].id, SMALL_TEMPLATE, "anon-ana", 2,
                   timezone.now() - timedelta(minutes=1))
    assert late.value.code == "past_due"
    assert api.get_proposal(team.proposal_id).status == rules.DRAFT


def review(proposal_id, tutor, decision, points=None):
    record = api.record_review(proposal_id, tutor.id, rubric_scores={"relevance": 4}, decision=decision,
                               section_comments={"problem": "Add local figures."}, overall_comment="Good start",
                               points_earned=points, points_possible=100 if points is not None else None)
    return api.send_review(record.review_id, tutor.id)


def test_revision_cycle_approval_sets_the_score_and_entry_sends_the_signal(
        team, people, django_capture_on_commit_callbacks):
    fill(team.proposal_id, people["ana"].id)
    api.submit(team.proposal_id, people["ana"].id, SMALL_TEMPLATE, "anon-ana", 2, None)
    api.start_review(team.proposal_id, people["tutor"].id)
    sent = review(team.proposal_id, people["tutor"], rules.REVISION_REQUESTED)
    assert sent.state == "sent" and sent.version_number == 1
    assert api.get_proposal(team.proposal_id).status == rules.REVISION_REQUESTED
    with pytest.raises(ValueError):  # sent reviews are append-only
        row = Review.objects.get(pk=sent.review_id)
        row.overall_comment = "changed my mind"
        row.save()
    api.save_answers(team.proposal_id, people["bruno"].id,
                     [{"section": "title", "value": "Casa de acogida v2", "base_revision": 1}], SMALL_TEMPLATE)
    version = api.submit(team.proposal_id, people["bruno"].id, SMALL_TEMPLATE, "anon-bruno", 2, None)
    assert version.number == 2 and api.get_proposal(team.proposal_id).status == rules.RESUBMITTED
    review(team.proposal_id, people["tutor"], rules.APPROVED, points=87)
    proposal = api.get_proposal(team.proposal_id)
    assert proposal.status == rules.APPROVED
    for anonymous_id in ("anon-ana", "anon-bruno"):
        score = submissions_api.get_score({"student_id": anonymous_id, "course_id": proposal.course_key,
                                           "item_id": proposal.block_key, "item_type": "puentes_proposal"})
        assert (score["points_earned"], score["points_possible"]) == (87, 100)
    assert [entry.status for entry in api.history(team.proposal_id)] == [
        "draft", "submitted", "in_review", "revision_requested", "resubmitted", "approved"]

    received = []

    def listener(signal, sender, proposal, metadata, **kwargs):
        received.append(proposal)

    PROPOSAL_FINISHED.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            api.confirm_competition_entry(team.proposal_id, people["ana"].id, "Cúcuta", "co", True, True)
    finally:
        PROPOSAL_FINISHED.disconnect(listener)
    [event] = received
    assert (event.proposal_id, event.version, event.course_key) == (team.proposal_id, 2, proposal.course_key)
    assert sorted(event.team_anonymous_ids) == ["anon-ana", "anon-bruno"]
    snapshot = api.get_snapshot(team.proposal_id, 2)
    assert (snapshot.title, snapshot.municipality, snapshot.country) == ("Casa de acogida v2", "Cúcuta", "CO")
    assert snapshot.total_budget == 3000 and snapshot.thematic_area == "education"
    assert snapshot.reviewer_usernames == ["tutor"]
    assert [s.section_id for s in snapshot.sections] == [s["id"] for s in SMALL_TEMPLATE]
    # The entry keeps the options' words as the team read them (a juror reads a label, never "education").
    area = next(s for s in snapshot.sections if s.section_type == "choice")
    assert area.choices == [{"value": "education", "label": "Education"},
                            {"value": "employment", "label": "Employment"}]
    assert api.version_choices(team.proposal_id, 2) == {area.section_id: {"education": "Education",
                                                                           "employment": "Employment"}}
    assert api.version_choices(team.proposal_id, 99) == {}


def test_entry_needs_approval_and_consent(team, people):
    with pytest.raises(api.NotAllowed):
        api.confirm_competition_entry(team.proposal_id, people["ana"].id, "Cúcuta", "CO", True, True)
    with pytest.raises(api.InvalidAnswer):
        api.confirm_competition_entry(team.proposal_id, people["ana"].id, "Cúcuta", "Colombia", True, True)
    for not_a_country in ("XX", "EU", "ZZ"):   # two letters are not enough: an ISO 3166-1 code
        with pytest.raises(api.InvalidAnswer):
            api.confirm_competition_entry(team.proposal_id, people["ana"].id, "Cúcuta", not_a_country, True, True)


def test_attachments_are_stored_and_listed_in_the_draft(team, people, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    record, result = api.add_attachment(team.proposal_id, people["ana"].id, "documents", SMALL_TEMPLATE,
                                        "../Carta de apoyo.pdf", PDF, 10_000, ("pdf",))
    assert record.name == "Carta de apoyo.pdf" and record.content_type == "application/pdf"
    assert result.saved == {"documents": [record.attachment_id]}
    _, handle = api.attachment_for_download(record.attachment_id, team.proposal_id)
    with handle:
        assert handle.read() == PDF
    course = team.course_key
    assert api.may_read(team.proposal_id, people["bruno"].id, course)
    assert not api.may_read(team.proposal_id, people["carol"].id, course)
    api.grant_tutor(course, people["tutor"].id)
    assert api.may_read(team.proposal_id, people["tutor"].id, course)
    assert api.may_read(team.proposal_id, people["carol"].id, course, is_course_staff=True)


def test_export_has_one_row_per_version(team, people):
    fill(team.proposal_id, people["ana"].id)
    api.submit(team.proposal_id, people["ana"].id, SMALL_TEMPLATE, "anon-ana", 2, None)
    [row] = list(api.export_rows(team.course_key))
    assert row["version"] == 1 and row["team"] == ["ana", "bruno"] and row["total_budget"] == "3000"
    assert row["sections"]["title"] == "Casa de acogida"


def test_csv_cells_never_run_as_formulas(team, people):
    from puentes_proposals import export
    fill(team.proposal_id, people["ana"].id, {**COMPLETE_ANSWERS, "title": "=HYPERLINK(\"http://x\")"})
    api.submit(team.proposal_id, people["ana"].id, SMALL_TEMPLATE, "anon-ana", 2, None)
    text = "".join(export.csv_lines(team.course_key))
    assert "'=HYPERLINK" in text
