"""The tutor-review XBlock: the queue of proposals, claims, the review workspace, the staff's workload view.

Thin by design (DESIGN.md): everything other users must see lives in the proposals app and is
reached through `puentes_proposals.api`. Learners see a short note and get 403 from every handler.
"""
import datetime

from django.utils import timezone, translation
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey
from opaque_keys.edx.locator import BlockUsageLocator
from webob import Response
from xblock.core import XBlock
from xblock.fields import List, Scope, String

from puentes_core import client
from puentes_core.countries import country_name
from puentes_core.handlers import Conflict, Forbidden, InputError, json_handler, plain_handler, read_only
from puentes_core.i18n import I18nMixin
from puentes_core.ids import parse_id
from puentes_core.numbers import reader_locale
from puentes_core.rendering import marked_as_preview, render_view
from puentes_core.thematic_areas import choice_label
from puentes_core.users import current_user
from puentes_proposals import api
from puentes_proposals.data import QueueFilters

from . import diff, messages
from .rubric import default_rubric
from .studio import StudioMixin

MAX_COMMENT_CHARS = 20000
PROPOSAL_TAG = "puentes_proposal"


def _(text):
    """Mark a field label for extraction; the runtime translates it where Studio shows it."""
    return text


def _iso(moment):
    return moment.isoformat() if moment else None


