"""The operations the ORA2 comparison times, each one learner request (or a page's requests) through the
shared runtime: a new runtime per request, the block's fields prefetched in one query, the request current
(crum) as the LMS's middleware leaves it. See benchmarks/ora2_comparison.py.
"""
import itertools
import json

from webob import Request

from benchmarks.ora2_data import ORA2_OLX, PROPOSAL_OLX, complete_team, draft_text, fill_ora2

LANGUAGE = "es-419"


class Scene:
    """The three blocks in one course, a learner with a full draft in each, and learners who have not answered."""

    def __init__(self):
        from django.contrib.auth import get_user_model
        from opaque_keys.edx.locator import CourseLocator

        from benchmarks.proposals import DRAFT
        from puentes_casestudy.scenarios import scenarios
        from puentes_proposals import api
        from tests.helpers import BlockLoader
        self.course_key = CourseLocator("OAS", "PUENTES-BENCH", "2027")
        self.load = BlockLoader(self.course_key)
        self.users = get_user_model().objects
        self.ora2 = self.load.parse(ORA2_OLX)
        self.proposal = self.load.parse(PROPOSAL_OLX)
        self.case = self.load.parse(scenarios()[1][1])
        self.writer = self.users.create(username="ana")
        proposal = api.start_proposal(self.course_key, self.load.block(self.proposal).block_key, self.writer.id,
                                      "anon-ana")
        api.save_answers(proposal.proposal_id, self.writer.id, [
            {"section": key, "value": value, "base_revision": 0} for key, value in DRAFT.items()],
            self.load.block(self.proposal, self.writer).template())
        self.ora2_drafter = self.users.create(username="bea")
        status, body = self.post(self.ora2_drafter, self.ora2, "save_submission", {"submission": [draft_text()]})
        assert status == 200 and body.get("success"), body
        self.newcomer = self.users.create(username="caro")
        self._names = itertools.count()
        self.submitted = []  # (proposal id, version number) of the proposal submits, for deferred_work

    def fill(self, count, start):
        """`count` more other learners' submissions in each block."""
        from benchmarks.casestudy import fill_log
        from benchmarks.proposals import fill as fill_proposals
        if count <= 0:
            return
        fill_log(self.case, self.course_key, count, start)
        fill_proposals(self.course_key, self.load.block(self.proposal).block_key, count, start)
        fill_ora2(self.course_key, self.ora2, count, start)

    def learners(self, count, prefix):
        return [self.users.create(username=f"{prefix}{next(self._names):05d}") for _ in range(count)]

    def operations(self, submits):
        """Name → operation; each submit operation has `submits` fresh learners (teams) to take in turn."""
        from puentes_demo.runtime import anonymous_id_for
        case_learners = iter(self.learners(submits, "case"))
        ora2_learners = iter(self.learners(submits, "ora"))
        teams = self.learners(submits, "team")
        for user in teams:  # the anonymous id the runtime gives them, so the team of one is one member here too
            complete_team(self.load, self.proposal, self.course_key, user, anonymous_id_for(user.id, self.course_key))
        teams = iter(teams)
        answer = draft_text()
        return {
            "proposal page": lambda: self.page(self.writer, self.proposal),
            "ORA2 page, draft": lambda: self.ora2_page(self.ora2_drafter),
            "case-study page": lambda: self.page(self.newcomer, self.case),
            "ORA2 page, blank": lambda: self.ora2_page(self.newcomer),
            "case-study submit": lambda: self.expect(self.post(next(case_learners), self.case, "submit_answer",
                                                               {"question": "q1", "answer": "a"})),
            "proposal submit": lambda: self.submitted.append(self.proposal_submit(next(teams))),
            "ORA2 submit": lambda: self.expect(self.post(next(ora2_learners), self.ora2, "submit",
                                                         {"submission": [answer]}), ora2=True),
        }

    def proposal_submit(self, user):
        status, body = self.post(user, self.proposal, "submit")
        self.expect((status, body))
        return body["proposal_id"], body["version"]

    def deferred_work(self):
        """What the LMS worker does after each proposal submit timed so far (the tasks the requests queued, run
        here one by one, as the worker runs them): ms per submit. The queued messages are dropped."""
        import time

        from django.utils import translation

        from puentes_demo.celery import app
        from puentes_proposals import tasks
        from puentes_proposals.models import ProposalVersion
        translation.activate(LANGUAGE)
        timings = []
        for proposal_id, number in self.submitted:
            version_id = ProposalVersion.objects.get(proposal_id=proposal_id, number=number).pk
            start = time.perf_counter()
            tasks.after_submit.run(proposal_id, version_id, LANGUAGE)
            timings.append((time.perf_counter() - start) * 1000)
        submitted = [proposal_id for proposal_id, _number in self.submitted]
        assert not ProposalVersion.objects.filter(proposal_id__in=submitted, submission_uuid="").exists()
        self.submitted.clear()
        app.control.purge()
        return timings

    # One request each ---------------------------------------------------------------------------------------

    def block(self, user, usage_id):
        import crum
        from django.test import RequestFactory
        from django.utils import translation

        from benchmarks.ora2_runtime import SharedRuntime
        request = RequestFactory().post("/")
        request.user = user
        crum.set_current_request(request)
        translation.activate(LANGUAGE)
        runtime = SharedRuntime(user, self.course_key)
        runtime.kvs.prefetch([usage_id], runtime.django_user_id)
        return runtime.get_block(usage_id)

    def page(self, user, usage_id):
        html = self.block(user, usage_id).render("student_view", {}).body_html()
        assert html
        return html

    def ora2_page(self, user):
        """ORA2's student_view, then each request its JavaScript sends on load."""
        self.page(user, self.ora2)
        for step in ORA2_LOAD_REQUESTS:
            block = self.block(user, self.ora2)
            response = block.runtime.handle(block, f"render_{step}", Request.blank("/", method="POST"))
            assert response.status_code == 200, (step, response.status_code)

    def post(self, user, usage_id, handler, payload=None):
        block = self.block(user, usage_id)
        request = Request.blank(f"/{handler}/", method="POST", body=json.dumps(payload or {}).encode(),
                                headers={"Content-Type": "application/json"})
        response = block.runtime.handle(block, handler, request, "")
        return response.status_code, json.loads(response.body.decode("utf-8"))

    @staticmethod
    def expect(result, ora2=False):
        status, body = result
        assert status == 200, body
        if ora2:  # ORA2's handlers answer 200 with [success, ...]
            assert body[0] is True, body


ORA2_LOAD_REQUESTS = ("submission", "student_training", "peer_assessment", "staff_assessment", "self_assessment",
                      "grade", "leaderboard", "message")
