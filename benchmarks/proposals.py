"""Benchmark: the proposal block (issue 3) through the real runtime and handlers.

1. Page weight: the block's own HTML + JS + CSS (+ its JS catalogue) with the default template; limit 80 KB.
2. Learner page open, save-draft and submit with N other teams' proposals in the database (N = 100 and
   10,000, bulk-created): p50/p95 and the SQL queries of one call, which must not grow with N.

    python -m benchmarks.proposals
"""

from benchmarks import harness
from benchmarks.harness import TIMED, bench_database, measure, table

DRAFT = {
    "title": "Casa Ponte: acolhida integral em Foz do Iguaçu",
    "thematic_area": "reception",
    "problem": "<p>" + "Famílias chegam sem documentos e esperam semanas por atendimento. " * 12 + "</p>",
    "target_population": "<p>" + "Pessoas migrantes e refugiadas, comunidade de acolhida, mulheres e crianças. " * 6
                         + "</p>",
    "objectives": "<p>" + "Reduzir o tempo de acolhida e garantir acesso a serviços. " * 4 + "</p>",
    "innovation": "<p>" + "Um balcão único novo na região, com mediadoras da própria comunidade migrante. " * 4
                  + "</p>",
    "activities": "<p>" + "Mediação cultural, balcão único de documentação e oficinas de emprego. " * 9 + "</p>",
    "timeline": {"start": "2027-10-01", "end": "2028-09-30"},
    "budget": [{"item": "Mediadores culturais", "quantity": 2, "unit_cost": 1500},
               {"item": "Aluguel do espaço", "quantity": 12, "unit_cost": 800}],
    "participation": "<p>" + "Conselho consultivo com pessoas migrantes e vizinhos do bairro. " * 4 + "</p>",
    "gender_diversity": "<p>" + "Atendimento com enfoque de gênero e prevenção da violência baseada em gênero. " * 4
                        + "</p>",
    "sustainability": "<p>" + "O município assume os custos no orçamento de 2029 com apoio estadual. " * 4 + "</p>",
    "replicability": "<p>" + "Outros municípios de fronteira podem copiar o balcão com o guia e os modelos. " * 4
                     + "</p>",
    "indicators": [{"name": "Famílias acolhidas", "baseline": "0", "target": "120", "source": "Registro"}],
    "risks": "<p>" + "Atraso na contratação; resposta: parceria com a universidade. " * 3 + "</p>",
}


def page_weight(block):
    html = block.render("student_view", {}).body_html()
    return harness.page_weight("puentes_proposal", "HTML (default template, a team's draft)", html,
                               ["static/js/proposal.js", "static/css/proposal.css",
                                "public/js/translations/es_419/text.js"], 80)


def fill(course_key, block_key, count, start):
    """`count` other teams' proposals, each with one member, a full draft and (every other one) a version."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from puentes_proposals import status_counts
    from puentes_proposals.models import Proposal, ProposalVersion, TeamMembership
    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=f"learner{n:06d}") for n in range(start, start + count)], batch_size=1000)
    now = timezone.now()
    proposals = Proposal.objects.bulk_create([
        Proposal(course_key=course_key, block_key=block_key, created_by=user, saved_by=user, answers=DRAFT,
                 revision=14, invitation_code=f"B{n:07d}", status="submitted" if n % 2 else "draft",
                 versions_submitted=n % 2, submitted_at=now if n % 2 else None)
        for n, user in zip(range(start, start + count), users, strict=True)], batch_size=1000)
    TeamMembership.objects.bulk_create([
        TeamMembership(proposal=proposal, block_key=block_key, user=user, anonymous_id=f"anon{user.pk}")
        for proposal, user in zip(proposals, users, strict=True)], batch_size=1000)
    ProposalVersion.objects.bulk_create([
        ProposalVersion(proposal=proposal, number=1, answers=DRAFT, template=[], title=DRAFT["title"],
                        submission_uuid="00000000-0000-0000-0000-000000000000", submitted_by=user, submitted_at=now)
        for proposal, user in zip(proposals, users, strict=True) if proposal.status == "submitted"],
        batch_size=1000)
    status_counts.rebuild(course_key)   # bulk_create goes around Proposal.save, which keeps the counts


def main():
    with bench_database():
        from django.contrib.auth import get_user_model
        from opaque_keys.edx.locator import CourseLocator

        from puentes_demo.runtime import anonymous_id_for
        from puentes_proposals import api
        from tests.helpers import BlockLoader, attach_required_files, post_json

        course_key = CourseLocator("OAS", "PUENTES-BENCH", "2027")
        load = BlockLoader(course_key)
        usage_id = load.parse('<puentes_proposal url_name="bench_proposal" max_versions="0"/>')
        block_key = load.block(usage_id).block_key
        users = get_user_model().objects
        writer = users.create(username="ana")
        api.start_proposal(course_key, block_key, writer.id, "anon-ana")
        # Teams whose drafts are complete (every section, and the mayor's letter in the required attachments
        # section): each submit call takes the next one. Each team is one learner who started with the anonymous
        # id the runtime gives them, as the block's start handler does, so a submit makes one member submission.
        submitters = []
        for n in range(80):
            learner = users.create(username=f"submitter{n:02d}")
            proposal = api.start_proposal(course_key, block_key, learner.id, anonymous_id_for(learner.id, course_key))
            template = load.block(usage_id, learner).template()
            api.save_answers(proposal.proposal_id, learner.id, [
                {"section": key, "value": value, "base_revision": 0} for key, value in DRAFT.items()], template)
            attach_required_files(proposal.proposal_id, learner, template)
            submitters.append(learner)
        queue = iter(submitters)
        revision = {"value": 0}

        def open_page():
            load.block(usage_id, writer).render("student_view", {}).body_html()

        def save_draft():
            text = f"<p>Versão {revision['value']}: {DRAFT['problem'][3:-4]}</p>"
            status, body = post_json(load.block(usage_id, writer), "save_draft", {"changes": [
                {"section": "problem", "value": text, "base_revision": revision["value"]}]})
            assert status == 200, body
            revision["value"] = body["revision"]

        def submit():
            status, body = post_json(load.block(usage_id, next(queue)), "submit")
            assert status == 200, body

        rows = []
        filled = 0
        for others in (100, 10000):
            fill(course_key, block_key, others - filled, filled)
            filled = others
            for name, operation, repeat in (("learner page open", open_page, 40), ("save draft", save_draft, 40),
                                            ("submit (version 1, 15 sections + a letter)", submit, 30)):
                timing = measure(operation, repeat=repeat, warmup=2)
                rows.append([name, others, *timing.cells()])

        print("### Page weight (the block's own files, uncompressed)\n")
        print(page_weight(load.block(usage_id, writer)))
        print("\n### Learner operations (N = other teams' proposals in the database)\n")
        print(table(["operation", "N", *TIMED], rows))
        print("\nQueries include the demo runtime's field store and events, and, for submit, the tutors' e-mail "
              "lookup after the commit. Submit creates one edx-submissions submission per team member (here a "
              "team of one): edx-submissions has no bulk write, so its statements grow with the team while the "
              "pack's stay the same, and none grows with N.")


if __name__ == "__main__":
    main()
