"""What the ORA2 comparison (benchmarks/ora2_comparison.py) measures on: the three blocks, the learners, and
N other learners' submissions for each, bulk-created as the blocks' own code would leave them.
"""
import datetime
import uuid

from benchmarks.proposals import DRAFT

# A staff-assessed ORA (a text response and a rubric, graded by course staff): ORA2's nearest to a tutor
# reviewing a proposal. One prompt, not one per proposal section: ORA2's page gets no heavier than it must.
ORA2_OLX = """
<openassessment url_name="ora2_bench" text_response="required">
  <title>Propuesta de acogida</title>
  <prompts><prompt><description>Describa el problema, la población, los objetivos y las actividades de su
    propuesta de acogida, con su presupuesto, sus indicadores y sus riesgos.</description></prompt></prompts>
  <rubric>
    <criterion><name>Pertinencia</name><prompt>¿Responde a un problema real del municipio?</prompt>
      <option points="2"><name>Alta</name><explanation>Problema y población bien descritos</explanation></option>
      <option points="1"><name>Media</name><explanation>Descritos a medias</explanation></option>
      <option points="0"><name>Baja</name><explanation>No se entiende el problema</explanation></option>
    </criterion>
    <criterion><name>Viabilidad</name><prompt>¿Se puede hacer con el presupuesto y en el plazo?</prompt>
      <option points="2"><name>Alta</name><explanation>Presupuesto y plazos realistas</explanation></option>
      <option points="1"><name>Media</name><explanation>Algunas dudas</explanation></option>
      <option points="0"><name>Baja</name><explanation>No es viable</explanation></option>
    </criterion>
  </rubric>
  <assessments><assessment name="staff-assessment" required="true"/></assessments>
</openassessment>
"""
PROPOSAL_OLX = '<puentes_proposal url_name="bench_proposal" max_versions="0"/>'


def draft_text():
    """The proposal benchmark's full draft as one text: what an ORA2 learner would type for the same work."""
    parts = []
    for value in DRAFT.values():
        parts.append(value if isinstance(value, str) else str(value))
    return "\n\n".join(parts)


def fill_ora2(course_key, usage_id, count, start):
    """`count` learners' ORA2 submissions with their workflows, as ORA2's submit leaves them for a
    staff-assessed ORA (submissions.api.create_submission, workflow AssessmentWorkflow.start_workflow:
    status `waiting`, one `staff` step)."""
    from openassessment.workflow.models import AssessmentWorkflow, AssessmentWorkflowStep
    from submissions.models import StudentItem, Submission
    now = datetime.datetime.now(datetime.UTC)
    answer = {"parts": [{"text": draft_text()}]}
    items = StudentItem.objects.bulk_create([
        StudentItem(student_id=f"ora-anon{n:06d}", course_id=str(course_key), item_id=str(usage_id),
                    item_type="openassessment") for n in range(start, start + count)], batch_size=1000)
    submissions = Submission.objects.bulk_create([
        Submission(uuid=uuid.uuid4(), student_item=item, attempt_number=1, answer=answer, submitted_at=now,
                   created_at=now) for item in items], batch_size=1000)
    workflows = AssessmentWorkflow.objects.bulk_create([
        AssessmentWorkflow(submission_uuid=str(submission.uuid), course_id=str(course_key), item_id=str(usage_id),
                           status="waiting") for submission in submissions], batch_size=1000)
    AssessmentWorkflowStep.objects.bulk_create([
        AssessmentWorkflowStep(workflow=workflow, name="staff", order_num=0) for workflow in workflows],
        batch_size=1000)


def complete_team(load, usage_id, course_key, user, anonymous_id):
    """A team of one whose proposal is ready to submit: every section and the required letter. `anonymous_id`
    must be the one the runtime's user service gives `user` (as in the LMS, where a member's id is the one the
    block read when they started): another would make the submit name two members, and create two
    edx-submissions submissions where a real team of one creates one."""
    from puentes_proposals import api
    from tests.helpers import attach_required_files
    proposal = api.start_proposal(course_key, load.block(usage_id).block_key, user.id, anonymous_id)
    template = load.block(usage_id, user).template()
    api.save_answers(proposal.proposal_id, user.id, [
        {"section": key, "value": value, "base_revision": 0} for key, value in DRAFT.items()], template)
    attach_required_files(proposal.proposal_id, user, template)
