"""The block's handlers: team (start, join, invite, answer, leave), draft, files, submission, entry, staff export.

Every handler finds the proposal through the current user's own membership (never an id from the
request alone), so a learner reaches only their team's proposal. Bad input answers 400 with a
sentence; a stale save answers 409 with both texts; nothing saved is touched by a refused request.
"""
import urllib.parse

from django.conf import settings
from django.utils.translation import get_language
from webob import Response
from xblock.core import XBlock

from puentes_core.handlers import Conflict, Forbidden, InputError, json_handler, plain_handler, raw_request, read_only
from puentes_core.ids import parse_id
from puentes_core.numbers import reader_locale
from puentes_core.platform import in_studio_preview
from puentes_core.users import current_user
from puentes_proposals import api, export

from .messages import reason

NOT_FOUND_STATUS = 404


class NotFoundError(InputError):
    status = NOT_FOUND_STATUS


class ProposalHandlersMixin:
    """Handlers of ProposalBlock; each one is short and delegates the decision to the api."""

    # --- helpers -----------------------------------------------------------------------------

    def _say(self, code, **values):
        return reason(self.ugettext, code, **values)

    def _signed_in(self):
        user = current_user(self)
        if not user.is_authenticated:
            raise Forbidden(self._say("sign_in"))
        return user

    def _own_proposal(self, user, payload=None):
        """The proposal of the user's team in this block; a proposal id in the request must match it."""
        return self._own_proposal_and_team(user, payload)[0]

    def _own_proposal_and_team(self, user, payload=None):
        """(_own_proposal, the learner's Open edX team or None without a team-set)."""
        proposal, team = self.learner_proposal(user)
        self._check_asked(proposal.proposal_id if proposal else None, payload)
        return proposal, team

    def _check_asked(self, proposal_id, payload):
        """NotFound without a proposal, or when the request names another one than the learner's."""
        asked = (payload or {}).get("proposal_id")
        if proposal_id is None or (asked not in (None, "") and str(asked) != str(proposal_id)):
            raise NotFoundError(self._say("not_found"))

    def _fail(self, error, field=None):
        """Turn an api refusal into the HTTP answer a person can act on (`field`: the input it is about)."""
        details = {key: value for key, value in error.details.items() if key in ("section", "problems", "cell")}
        if isinstance(error, api.NotFound):
            raise NotFoundError(self._say(error.code), field=field, code=error.code)
        if isinstance(error, api.StaleDraft):
            raise Conflict(self._say("conflict"), **error.details)
        message = self._say(error.code, limit=settings.PUENTES_ATTACHMENT_MAX_BYTES // (1024 * 1024),
                            max_files=settings.PUENTES_ATTACHMENT_MAX_FILES,
                            total=settings.PUENTES_ATTACHMENT_MAX_TOTAL_BYTES // (1024 * 1024))
        if error.code == "invalid_answer" and error.details.get("message"):
            message = error.details["message"]
        if error.code == "incomplete":
            details["problems"] = error.details.get("problems", {})
        raise InputError(message, field=error.details.get("section") or field, code=error.code,
                         **{k: v for k, v in details.items() if k != "section"})

    def _state(self, proposal):
        return {"proposal_id": proposal.proposal_id, "status": proposal.status,
                "status_label": self.status_label(proposal.status), "revision": proposal.revision,
                "answers": proposal.answers, "versions_submitted": proposal.versions_submitted,
                "team": [member.username for member in proposal.team],
                "saved_at": proposal.saved_at.isoformat(), "saved_by": proposal.saved_by_username}

    # --- team ----------------------------------------------------------------------------------

    @XBlock.handler
    @json_handler
    def start(self, payload, suffix=""):
        """Start the team's proposal: a team of one here, or the learner's Open edX team with a team-set."""
        user = self._signed_in()
        try:
            if self.teamset_id:
                proposal = self._start_team_proposal(user)
            else:
                proposal = api.start_proposal(self.course_key, self.block_key, user.user_id, user.anonymous_id,
                                              currency=self.currency)
        except api.ProposalError as error:
            self._fail(error)
        return self._state(proposal)

    def _start_team_proposal(self, user):
        team = self.platform_team()
        if team is None:
            raise InputError(self._say("no_platform_team", teamset=self.teamset_name()), code="no_platform_team")
        return self.team_proposal(user, team) or api.start_team_proposal(
            self.course_key, self.block_key, self.teamset_id, team.team_id, [member[0] for member in team.members],
            user.user_id, user.anonymous_id, currency=self.currency)

    @XBlock.handler
    @json_handler
    def join(self, payload, suffix=""):
        user = self._signed_in()
        code = str(payload.get("code") or "").strip()
        if not code or len(code) > 20:
            raise InputError(self._say("bad_code"), field="code")
        try:
            proposal = api.join_with_code(self.block_key, code, user.user_id, user.anonymous_id, self.max_team_size)
        except api.ProposalError as error:
            self._fail(error)
        return self._state(proposal)

    @XBlock.handler
    @json_handler
    def invite(self, payload, suffix=""):
        """Invite a colleague by username: they join only if they accept (M5)."""
        user = self._signed_in()
        proposal = self._own_proposal(user, payload)
        username = str(payload.get("username") or "").strip()
        if not username or len(username) > 150:
            raise InputError(self._say("no_such_learner"), field="username")
        try:
            invitation = api.invite(proposal.proposal_id, user.user_id, username, self.max_team_size,
                                    in_course=self._in_course)
        except api.ProposalError as error:
            self._fail(error, field="username")
        return {"invited": invitation.invitee_username, **self._state(api.get_proposal(proposal.proposal_id))}

    @XBlock.handler
    @json_handler
    def answer_invitation(self, payload, suffix=""):
        """The invitee accepts or declines: {"invitation_id", "accept": true|false}."""
        user = self._signed_in()
        invitation_id = payload.get("invitation_id")
        if not isinstance(invitation_id, int) or isinstance(invitation_id, bool) or not isinstance(
                payload.get("accept"), bool):
            raise InputError(self._say("no_invitation"), field="invitation_id")
        try:
            proposal = api.answer_invitation(invitation_id, user.user_id, payload["accept"], user.anonymous_id,
                                             self.max_team_size)
        except api.ProposalError as error:
            self._fail(error)
        return self._state(proposal) if proposal else {"declined": True}

    @XBlock.handler
    @json_handler
    def withdraw_invitation(self, payload, suffix=""):
        user = self._signed_in()
        proposal = self._own_proposal(user, payload)
        invitation_id = payload.get("invitation_id")
        if not isinstance(invitation_id, int) or isinstance(invitation_id, bool):
            raise InputError(self._say("no_invitation"), field="invitation_id")
        if invitation_id not in {item.invitation_id for item in api.invitations_sent(proposal.proposal_id)}:
            raise NotFoundError(self._say("no_invitation"))
        try:
            api.withdraw_invitation(invitation_id, user.user_id)
        except api.ProposalError as error:
            self._fail(error)
        return self._state(api.get_proposal(proposal.proposal_id))

    @XBlock.handler
    @json_handler
    def leave(self, payload, suffix=""):
        """Leave the team before the first submission; the last to leave discards the draft."""
        user = self._signed_in()
        proposal = self._own_proposal(user, payload)
        try:
            remaining = api.leave(proposal.proposal_id, user.user_id)
        except api.ProposalError as error:
            self._fail(error)
        return {"left": True, "discarded": remaining is None}

    def _in_course(self, member):
        """Enrolled in this course (LMS); outside the LMS every active user counts."""
        try:
            from common.djangoapps.student.models import CourseEnrollment  # noqa: PLC0415
        except ImportError:
            return True
        return CourseEnrollment.is_enrolled(member, self.course_key)

    # --- the draft -----------------------------------------------------------------------------

    @XBlock.handler
    @json_handler
    @read_only
    def state(self, payload, suffix=""):
        """The draft as the server has it (the page asks after reconnecting)."""
        return self._state(self._own_proposal(self._signed_in()))

    @XBlock.handler
    @json_handler
    @read_only
    def learner_state(self, payload, suffix=""):
        """The signed-in learner's proposal, or none yet (mobile apps; student_view_data has no user)."""
        user = self._signed_in()
        proposal, _team = self.learner_proposal(user)
        return {"proposal": self._state(proposal) if proposal else None}

    @XBlock.handler
    @json_handler
    def save_draft(self, payload, suffix=""):
        """Save changed sections: {"changes": [{"section", "value", "base_revision"}]}."""
        user = self._signed_in()
        proposal = self._own_proposal(user, payload)
        changes = payload.get("changes")
        if not isinstance(changes, list) or not changes or not all(isinstance(c, dict) for c in changes):
            raise InputError(self._say("invalid_answer"), field="changes")
        try:
            result = api.save_answers(proposal.proposal_id, user.user_id, changes, self.template(),
                                      number_locale=reader_locale(get_language(), [payload.get("number_locale")]))
        except api.ProposalError as error:
            self._fail(error)
        return {"revision": result.revision, "saved_at": result.saved_at.isoformat(), "saved": result.saved}

    @XBlock.handler
    @json_handler
    @raw_request
    def upload(self, request, suffix=""):
        """A file for an attachments section (multipart: section, file)."""
        user = self._signed_in()
        proposal = self._own_proposal(user, {"proposal_id": request.params.get("proposal_id")})
        upload = request.POST.get("file") if request.method == "POST" else None
        if upload is None or not hasattr(upload, "file"):
            raise InputError(self._say("no_file"), field="file")
        limit = settings.PUENTES_ATTACHMENT_MAX_BYTES
        content = upload.file.read(limit + 1)
        try:
            record, result = api.add_attachment(
                proposal.proposal_id, user.user_id, request.POST.get("section", ""), self.template(),
                upload.filename, content, limit, settings.PUENTES_ATTACHMENT_TYPES)
        except api.ProposalError as error:
            self._fail(error)
        return {"attachment": {"id": record.attachment_id, "name": record.name, "size": record.size,
                               "url": self.runtime.handler_url(self, "attachment", str(record.attachment_id))},
                "revision": result.revision, "saved_at": result.saved_at.isoformat(), "saved": result.saved}

    @XBlock.handler
    @json_handler
    def begin_upload(self, payload, suffix=""):
        """Start sending a file in parts: {proposal_id, section, name, size}. Each part stays under the
        platform's 4 MB caps (Tutor's Caddy, the LMS's STUDENT_FILEUPLOAD_MAX_SIZE), whatever the file's size."""
        user = self._signed_in()
        proposal = self._own_proposal(user, payload)
        try:
            size = int(payload.get("size"))
        except (TypeError, ValueError):
            raise InputError(self._say("no_file"), field="file") from None
        try:
            token = api.begin_upload(proposal.proposal_id, user.user_id, str(payload.get("section") or ""),
                                     self.template(), str(payload.get("name") or ""), size,
                                     settings.PUENTES_ATTACHMENT_MAX_BYTES)
        except api.ProposalError as error:
            self._fail(error)
        return {"upload": token, "part_bytes": api.PART_BYTES}

    @XBlock.handler
    @json_handler
    @raw_request
    def upload_part(self, request, suffix=""):
        """One part of a file begun with begin_upload (multipart: proposal_id, upload, index, part). After the
        last part, the attachment as `upload` answers it."""
        user = self._signed_in()
        proposal = self._own_proposal(user, {"proposal_id": request.params.get("proposal_id")})
        part = request.POST.get("part") if request.method == "POST" else None
        index = str(request.params.get("index", ""))
        if part is None or not hasattr(part, "file") or not (index.isascii() and index.isdigit()):
            raise InputError(self._say("no_file"), field="file")
        try:
            attached = api.add_upload_part(
                proposal.proposal_id, user.user_id, str(request.params.get("upload", "")), int(index),
                part.file.read(api.PART_BYTES + 1), self.template(), settings.PUENTES_ATTACHMENT_MAX_BYTES,
                settings.PUENTES_ATTACHMENT_TYPES)
        except api.ProposalError as error:
            self._fail(error)
        if attached is None:
            return {"received": int(index)}
        record, result = attached
        return {"attachment": {"id": record.attachment_id, "name": record.name, "size": record.size,
                               "url": self.runtime.handler_url(self, "attachment", str(record.attachment_id))},
                "revision": result.revision, "saved_at": result.saved_at.isoformat(), "saved": result.saved}

    @XBlock.handler
    @plain_handler
    def attachment(self, request, suffix=""):
        """Download a file: for the team, this course's tutors and this course's staff only."""
        user = current_user(self)
        asked = request.params.get("proposal")
        own, _team = self.learner_proposal(user)
        if asked in (None, ""):
            asked = own.proposal_id if own else None
        proposal_id, attachment_id = parse_id(asked), parse_id(suffix)
        if not user.is_authenticated or proposal_id is None or attachment_id is None \
                or not api.may_read(proposal_id, user.user_id, self.course_key, user.is_course_staff) \
                or not self._still_in_team(user, own, proposal_id):
            return self._not_found()
        try:
            record, handle = api.attachment_for_download(attachment_id, proposal_id)
        except api.NotFound:
            return self._not_found()
        with handle:
            body = handle.read()
        response = Response(body=body, content_type=record.content_type)
        response.headers["Content-Disposition"] = "attachment; filename*=UTF-8''" + urllib.parse.quote(record.name)
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    def _not_found(self):
        return Response(status=404, body=self._say("not_found").encode(), content_type="text/plain",
                        charset="utf-8")

    def _still_in_team(self, user, own, proposal_id):
        """With a team-set, a learner reads only their Open edX team's proposal now: someone who left the team
        on the platform loses access at once, even before the team's copy of its members catches up."""
        if not self.teamset_id or user.is_course_staff or api.is_tutor(self.course_key, user.user_id):
            return True
        return own is not None and own.proposal_id == proposal_id

    # --- submitting and entering ---------------------------------------------------------------

    @XBlock.handler
    @json_handler
    def submit(self, payload, suffix=""):
        user = self._signed_in()
        proposal_id, team = self._own_proposal_id(user, payload)
        # With a team-set, the members' ids come from the teams service, asked as a member of the team.
        try:
            submitted = api.submit_proposal(proposal_id, user.user_id, self.template(), user.anonymous_id,
                                            self.max_versions, self.last_moment(),
                                            team_member_ids=self.team_anonymous_ids(team) if team else None)
        except api.ProposalError as error:
            self._fail(error)
        version = submitted.version
        self.runtime.publish(self, "puentes.proposal.submitted",
                             {"proposal_id": proposal_id, "version": version.number})
        self._report_completion(submitted.proposal)
        return {"version": version.number, "submitted_at": version.submitted_at.isoformat(),
                **self._state(submitted.proposal)}

    def _own_proposal_id(self, user, payload):
        """(the id of the learner's team's proposal, their Open edX team or None), as _own_proposal_and_team
        finds them; without a team-set, only the id is read, for the caller reads the proposal itself."""
        if self.teamset_id or not user.is_authenticated or in_studio_preview(self):
            proposal, team = self._own_proposal_and_team(user, payload)
            return proposal.proposal_id, team
        proposal_id = api.proposal_id_for_member(self.block_key, user.user_id)
        self._check_asked(proposal_id, payload)
        return proposal_id, None

    def _report_completion(self, proposal):
        """A submitted proposal is complete for every member of the team (completion/services.py
        submit_group_completion); without a completion service, for the one who submitted."""
        service = self.runtime.service(self, "completion")
        if service is not None and service.completion_tracking_enabled():
            service.submit_group_completion(self.block_key, 1.0, user_ids=[member.user_id for member in proposal.team])
        else:
            self.runtime.publish(self, "completion", {"completion": 1.0})

    @XBlock.handler
    @json_handler
    def confirm_entry(self, payload, suffix=""):
        user = self._signed_in()
        proposal = self._own_proposal(user, payload)
        try:
            proposal = api.confirm_competition_entry(
                proposal.proposal_id, user.user_id, payload.get("municipality"), payload.get("country"),
                payload.get("eligible") is True, payload.get("consents") is True)
        except api.ProposalError as error:
            self._fail(error, field={"municipality_required": "municipality", "bad_country": "country",
                                     "needs_consent": "eligible"}.get(error.code))
        return self._state(proposal)

    # --- staff ---------------------------------------------------------------------------------

    @XBlock.handler
    @plain_handler
    def export(self, request, suffix=""):
        """This block's proposals, one row per version: suffix `csv` or `json`. Course staff only."""
        user = current_user(self)
        if not user.is_course_staff:
            return Response(status=403, body=self._say("staff_only").encode(), content_type="text/plain",
                            charset="utf-8")
        if suffix == "json":
            body, content_type = export.json_chunks(self.course_key, self.block_key), "application/json"
        else:
            suffix, body, content_type = "csv", export.csv_lines(self.course_key, self.block_key), "text/csv"
        response = Response(app_iter=(chunk.encode("utf-8") for chunk in body), content_type=content_type,
                            charset="utf-8")
        response.headers["Content-Disposition"] = f'attachment; filename="proposals-{self.block_key.block_id}.{suffix}"'
        return response
