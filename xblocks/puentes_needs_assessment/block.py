"""The needs-assessment XBlock: officials describe their municipality's situation and capacities.

The questionnaire lives in content fields (readable OLX children, olx.py; a structured Studio editor,
studio.py). A learner's answers and their consent for research use live in the assessment app
(puentes_assessment.api), where only consented, submitted answers are ever aggregated; the block shows
the learner their own municipality's profile and the course units that address its weakest areas.
Completion only: submitting marks the block complete.
"""
import hashlib

from django.utils import translation
from opaque_keys.edx.keys import UsageKey
from puentes_assessment import api
from puentes_assessment.data import BlockPlace
from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import List, Scope, String

from puentes_core.countries import country_choices
from puentes_core.handlers import Forbidden, InputError, json_handler, read_only
from puentes_core.i18n import I18nMixin
from puentes_core.rendering import render_template, render_view
from puentes_core.users import current_user

from . import answers as rules
from .content import QuestionnaireError, all_questions, build_questionnaire
from .olx import read_questionnaire, write_questionnaire
from .profile import profile_view
from .studio import StudioMixin


def _(text):
    """Mark a field label for extraction; the runtime translates it when Studio shows it."""
    return text


@XBlock.needs("user")
@XBlock.needs("i18n")
@XBlock.wants("studio_user_permissions")
class NeedsAssessmentBlock(StudioMixin, CompletableXBlockMixin, I18nMixin, XBlock):
    """A questionnaire on the municipality's situation and capacities, by thematic area."""

    display_name = String(display_name=_("Display name"), default=_("Needs assessment"), scope=Scope.settings)
    instrument = String(display_name=_("Instrument code"), default="puentes-needs", scope=Scope.settings,
                        help=_("The same code in every course language, so answers aggregate across courses."))
    wave = String(display_name=_("Wave"), default="baseline", scope=Scope.settings,
                  values=[{"display_name": _("Baseline"), "value": "baseline"},
                          {"display_name": _("End-line"), "value": "endline"}])
    intro = String(default="", scope=Scope.content, help="Sanitised HTML shown above the questions")
    sections = List(default=[], scope=Scope.content, help="Checked sections, see content.build_questionnaire")

    has_author_view = True
    i18n_js_namespace = "PuentesNeedsAssessmentI18n"

    # ---- the questionnaire as one dict ---------------------------------------------------------

    def questionnaire(self):
        return {"display_name": self.display_name, "instrument": self.instrument, "wave": self.wave,
                "intro": self.intro, "sections": self.sections}

    def store_questionnaire(self, questionnaire):
        for name in ("display_name", "instrument", "wave", "intro", "sections"):
            setattr(self, name, questionnaire[name])

    @property
    def block_key(self):
        location = getattr(self, "location", None)
        return location if isinstance(location, UsageKey) else UsageKey.from_string(str(self.scope_ids.usage_id))

    def place(self):
        return BlockPlace(instrument=self.instrument, wave=self.wave, course_key=str(self.block_key.course_key),
                          block_key=str(self.block_key), language=self.course_language())

    def course_language(self):
        """The language the questionnaire is written in: the course's (en/es/pt), read from the course key."""
        course = self.block_key.course_key.course.upper()
        return {"ES": "es", "PT": "pt"}.get(course.rsplit("-", 1)[-1], "en")

    def in_studio_preview(self):
        """Studio's preview (runtime.is_author_mode, cms/djangoapps/contentstore/views/preview.py) or a render
        without a user id (ORA2's in_studio_preview): never write then."""
        return bool(getattr(self.runtime, "is_author_mode", False)) or self.scope_ids.user_id is None

    # ---- OLX ----------------------------------------------------------------------------------

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = runtime.construct_xblock_from_class(cls, keys)
        try:
            block.store_questionnaire(build_questionnaire(read_questionnaire(node)))
        except QuestionnaireError as error:
            raise ValueError(f"puentes_needs_assessment {node.get('url_name', '')}: <{error.element}> "
                             f"{error.path}: {error.message}") from None
        return block

    def add_xml_to_node(self, node):
        node.tag = self.xml_element_name()
        write_questionnaire(self.questionnaire(), node)

    # ---- views --------------------------------------------------------------------------------

    def _countries(self):
        """(code, name) of the region's countries in the reader's language, alphabetically (puentes_core)."""
        americas, _others = country_choices(translation.get_language())
        return [(code, name) for code, name in americas if code in rules.COUNTRIES]

    def _questions_view(self, saved_answers):
        return [{**section, "questions": [{**question, "value": saved_answers.get(question["code"])}
                                          for question in section["questions"]]}
                for section in self.sections]

    def _render(self, record, editable):
        answers = record.answers if record else {}
        submitted = bool(record and record.submitted_at)
        prefix = "pna-" + hashlib.sha1(str(self.block_key).encode()).hexdigest()[:8]
        context = {
            "block": self, "intro": self.intro, "sections": self._questions_view(answers),
            "countries": self._countries(), "record": record, "editable": editable, "submitted": submitted,
            "visible": rules.visible_codes(self.questionnaire(), answers),
            "profile_html": self._render_profile(answers, prefix) if submitted else "", "prefix": prefix,
        }
        init = {"editable": editable, "user": current_user(self).anonymous_id,
                "conditions": {q["code"]: q["show_if"] for q in all_questions(self.questionnaire()) if q["show_if"]}}
        return render_view(self, "templates/assessment.html", context, css=["static/assessment.css"],
                           js=["static/assessment.js"] if editable else [], init_fn="PuentesNeedsAssessment"
                           if editable else None, init_args=init)

    def _render_profile(self, answers, prefix):
        return render_template(self, "templates/profile.html",
                               {"profile": profile_view(self, answers, prefix), "prefix": prefix})

    @XBlock.supports("multi_device")  # the mobile apps render it; per-learner data comes from learner_state
    def student_view(self, context=None):
        user = current_user(self)
        if self.in_studio_preview() or not user.is_authenticated:
            return self.author_view(context)
        return self._render(api.learner_response(self.place(), user.user_id), editable=True)

    def author_view(self, context=None):
        """Studio's unit page and preview: the questionnaire as learners see it, read-only, nothing saved."""
        return self._render(None, editable=False)

    def student_view_data(self, context=None):
        """For the mobile apps: the questionnaire and where to read and send the learner's answers."""
        return {
            "display_name": self.display_name, "instrument": self.instrument, "wave": self.wave,
            "intro": self.intro, "sections": self.sections,
            "countries": [{"code": code, "name": name} for code, name in self._countries()],
            "handlers": {name: self.runtime.handler_url(self, name)
                         for name in ("learner_state", "save_draft", "submit", "set_consent")},
        }

    # ---- handlers -----------------------------------------------------------------------------

    def _learner(self):
        user = current_user(self)
        if self.in_studio_preview():
            raise Forbidden(self.ugettext("This is a preview: answers are not saved here."))
        if not user.is_authenticated:
            raise Forbidden(self.ugettext("Sign in to answer the questionnaire."))
        return user

    def _cleaned(self, payload, required):
        gettext = self.ugettext
        try:
            answers = rules.keep_visible(self.questionnaire(), rules.clean_answers(
                self.questionnaire(), payload.get("answers") or {}, gettext))
            municipality, country = rules.clean_place(payload.get("municipality"), payload.get("country"), gettext,
                                                      required=required)
        except rules.AnswerError as error:
            raise InputError(error.message, field=error.field) from None
        return answers, municipality, country

    def _state(self, record):
        return {"answers": record.answers if record else {}, "municipality": record.municipality if record else "",
                "country": record.country if record else "", "consent": record.consent if record else None,
                "saved_at": record.saved_at.isoformat() if record and record.saved_at else None,
                "submitted_at": record.submitted_at.isoformat() if record and record.submitted_at else None}

    @XBlock.handler
    @json_handler
    @read_only
    def learner_state(self, payload, suffix=""):
        """The learner's own answers, place and consent, for another device or the mobile apps."""
        user = self._learner()
        return self._state(api.learner_response(self.place(), user.user_id))

    @XBlock.handler
    @json_handler
    def save_draft(self, payload, suffix=""):
        """Keep the answers so far: {answers: {code: value}, municipality, country}. Nothing is required yet."""
        user = self._learner()
        answers, municipality, country = self._cleaned(payload, required=False)
        return self._state(api.save_draft(self.place(), user.user_id, answers, municipality, country))

    @XBlock.handler
    @json_handler
    def submit(self, payload, suffix=""):
        """Record the complete questionnaire; answers the learner's profile. A missing answer is a 400 naming it."""
        user = self._learner()
        answers, municipality, country = self._cleaned(payload, required=True)
        missing = rules.missing_required(self.questionnaire(), answers)
        if missing:
            api.save_draft(self.place(), user.user_id, answers, municipality, country)  # never lose what was typed
            raise InputError(self.ugettext("Answer the questions marked as required."), field=missing[0],
                             missing=missing)
        record = api.submit(self.place(), user.user_id, answers, municipality, country, self.codebook())
        self.emit_completion(1.0)
        state = self._state(record)
        view = profile_view(self, record.answers, "")
        state["profile"] = [{"area": row["area"], "title": row["title"], "score": row["score"]} for row in view["rows"]]
        state["weakest"] = [{"area": row["area"], "links": row["links"]} for row in view["weakest"]]
        return state

    @XBlock.handler
    @json_handler
    def set_consent(self, payload, suffix=""):
        """The research-use question, answered yes or no; it can be changed at any time."""
        user = self._learner()
        consent = payload.get("consent")
        if not isinstance(consent, bool):
            raise InputError(self.ugettext("Answer yes or no."), field="consent")
        return {"consent": api.set_consent(self.instrument, user.user_id, consent)}

    def codebook(self):
        """The questions as the analysts read them: codes, types and this language's words, no rules."""
        return {"instrument": self.instrument, "wave": self.wave, "sections": [{
            "area": section["area"], "title": section["title"],
            "questions": [{
                "code": q["code"], "type": q["type"], "prompt": q["prompt"], "unit": q.get("unit", ""),
                "analysis": q.get("analysis", ""),
                "levels": [{"value": lv["value"], "label": lv["label"]} for lv in q.get("levels", [])],
                "options": [{"value": op["value"], "label": op["text"]} for op in q.get("options", [])],
            } for q in section["questions"]]} for section in self.sections]}

    @staticmethod
    def workbench_scenarios():
        from .scenarios import scenarios
        return scenarios()
