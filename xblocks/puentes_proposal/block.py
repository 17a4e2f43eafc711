"""The `puentes_proposal` XBlock: the learner's side of the final project.

A thin block (DESIGN.md): it renders the team's proposal, checks input and calls the proposals
app's api. Everything tutors and the competition must see lives in that app, not in user state.
"""
import copy
from decimal import Decimal

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language
from opaque_keys.edx.keys import UsageKey
from xblock.core import XBlock
from xblock.fields import Date, Integer, List, Scope, String

from puentes_core import client, rulebook
from puentes_core.countries import country_choices
from puentes_core.i18n import I18nMixin, block_catalogue
from puentes_core.numbers import format_money, format_number, plain_number, reader_locale
from puentes_core.platform import in_studio_preview
from puentes_core.rendering import marked_as_preview, render_view
from puentes_core.sanitize import clean_html
from puentes_core.users import current_user
from puentes_proposals import api, rules, sections

from .authoring import AuthoringError, clean_template
from .default_template import DEFAULT_SECTIONS
from .handlers import ProposalHandlersMixin
from .messages import reason
from .olx import read_sections, write_sections
from .scenarios import SCENARIOS
from .section_fields import empty_rows, section_fieldsets
from .studio import StudioMixin
from .teams import PlatformTeamsMixin


def _(text):
    """Mark for extraction; translated where shown (the block's i18n service)."""
    return text


STATUS_LABELS = {
    rules.DRAFT: _("Draft"),
    rules.SUBMITTED: _("Submitted"),
    rules.IN_REVIEW: _("In review"),
    rules.REVISION_REQUESTED: _("Revision requested"),
    rules.RESUBMITTED: _("Resubmitted"),
    rules.APPROVED: _("Approved"),
    rules.ENTERED: _("Entered in the competition"),
    rules.INELIGIBLE: _("Not eligible"),
}

TEAM_CHANGE_LABELS = {
    "joined": _("{name} joined the team"),
    "left": _("{name} left the team"),
    "invited": _("{name} was invited"),
    "declined": _("{name} declined the invitation"),
}


def course_end(course_key):
    """The course's end date from the LMS's course overviews; None outside the LMS or when unset."""
    try:
        from openedx.core.djangoapps.content.course_overviews.models import CourseOverview  # noqa: PLC0415
    except ImportError:
        return None
    overview = CourseOverview.objects.filter(id=course_key).only("end").first()
    return overview.end if overview else None


