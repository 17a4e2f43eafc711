"""Drive the real proposals app from draft to "entered in the competition", as a team and a tutor would."""
from puentes_proposals import api as proposals

TEMPLATE = [
    {"id": "title", "type": "short_text", "title": "Project title", "required": True},
    {"id": "problem", "type": "long_text", "title": "Problem and context", "required": True},
    {"id": "budget", "type": "budget", "title": "Budget", "required": True},
    {"id": "files", "type": "attachments", "title": "Annexes", "required": False},
]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def approve_and_enter(course_key, block_key, learner, tutor, *, unit_cost="40000", attachment=True,
                      municipality="Cúcuta", country="CO", before_confirming=None):
    """Returns the proposal id. The last call sends org.puentes.proposal.finished.v1 on commit.

    `before_confirming(proposal_id)` runs once the proposal is approved, just before the team confirms entry."""
    proposal = proposals.start_proposal(course_key, block_key, learner.id, f"anon-{learner.id}")
    proposals.save_answers(proposal.proposal_id, learner.id, [
        {"section": "title", "value": "Casa de acogida municipal", "base_revision": 0},
        {"section": "problem", "value": "<p>Llegan trescientas familias por mes a la ciudad.</p>", "base_revision": 0},
        {"section": "budget", "value": [{"item": "Alquiler", "quantity": 1, "unit_cost": unit_cost}],
         "base_revision": 0}], TEMPLATE)
    if attachment:
        proposals.add_attachment(proposal.proposal_id, learner.id, "files", TEMPLATE, "plan.pdf", PDF,
                                 10 * 1024 * 1024, ["pdf"])
    proposals.submit(proposal.proposal_id, learner.id, TEMPLATE, f"anon-{learner.id}", 3, None)
    proposals.start_review(proposal.proposal_id, tutor.id)
    review = proposals.record_review(proposal.proposal_id, tutor.id, decision="approved",
                                     points_earned=9, points_possible=10)
    proposals.send_review(review.review_id, tutor.id)
    if before_confirming is not None:
        before_confirming(proposal.proposal_id)
    proposals.confirm_competition_entry(proposal.proposal_id, learner.id, municipality, country, True, True)
    return proposal.proposal_id
