"""Benchmark: the tutor-review block (issue 4) through the real runtime and handlers.

1. The tutor's queue page (the `queue` handler) with 100, 1,000 and 10,000 proposals in the course:
   default view (waiting, oldest first), a search, a filter by country, a late page.
2. The tutor's page open (student_view with the first queue page inlined).
3. A claim, a saved draft and the workspace of one proposal, with N proposals around it.
4. The block's JS + CSS + catalogue a tutor downloads.
Query counts must not grow with N; DESIGN.md's target is p50 ≤ 50 ms at 10,000.

    python -m benchmarks.review
"""
import datetime

from benchmarks import harness
from benchmarks.harness import TIMED, bench_database, measure, table

SIZES = (100, 1_000, 10_000)
TEMPLATE = [
    {"id": "title", "type": "short_text", "title": "Title", "required": True},
    {"id": "problem", "type": "long_text", "title": "Problem", "required": True},
    {"id": "thematic_area", "type": "choice", "title": "Thematic area", "required": True,
     "choices": [{"value": "education", "label": "Education"}, {"value": "employment", "label": "Employment"}]},
]
COUNTRIES = ("AR", "BR", "CL", "CO", "CR", "EC", "MX", "PE", "UY", "DO")


def fill(course_key, block_key, author, start, count):
    """`count` submitted proposals with one version each, their queue facts and a one-person team."""
    from django.contrib.auth import get_user_model

    from puentes_proposals import status_counts
    from puentes_proposals.models import Proposal, ProposalVersion, QueueFacts, QueueSearchTerm, TeamMembership
    from puentes_proposals.queue import search_terms
    now = datetime.datetime.now(datetime.UTC)
    learners = get_user_model().objects.bulk_create([get_user_model()(username=f"learner{n:06d}")
                                                     for n in range(start, start + count)], batch_size=1000)
    learners = list(get_user_model().objects.filter(username__in=[u.username for u in learners]).order_by("id"))
    proposals = Proposal.objects.bulk_create([
        Proposal(course_key=course_key, block_key=block_key, status="submitted" if n % 5 else "approved",
                 created_by=author, versions_submitted=1, invitation_code=f"B{n:07d}",
                 submitted_at=now - datetime.timedelta(minutes=n)) for n in range(start, start + count)],
        batch_size=1000)
    proposals = list(Proposal.objects.filter(invitation_code__in=[p.invitation_code for p in proposals]))
    answers = {"title": "Casa de acogida", "problem": "<p>Familias sin documentos esperan semanas.</p>",
               "thematic_area": "education"}
    ProposalVersion.objects.bulk_create([
        ProposalVersion(proposal=p, number=1, answers=answers, template=TEMPLATE, title=f"Proyecto {p.pk}",
                        submission_uuid=f"{p.pk:036d}", submitted_by=author, submitted_at=p.submitted_at)
        for p in proposals], batch_size=1000)
    facts = QueueFacts.objects.bulk_create([
        QueueFacts(proposal=p, course_key=course_key, block_key=block_key, title=f"Proyecto {p.pk}",
                   country=COUNTRIES[p.pk % len(COUNTRIES)],
                   thematic_area="education" if p.pk % 2 else "employment",
                   search_text=f"proyecto {p.pk} municipio {p.pk % 97} ana") for p in proposals], batch_size=1000)
    QueueSearchTerm.objects.bulk_create([QueueSearchTerm(proposal_id=row.proposal_id, term=term)
                                         for row in facts for term in search_terms(row.search_text)], batch_size=1000)
    TeamMembership.objects.bulk_create([
        TeamMembership(proposal=p, block_key=block_key, user=learner, anonymous_id=f"anon{p.pk}")
        for p, learner in zip(proposals, learners, strict=True)], batch_size=1000)
    status_counts.rebuild(course_key)   # bulk_create goes around Proposal.save, which keeps the counts
    return proposals


def page_weight(html):
    return harness.page_weight("puentes_review", "HTML (tutor view, first page inlined)", html,
                               ["static/review.js", "static/review.css", "public/js/translations/es_419/text.js"], 80)


def main():
    with bench_database():
        from django.contrib.auth import get_user_model
        from django.db import reset_queries
        from opaque_keys.edx.locator import CourseLocator

        from puentes_demo.models import CourseRole
        from puentes_demo.runtime import DemoRuntime
        from puentes_proposals import api
        from tests.helpers import BlockLoader, get, post_json

        course_key = CourseLocator("OAS", "PUENTES-BENCH", "2027")
        load = BlockLoader(course_key)
        users = get_user_model().objects
        author = users.create(username="ana")
        tutor = users.create(username="carla")
        CourseRole.objects.create(user=tutor, course_key=str(course_key), role="student")
        api.grant_tutor(course_key, tutor.id)
        proposal_usage = load.parse("<puentes_proposal url_name='proposal'/>")
        review_usage = load.parse("<puentes_tutor_review url_name='review'/>")
        from opaque_keys.edx.keys import UsageKey
        block_key = UsageKey.from_string(proposal_usage)

        rows, filled, html = [], 0, ""
        for size in SIZES:
            proposals = fill(course_key, block_key, author, filled, size - filled)
            filled = size
            target = next(p.pk for p in proposals[len(proposals) // 2:] if p.status == "submitted")

            def queue(query=""):
                response = get(load.block(review_usage, tutor), "queue", query=query)
                assert response.status_code == 200, response.body
                return response

            def open_page():
                runtime = DemoRuntime(tutor, course_key)
                runtime.kvs.prefetch([review_usage], runtime.django_user_id)
                return runtime.get_block(review_usage).render("student_view", {}).body_html()

            def claim_and_draft(target=target):
                block = load.block(review_usage, tutor)
                status, _body = post_json(block, "claim", {"proposal_id": target})
                assert status == 200
                status, _body = post_json(block, "save_draft", {"proposal_id": target, "overall_comment": "Bien.",
                                                                "levels": {"innovation": "solid"}})
                assert status == 200

            def workspace(target=target):
                assert get(load.block(review_usage, tutor), "workspace",
                           query=f"proposal_id={target}").status_code == 200

            for label, operation in [
                ("queue: waiting, oldest first", lambda: queue()),
                ("queue: search", lambda: queue("search=municipio%2042")),
                ("queue: country filter", lambda: queue("country=BR")),
                ("queue: page 20", lambda: queue("page=20")),
                ("tutor page open (view + first page)", open_page),
                ("claim + save draft", claim_and_draft),
                ("workspace of one proposal", workspace),
            ]:
                reset_queries()   # Django keeps the last 9,000 queries: a full log would hide this count
                timing = measure(operation, repeat=30 if size < 10_000 else 20)
                rows.append([label, size, *timing.cells()])
            html = open_page()
        print(table(["operation", "proposals", *TIMED], rows))
        print()
        print(page_weight(html))


if __name__ == "__main__":
    main()