@XBlock.needs("user")
@XBlock.needs("i18n")
@XBlock.wants("studio_user_permissions")
@XBlock.wants("settings")
@XBlock.wants("completion")
@XBlock.wants("teams")
@XBlock.wants("teams_configuration")
class ProposalBlock(ProposalHandlersMixin, StudioMixin, PlatformTeamsMixin, I18nMixin, XBlock):
    """A municipal team's project proposal: template, team, drafts, versions, feedback, competition entry."""

    display_name = String(display_name=_("Display name"), default=_("Project proposal"), scope=Scope.settings)
    intro = String(display_name=_("Introduction"), default="", scope=Scope.content, multiline_editor="html",
                   help=_("Shown above the proposal: what the team is asked to write, and how it is reviewed."))
    sections = List(display_name=_("Sections"), default=DEFAULT_SECTIONS, scope=Scope.content,
                    help=_("The proposal template: the sections a team fills in, in order."))
    teamset_id = String(display_name=_("Team-set"), default="", scope=Scope.settings,
                        help=_("The course's Open edX team-set whose teams write the proposals. Empty: learners "
                               "form teams in this unit by invitation."))
    # The competition's rules (puentes_core/rulebook.toml) set the largest team and the prizes' currency.
    max_team_size = Integer(display_name=_("Largest team"), default=rulebook.load().eligibility["max_team_size"],
                            scope=Scope.settings,
                            help=_("How many people of one municipality can write a proposal together."))
    max_versions = Integer(display_name=_("Versions allowed"), default=3, scope=Scope.settings,
                           help=_("How many times a team can submit (the first version and its revisions); "
                                  "0 for no limit."))
    currency = String(display_name=_("Budget currency"), default=rulebook.load().currency, scope=Scope.settings,
                      help=_("ISO 4217 code for amounts in the budget, such as USD."))
    points_possible = Integer(display_name=_("Points"), default=100, scope=Scope.settings,
                              help=_("The score an approved proposal can earn."))
    due = Date(display_name=_("Due date"), default=None, scope=Scope.settings,
               help=_("Last moment to submit; the course end is the limit when it comes first."))

    has_score = True
    has_custom_completion = True  # complete when the team submits, not when a tutor approves (handlers.submit)
    has_author_view = True  # Studio previews author_view (xmodule/studio_editable.py has_author_view)
    show_in_read_only_mode = True  # staff viewing as a learner read the team's work; handlers refuse to write
    icon_class = "problem"
    i18n_js_namespace = "PuentesProposalI18n"

    # --- values the views and handlers share -------------------------------------------------

    def max_score(self):
        return self.points_possible

    @property
    def block_key(self):
        """The usage key (the LMS's `location`; a plain string id in bare runtimes becomes a key)."""
        location = getattr(self, "location", None)
        return location if isinstance(location, UsageKey) else UsageKey.from_string(str(self.scope_ids.usage_id))

    @property
    def course_key(self):
        return getattr(self, "course_id", None) or self.location.course_key

    def template(self):
        """The sections, with the default template's words in the learner's language."""
        if self.fields["sections"].is_set_on(self):
            return copy.deepcopy(self.sections)
        # New dicts at each level (the default holds only text, numbers and its choices), no deepcopy.
        gettext = block_catalogue(self).gettext
        translated = []
        for section in DEFAULT_SECTIONS:
            section = dict(section, title=gettext(section["title"]), help=gettext(section["help"]))
            if "choices" in section:
                section["choices"] = [dict(choice, label=gettext(choice["label"])) for choice in section["choices"]]
            translated.append(section)
        return translated

    def last_moment(self):
        return rules.deadline(self.due, course_end(self.course_key))

    def setting(self, name):
        return getattr(settings, name)

    def status_label(self, status):
        return self.ugettext(STATUS_LABELS[status])

    # --- views -------------------------------------------------------------------------------

    def learner_proposal(self, user):
        """(the learner's proposal or None, their Open edX team or None): with a team-set, the proposal of
        their Open edX team, its members brought up to date; without one, the team they joined here.
        None in Studio's preview, where the author is not a learner."""
        if not user.is_authenticated or in_studio_preview(self):
            return None, None
        if not self.teamset_id:
            return api.proposal_for_member(self.block_key, user.user_id), None
        team = self.platform_team()
        return (self.team_proposal(user, team) if team else None), team

    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        user = current_user(self)
        proposal, team = self.learner_proposal(user)
        template = self.template()
        view = {
            "block": self, "user": user, "proposal": proposal, "intro": clean_html(self.intro),
            "currency": self.currency, "max_team_size": self.max_team_size,
            "last_moment": self.last_moment(), "team": team,
            "teamset_name": self.teamset_name() if self.teamset_id else "",
        }
        if self.teamset_id and user.is_authenticated and team is None:
            view["no_team_message"] = reason(self.ugettext, "no_platform_team", teamset=view["teamset_name"])
        init = {"autosave_seconds": self.setting("PUENTES_AUTOSAVE_SECONDS"), "proposal_id": None,
                "core": client.client_settings(), "currency": self.currency}
        if proposal:
            view.update(self._proposal_context(proposal, template))
            init.update({"proposal_id": proposal.proposal_id, "revision": proposal.revision,
                         "saved_at": proposal.saved_at.isoformat(),
                         "editable": view["editable"], "user": user.username,
                         "max_bytes": self.setting("PUENTES_ATTACHMENT_MAX_BYTES")})
        else:
            view["sections"] = [self._section_view(section, {}, {}, {}) for section in template]
            if user.is_authenticated and not in_studio_preview(self) and not self.teamset_id:
                view["invitations"] = api.invitations_for(self.block_key, user.user_id)
        return render_view(self, "templates/proposal.html", view, css=[*client.CSS, "static/css/proposal.css"],
                           js=[*client.JS, "static/js/proposal.js"], init_fn="PuentesProposal", init_args=init)

    def author_view(self, context=None):
        """Studio's preview: the proposal form as a learner first meets it, marked; nothing there is stored."""
        return marked_as_preview(self.student_view(context))

    def _proposal_context(self, proposal, template):
        # Tutors review submitted versions only: a team that never submitted has no review to ask for.
        reviews = api.sent_reviews(proposal.proposal_id) if proposal.versions_submitted else []
        history = api.history(proposal.proposal_id)
        files = {item.attachment_id: item for item in proposal.attachments}
        latest = [review for review in reviews if review.version_number == proposal.versions_submitted]
        comments = {}
        for review in latest:
            for section_id, comment in review.section_comments.items():
                comments.setdefault(section_id, []).append(comment)
        titles = {section["id"]: section["title"] for section in template}
        sheets = api.review_sheets([review.review_id for review in reviews]) if reviews else {}
        reached = {entry.status: entry for entry in reversed(history)}
        versions_left = (max(0, self.max_versions - proposal.versions_submitted) if self.max_versions else None)
        editable = rules.may_edit(proposal.status)
        changes = api.team_changes(proposal.proposal_id)
        team_open = not self.teamset_id and bool(rules.may_change_team(proposal.status, proposal.versions_submitted))
        catalogue = block_catalogue(self)
        return {
            "section_fieldsets": section_fieldsets(
                [self._section_view(section, proposal.answers, files, comments) for section in template],
                catalogue, editable, self.currency),
            "empty_rows": empty_rows(catalogue, self.currency),
            "editable": editable,
            "status_label": self.status_label(proposal.status),
            "timeline": [{"label": self.status_label(status), "reached": done, "status": status,
                          "at": reached[status].at if done and status in reached else None}
                         for status, done in rules.timeline([entry.status for entry in history])],
            "reviews": [{"review": review, "decision_label": self.status_label(review.decision),
                         "comments": [(titles.get(sid, sid), text) for sid, text in review.section_comments.items()
                                      if text],
                         "scores": self._scores_view(review, sheets.get(review.review_id))}
                        for review in reversed(reviews)],
            "versions_left": versions_left,
            "team_full": self.max_team_size and len(proposal.team) >= self.max_team_size,
            "team_open": team_open,
            # Shown only while the team is open; and every invitation is written with its `invited` team change
            # (team.invite): a team whose history has none has no invitation waiting, and the page need not ask.
            "invitations_sent": (api.invitations_sent(proposal.proposal_id)
                                 if team_open and any(change.kind == "invited" for change in changes) else []),
            "team_changes": [{"change": change, "label": self.ugettext(TEAM_CHANGE_LABELS[change.kind]).format(
                name=change.full_name)} for change in changes],
            "grade": self._grade_view(reviews),
            "may_enter": proposal.status == rules.APPROVED,
            "countries": country_choices(get_language()) if proposal.status == rules.APPROVED else ((), ()),
            "library_url": self._library_url(proposal),
        }

    @staticmethod
    def _library_url(proposal):
        """Where the team shares an approved proposal with the library of good practices (puentes_practices)."""
        if proposal.status not in (rules.APPROVED, rules.ENTERED):
            return ""
        try:
            return reverse("puentes_practices:share", args=[proposal.proposal_id])
        except NoReverseMatch:  # a site without the practices app
            return ""

    def _grade_view(self, reviews):
        """The grade the approval sent to the gradebook, as the learner reads numbers; None before it."""
        approved = [review for review in reviews if review.decision == rules.APPROVED and review.points_possible]
        if not approved:
            return None
        review, locale = approved[-1], reader_locale(get_language())
        share = Decimal(str(review.points_earned)) / Decimal(str(review.points_possible)) * 100
        # What it counts for: the graded assignment type the LMS gives the unit ("Final Project"), if any.
        return {"earned": format_number(review.points_earned, locale), "possible": format_number(
                review.points_possible, locale), "percent": format_number(share, locale, 0),
                "assignment": getattr(self, "format", None) or ""}

    @staticmethod
    def _scores_view(review, sheet):
        """(criterion, level chosen, points) rows, named from the rubric the tutor scored on."""
        rubric = {criterion["id"]: criterion for criterion in (sheet or {}).get("rubric", [])}
        levels = (sheet or {}).get("levels", {})
        rows = []
        for criterion_id, points in review.rubric_scores.items():
            criterion = rubric.get(criterion_id, {})
            level = next((lvl for lvl in criterion.get("levels", []) if lvl["id"] == levels.get(criterion_id)), {})
            rows.append((criterion.get("label", criterion_id), level.get("label", ""), points))
        return rows

    def _section_view(self, section, answers, files, comments):
        value = answers.get(section["id"])
        view = dict(section, value=value, comments=comments.get(section["id"], []))
        kind = section["type"]
        if kind == sections.BUDGET:
            # Inputs show stored numbers as the page's language writes them; proposal.js rewrites them
            # from data-number for a reader whose browser names a country.
            locale = reader_locale(get_language())
            view["rows"] = [dict(row, **{f"{field}_text": "" if row.get(field) is None
                                         else plain_number(row[field], locale)
                                         for field in ("quantity", "unit_cost")}) for row in value or []]
            view["total"] = sections.budget_total(value)
            view["total_text"] = format_money(view["total"], self.currency, locale)
        elif kind in (sections.NUMBER, sections.MONEY):
            view["text"] = "" if value is None else plain_number(value, reader_locale(get_language()))
        elif kind == sections.INDICATORS:
            view["rows"] = value or []
        elif kind == sections.ATTACHMENTS:
            view["files"] = [files[item] for item in value or [] if item in files]
        elif kind == sections.DATE_RANGE:
            view["start"], view["end"] = (value or {}).get("start") or "", (value or {}).get("end") or ""
        elif kind == sections.LONG_TEXT:
            view["words"] = sections.word_count(value)
        return view

    def student_view_data(self, context=None):
        """For the mobile apps, the same for everyone (the Course Blocks API collects it once per publish, with
        no user): the template and settings. The team's proposal comes from the `learner_state` handler."""
        return {
            "display_name": self.display_name, "intro": clean_html(self.intro), "sections": self.template(),
            "max_team_size": self.max_team_size, "max_versions": self.max_versions, "currency": self.currency,
            "due": self.last_moment().isoformat() if self.last_moment() else None,
            "autosave_seconds": self.setting("PUENTES_AUTOSAVE_SECONDS"),
            "handlers": ["learner_state", "start", "join", "save_draft", "upload_part", "submit", "confirm_entry"],
        }

    # --- Studio ------------------------------------------------------------------------------

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        """Attributes as fields; `<section>` children as the template, checked as Studio checks it.
        (A `sections` JSON attribute, as older exports wrote, is read too.)"""
        block = runtime.construct_xblock_from_class(cls, keys)
        for name, value in node.items():
            cls._set_field_if_present(block, name, value, {})
        raw = read_sections(node)
        if raw is None and block.fields["sections"].is_set_on(block):
            raw = block.sections
        if raw is not None:
            try:
                block.sections = clean_template(raw)
            except AuthoringError as error:
                raise ValueError(f"puentes_proposal {node.get('url_name', '')}: {error.field}: {error}") from None
        return block

    def add_xml_to_node(self, node):
        """Settings as attributes; an edited template as readable `<section>` children, never JSON."""
        super().add_xml_to_node(node)
        node.attrib.pop("sections", None)
        if self.fields["sections"].is_set_on(self):
            write_sections(self.sections, node)

    @staticmethod
    def workbench_scenarios():
        return SCENARIOS

    def now(self):
        return timezone.now()