@XBlock.needs("user")
@XBlock.needs("i18n")
@XBlock.wants("studio_user_permissions")
class TutorReviewBlock(StudioMixin, I18nMixin, XBlock):
    """Tutors claim proposals, score them on the rubric, ask for revisions or approve; staff watch the workload."""

    display_name = String(display_name=_("Display name"), default="Tutor review", scope=Scope.settings)
    rubric = List(default=[], scope=Scope.content,
                  help="Criteria with levels (rubric.py); empty means the default rubric in the viewer's language")
    tutors = List(default=[], scope=Scope.settings, help="Usernames of tutors named by the course team")
    proposal_blocks = List(default=[], scope=Scope.settings,
                           help="url_names or usage ids of the proposal blocks reviewed here; empty: the whole course")

    i18n_js_namespace = "PuentesReviewI18n"
    icon_class = "problem"
    has_author_view = True  # Studio previews author_view, never the live queue (xmodule/studio_editable.py)
    show_in_read_only_mode = True  # staff viewing as a tutor read the queue; handlers refuse to write

    # ---- where it is and what it covers ---------------------------------------------------------

    def course_key(self):
        return UsageKey.from_string(str(self.scope_ids.usage_id)).course_key

    def block_keys(self):
        """The proposal blocks this review block covers (usage keys as strings); empty means the whole course."""
        keys = []
        for name in self.proposal_blocks:
            try:
                keys.append(str(UsageKey.from_string(name)))
            except InvalidKeyError:
                keys.append(str(BlockUsageLocator(self.course_key(), PROPOSAL_TAG, name)))
        return keys

    def current_rubric(self):
        return self.rubric or default_rubric(self.ugettext)

    # ---- who may use it -------------------------------------------------------------------------

    def reviewer(self):
        """The current user if they review here (course staff, tutors named here or in the app), else None."""
        user = current_user(self)
        if not user.is_authenticated:
            return None
        if user.is_course_staff or api.is_tutor(self.course_key(), user.user_id):
            return user
        if user.username and user.username in self.tutors:
            api.grant_tutor(self.course_key(), user.user_id)   # so the app's read checks know them too
            return user
        return None

    def require_reviewer(self):
        user = self.reviewer()
        if user is None:
            raise Forbidden(self.ugettext("Only tutors and course staff can review proposals."))
        return user

    def require_staff(self):
        user = self.require_reviewer()
        if not user.is_course_staff:
            raise Forbidden(self.ugettext("Only course staff can see this."))
        return user

    def proposal_in_scope(self, payload):
        """The proposal named in the request, if it belongs to this block's course and proposal blocks."""
        proposal_id = parse_id(payload.get("proposal_id"))
        if proposal_id is None:
            raise InputError(self.ugettext("Choose a proposal from the queue."), field="proposal_id")
        try:
            proposal = api.get_proposal(proposal_id, course_key=self.course_key())
        except api.NotFound:
            proposal = None
        keys = self.block_keys()
        outside = proposal is None or bool(keys and proposal.block_key not in keys)
        if outside:
            raise InputError(self.ugettext("There is no such proposal in this course. Reload the queue."),
                             field="proposal_id")
        return proposal

    # ---- views ----------------------------------------------------------------------------------

    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        user = self.reviewer()
        if user is None:
            return render_view(self, "templates/learner_note.html", {"block": self}, css=["static/review.css"])
        return render_view(
            self, "templates/review.html", {"block": self, "is_staff": user.is_course_staff},
            css=[*client.CSS, "static/review.css"], js=[*client.JS, "static/review.js"], init_fn="PuentesTutorReview",
            init_args=self.init_args(user))

    def init_args(self, user):
        countries, areas = api.queue_facets(self.course_key(), self.block_keys())
        return {
            "username": user.username, "is_staff": user.is_course_staff,
            "statuses": messages.status_labels(self.ugettext), "decisions": messages.decision_labels(self.ugettext),
            "rubric": self.current_rubric(), "countries": countries, "areas": areas,
            # Every code a tutor reads becomes its label in their language (issue 14).
            "country_names": {code: country_name(code, translation.get_language()) for code in countries},
            "area_labels": {area: choice_label(area) for area in areas},
            "queue": self.queue_json(user, QueueFilters()), "core": client.client_settings(),
        }

    def author_view(self, context=None):
        """Studio's preview: what tutors review with (rubric, tutors, scope), never the live queue."""
        rubric = self.current_rubric()
        return marked_as_preview(render_view(self, "templates/author.html", {
            "block": self, "criteria": rubric, "points": sum(max(lv["points"] for lv in c["levels"]) for c in rubric),
            "tutors": self.tutors, "scope": self.proposal_blocks}, css=["static/review.css"]),
            note=self.ugettext("Tutors review proposals in the course; Studio shows the settings they review with."))

    # ---- the queue ------------------------------------------------------------------------------

    def queue_json(self, user, filters):
        page = api.review_queue(self.course_key(), filters, user.user_id, self.block_keys())
        now = timezone.now()
        return {
            "items": [self.item_json(item, user, now) for item in page.items], "total": page.total,
            "page": page.page, "pages": page.pages, "counts": page.counts,
        }

    def item_json(self, item, user, now):
        claim = item.claim
        return {
            "proposal_id": item.proposal_id, "status": item.status, "title": item.title, "country": item.country,
            "thematic_area": item.thematic_area, "thematic_area_label": choice_label(item.thematic_area),
            "country_name": country_name(item.country, translation.get_language()),
            "municipality": item.municipality, "team": item.team_usernames,
            "version": item.versions_submitted, "submitted_at": _iso(item.submitted_at),
            "waiting_days": (now - item.submitted_at).days if item.submitted_at else None,
            "assigned": item.assigned,
            "claim": None if claim is None else {
                "holder": claim.tutor_username, "expires_at": _iso(claim.expires_at), "live": claim.live,
                "mine": claim.tutor_username == user.username},
        }

    @XBlock.handler
    @json_handler
    @read_only
    def queue(self, payload, suffix=""):
        user = self.require_reviewer()
        return self.queue_json(user, self.filters_from(payload))

    def filters_from(self, payload):
        def number(name, default, low, high):
            raw = str(_first(payload.get(name)) or "").strip()
            if not raw:
                return default
            try:
                return max(low, min(high, int(raw)))
            except ValueError:
                raise InputError(self.ugettext("Enter a whole number."), field=name) from None

        statuses = [s for s in str(_first(payload.get("status")) or "").split(",") if s]
        unknown = [s for s in statuses if s not in messages.STATUS_ORDER]
        if unknown:
            raise InputError(self.ugettext("Choose a status from the list."), field="status")
        return QueueFilters(
            statuses=tuple(statuses), country=str(_first(payload.get("country")) or "")[:2],
            thematic_area=str(_first(payload.get("thematic_area")) or "")[:100],
            tutor=str(_first(payload.get("tutor")) or "").strip()[:150],
            waiting_days=number("waiting_days", 0, 0, 3650), search=str(_first(payload.get("search")) or "")[:200],
            page=number("page", 1, 1, 100000), page_size=number("page_size", 25, 1, 100))

    # ---- claims ---------------------------------------------------------------------------------

    @XBlock.handler
    @json_handler
    def claim(self, payload, suffix=""):
        user = self.require_reviewer()
        proposal = self.proposal_in_scope(payload)
        try:
            # Never a silent take-over: course staff take a live claim only through take_over, after confirming.
            claim = api.claim_proposal(proposal.proposal_id, user.user_id, is_course_staff=False)
        except api.NotAllowed as refused:
            raise Conflict(messages.refusal(refused.code, self.ugettext, **refused.details),
                           code=refused.code) from None
        return {"claim": {"holder": claim.tutor_username, "expires_at": _iso(claim.expires_at), "live": True,
                          "mine": True}}

    @XBlock.handler
    @json_handler
    def take_over(self, payload, suffix=""):
        """Course staff take over the live claim of the tutor named in `holder` (the one they confirmed)."""
        user = self.require_reviewer()
        if not user.is_course_staff:
            raise Forbidden(self.ugettext("Only course staff can take over another tutor's claim."))
        proposal = self.proposal_in_scope(payload)
        holder = str(_first(payload.get("holder")) or "").strip()
        if not holder:
            raise InputError(self.ugettext("Say whose claim you are taking over: reload the queue and try again."),
                             field="holder")
        try:
            claim = api.claim_proposal(proposal.proposal_id, user.user_id, is_course_staff=True,
                                       take_over_from=holder)
        except api.NotAllowed as refused:
            raise Conflict(messages.refusal(refused.code, self.ugettext, **refused.details),
                           code=refused.code) from None
        self.runtime.publish(self, "puentes.tutor_review.claim_taken_over", {
            "proposal_id": proposal.proposal_id, "from": holder, "by": user.username})
        return {"claim": {"holder": claim.tutor_username, "expires_at": _iso(claim.expires_at), "live": True,
                          "mine": True}, "taken_from": holder}

    @XBlock.handler
    @json_handler
    def release(self, payload, suffix=""):
        user = self.require_reviewer()
        proposal = self.proposal_in_scope(payload)
        try:
            api.release_claim(proposal.proposal_id, user.user_id, user.is_course_staff)
        except api.NotAllowed as refused:
            error = Forbidden if refused.code == "not_yours" else Conflict
            raise error(messages.refusal(refused.code, self.ugettext, **refused.details), code=refused.code) from None
        return {"released": True}

    # ---- the workspace --------------------------------------------------------------------------

    @XBlock.handler
    @json_handler
    @read_only
    def workspace(self, payload, suffix=""):
        """Everything the tutor reviews with: both versions compared, files, claim, their draft, past reviews."""
        user = self.require_reviewer()
        proposal = self.proposal_in_scope(payload)
        versions = api.versions(proposal.proposal_id)
        if not versions:
            raise InputError(self.ugettext("This proposal has not been submitted yet."), field="proposal_id")
        current, previous = versions[-1], (versions[-2] if len(versions) > 1 else None)
        names = {a.attachment_id: a.name for a in proposal.attachments}
        attached = [item for section in current.template if section["type"] == "attachments"
                    for item in current.answers.get(section["id"]) or []]
        claim = api.current_claim(proposal.proposal_id)
        draft, levels = api.review_draft(proposal.proposal_id, user.user_id)
        sent = api.sent_reviews(proposal.proposal_id)
        return {
            "proposal_id": proposal.proposal_id, "status": proposal.status, "title": current.title,
            "team": [member.username for member in proposal.team], "municipality": proposal.municipality,
            "version": current.number, "previous_version": previous.number if previous else None,
            "submitted_at": _iso(current.submitted_at),
            "sections": diff.section_changes(
                current.template, previous.answers if previous else None, current.answers, names,
                locale=reader_locale(translation.get_language(), [payload.get("number_locale")]),
                currency=proposal.currency,
                labels={"total": self.ugettext("Total"), "baseline": self.ugettext("baseline"),
                        "target": self.ugettext("target"), "source": self.ugettext("source")}),
            "attachments": [{"id": item, "name": names.get(item, f"#{item}")} for item in attached if item in names],
            "claim": None if claim is None else {
                "holder": claim.tutor_username, "expires_at": _iso(claim.expires_at), "live": claim.live,
                "mine": claim.tutor_username == user.username},
            "draft": None if draft is None else {
                "levels": levels, "section_comments": draft.section_comments,
                "overall_comment": draft.overall_comment, "decision": draft.decision, "reason": draft.reason,
                "saved_at": _iso(draft.created_at)},
            "reviews": [{"version": r.version_number, "tutor": r.tutor_username, "decision": r.decision,
                         "overall_comment": r.overall_comment, "section_comments": r.section_comments,
                         "reason": r.reason, "points_earned": r.points_earned, "points_possible": r.points_possible,
                         "sent_at": _iso(r.sent_at)} for r in sent],
            "history": [{"status": h.status, "version": h.version_number, "by": h.actor_username, "at": _iso(h.at)}
                        for h in api.history(proposal.proposal_id)],
        }

    @XBlock.handler
    @plain_handler
    def attachment(self, request, suffix=""):
        """Download a file of a proposal in this block's scope, through the app's read check."""
        try:
            user = self.require_reviewer()
            proposal = self.proposal_in_scope(request.GET)
            attachment_id = parse_id(request.GET.get("attachment_id"))
            if attachment_id is None:
                raise InputError(self.ugettext("Choose a file from the list."), field="attachment_id")
        except InputError as error:
            return Response(json_body={"error": error.message, "field": error.field}, status=error.status)
        if not api.may_read(proposal.proposal_id, user.user_id, self.course_key(), user.is_course_staff):
            return Response(json_body={"error": self.ugettext("You cannot open this file.")}, status=403)
        try:
            record, handle = api.attachment_for_download(attachment_id, proposal.proposal_id)
        except api.NotFound:
            return Response(json_body={"error": self.ugettext("That file is not part of this proposal.")},
                            status=404)
        response = Response(app_iter=_chunks(handle), content_type=record.content_type)
        response.content_disposition = f"attachment; filename*=UTF-8''{_quote(record.name)}"
        response.content_length = record.size
        return response

    # ---- reviewing ------------------------------------------------------------------------------

    def review_from(self, payload):
        """The review fields of a request, checked for shape and size (the rules are the app's)."""
        levels = payload.get("levels") or {}
        comments = payload.get("section_comments") or {}
        if not isinstance(levels, dict) or not all(isinstance(v, str) for v in levels.values()):
            raise InputError(self.ugettext("The rubric scores were sent in a form the server cannot read."),
                             field="rubric")
        if not isinstance(comments, dict) or not all(isinstance(v, str) for v in comments.values()):
            raise InputError(self.ugettext("The section comments were sent in a form the server cannot read."),
                             field="section_comments")
        texts = {"overall_comment": payload.get("overall_comment") or "", "reason": payload.get("reason") or "",
                 "decision": payload.get("decision") or ""}
        for field, text in texts.items():
            if not isinstance(text, str):
                raise InputError(self.ugettext("Enter text."), field=field)
        if any(len(text) > MAX_COMMENT_CHARS for text in [*comments.values(), *texts.values()]):
            raise InputError(self.ugettext("A comment is too long: keep each under 20,000 characters."))
        return {"levels": levels, "section_comments": {k: v for k, v in comments.items() if v.strip()}, **texts}

    def _review_error(self, error, levels):
        if isinstance(error, api.NotAllowed):
            return Conflict(messages.refusal(error.code, self.ugettext, **error.details), code=error.code)
        problems = error.details.get("problems") or {error.code: error.code}
        field, code = next(iter(problems.items()))
        rubric = self.current_rubric()
        words = {f: messages.problem(c, self.ugettext, rubric, levels) for f, c in problems.items()}
        return InputError(words[field], field=field, problems=words)

    @XBlock.handler
    @json_handler
    def save_draft(self, payload, suffix=""):
        user = self.require_reviewer()
        proposal = self.proposal_in_scope(payload)
        review = self.review_from(payload)
        try:
            record = api.save_review_draft(proposal.proposal_id, user.user_id, self.current_rubric(), **review)
        except api.ProposalError as error:
            raise self._review_error(error, review["levels"]) from None
        return {"saved": True, "points_earned": record.points_earned, "points_possible": record.points_possible}

    @XBlock.handler
    @json_handler
    def send_review(self, payload, suffix=""):
        user = self.require_reviewer()
        proposal = self.proposal_in_scope(payload)
        review = self.review_from(payload)
        try:
            sent = api.send_rubric_review(proposal.proposal_id, user.user_id, self.current_rubric(),
                                          language=translation.get_language(),
                                          gradebook_points=self.gradebook_points(proposal), **review)
        except api.ProposalError as error:
            raise self._review_error(error, review["levels"]) from None
        # The tracking log (the LMS's publish for any event type that is not a grade).
        self.runtime.publish(self, "puentes.tutor_review.sent", {
            "proposal_id": sent.proposal_id, "version": sent.version_number, "decision": sent.decision,
            "points_earned": sent.points_earned, "points_possible": sent.points_possible,
            "tutor": sent.tutor_username})
        return {"sent": True, "decision": sent.decision, "points_earned": sent.points_earned,
                "points_possible": sent.points_possible}

    def gradebook_points(self, proposal):
        """What the reviewed proposal block is worth in the gradebook (its max_score), or None if it is gone."""
        try:
            return self.runtime.get_block(UsageKey.from_string(proposal.block_key)).max_score()
        except Exception:  # noqa: BLE001 - a removed block still lets the review go out, on the rubric's points
            return None

    # ---- course staff ---------------------------------------------------------------------------

    @XBlock.handler
    @json_handler
    @read_only
    def workload(self, payload, suffix=""):
        self.require_staff()
        return {
            "tutors": [{"username": row.username, "reviewed": row.reviewed, "waiting": row.waiting,
                        "median_hours": row.median_hours, "overdue": row.overdue}
                       for row in api.tutor_workload(self.course_key(), self.block_keys())],
            "assignments": [{"username": username, "countries": countries, "cohorts": cohorts}
                            for username, countries, cohorts in api.course_tutors(self.course_key())],
            "named_here": list(self.tutors),
        }

    @XBlock.handler
    @json_handler
    def assign_tutor(self, payload, suffix=""):
        """Make someone a tutor of the course, looking after some countries or cohorts."""
        self.require_staff()
        username = str(payload.get("username") or "").strip()
        if not username:
            raise InputError(self.ugettext("Enter the tutor's username."), field="username")
        countries = [c.strip().upper() for c in str(payload.get("countries") or "").split(",") if c.strip()]
        if any(len(code) != 2 or not code.isalpha() for code in countries):
            raise InputError(self.ugettext("Enter countries as two-letter codes separated by commas, like AR, BR."),
                             field="countries")
        cohorts = [c.strip() for c in str(payload.get("cohorts") or "").split(",") if c.strip()]
        try:
            api.assign_tutor(self.course_key(), username, countries, cohorts)
        except api.NotFound:
            raise InputError(self.ugettext("There is no active user with that username."), field="username") from None
        return {"assigned": username}

    @XBlock.handler
    @plain_handler
    def export_reviews(self, request, suffix=""):
        """CSV of every review in the course (drafts marked), for the analytical report."""
        try:
            self.require_staff()
        except Forbidden as error:
            return Response(json_body={"error": error.message}, status=403)
        response = Response(app_iter=(chunk.encode("utf-8") for chunk in
                                      api.reviews_csv(self.course_key(), self.block_keys())),
                            content_type="text/csv", charset="utf-8")
        stamp = datetime.date.today().isoformat()
        response.content_disposition = f'attachment; filename="reviews-{self.course_key().course}-{stamp}.csv"'
        return response

    # ---- demo -----------------------------------------------------------------------------------

    @staticmethod
    def workbench_scenarios():
        """Reviewing the demo's proposal galleries: the English one takes every proposal block of its course,
        the Spanish and Portuguese ones point at their language's proposal scenario (puentes_proposal)."""
        return [
            ("Tutor review: the proposals of this course (en)",
             '<puentes_tutor_review display_name="Tutor review of project proposals"/>'),
            ("Revisión de tutoría: las propuestas de este curso (es)",
             '<puentes_tutor_review display_name="Revisión de las propuestas de proyecto" '
             'proposal_blocks=\'["proposal_es"]\'/>'),
            ("Revisão de tutoria: as propostas deste curso (pt)",
             '<puentes_tutor_review display_name="Revisão das propostas de projeto" '
             'proposal_blocks=\'["proposal_pt"]\'/>'),
        ]


def _first(value):
    return value[0] if isinstance(value, list) and value else value


def _chunks(handle, size=64 * 1024):
    try:
        while True:
            chunk = handle.read(size)
            if not chunk:
                return
            yield chunk
    finally:
        handle.close()


def _quote(name):
    from urllib.parse import quote
    return quote(name, safe="")
