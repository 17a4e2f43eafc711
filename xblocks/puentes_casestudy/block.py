"""The case-study XBlock: a real situation, its facts and voices, and questions that score and branch.

Content lives in content-scoped fields (written to OLX as readable child elements, see olx.py);
each learner's answers live in `answers` (user_state) so they resume where they stopped, and every
submission is also appended to the CaseStudyAnswer log (api.py), the only place course staff can
read all learners' answers from (the CSV export).
"""
import datetime
import hashlib
import logging

from django.template.defaultfilters import floatformat
from opaque_keys.edx.keys import UsageKey
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from puentes_core import client
from puentes_core.handlers import Forbidden, InputError, json_handler, read_only
from puentes_core.i18n import I18nMixin
from puentes_core.platform import in_studio_preview
from puentes_core.rendering import marked_as_preview, render_template, render_view
from puentes_core.users import current_user

from . import branching, scoring
from .content import build_case, question_points, with_severities
from .olx import read_case, write_case
from .studio import StudioMixin
from .views import display_order, plural_count, question_view, shuffled

log = logging.getLogger(__name__)

CONTENT_FIELDS = ("context", "image", "facts", "voices", "links", "questions")
SETTINGS_FIELDS = ("display_name", "weight", "max_attempts", "show_model_answers")
CASE_FIELDS = frozenset(SETTINGS_FIELDS + CONTENT_FIELDS)
MAX_REFLECTION_CHARS = 20000


def _(text):
    """Mark a field label for extraction; the runtime translates it when Studio shows it."""
    return text


@XBlock.needs("user")
@XBlock.needs("i18n")
@XBlock.wants("studio_user_permissions")
class CaseStudyBlock(StudioMixin, ScorableXBlockMixin, I18nMixin, XBlock):
    """A case study with choice, ranking, reflection and branching decision questions."""

    display_name = String(display_name=_("Display name"), default="Case study", scope=Scope.settings)
    weight = Float(display_name=_("Weight"), default=1.0, scope=Scope.settings,
                   help=_("How much the case counts in the grade; the LMS scales the points to this."))
    max_attempts = Integer(display_name=_("Attempts per question"), default=None, scope=Scope.settings,
                           help=_("Leave empty for no limit. A finished decision path uses one attempt."))
    show_model_answers = Boolean(display_name=_("Show model answers"), default=True, scope=Scope.settings)

    context = String(default="", scope=Scope.content, help="The narrative, sanitised HTML")
    image = Dict(default={}, scope=Scope.content, help="{src, alt}, or empty")
    facts = List(default=[], scope=Scope.content, help="[{label, value, source, href}]")
    voices = List(default=[], scope=Scope.content, help="[{name, role, text}]")
    links = List(default=[], scope=Scope.content, help="[{href, text}]")
    questions = List(default=[], scope=Scope.content, help="Checked questions, see content.build_case")

    answers = Dict(default={}, scope=Scope.user_state, help="question id -> the learner's last answer and score")
    score_override = Dict(default={}, scope=Scope.user_state, help="A score set by staff (set_score)")

    has_score = True
    has_custom_completion = True  # completion is the share of questions done (the completion app: no 1.0 on grade)
    has_author_view = True  # Studio previews author_view (xmodule/studio_editable.py has_author_view)
    show_in_read_only_mode = True  # staff viewing as a learner read it; its handlers refuse to write
    icon_class = "problem"
    i18n_js_namespace = "PuentesCaseStudyI18n"

    # ---- the case as one dict -------------------------------------------------------------

    def case(self):
        case = {name: getattr(self, name) for name in SETTINGS_FIELDS + CONTENT_FIELDS}
        case["questions"] = with_severities(case["questions"])
        return case

    def store_case(self, case):
        for name in SETTINGS_FIELDS + CONTENT_FIELDS:
            setattr(self, name, case[name])

    def usage_key(self):
        """The block's UsageKey (the LMS gives one; some runtimes give its string)."""
        return UsageKey.from_string(str(self.scope_ids.usage_id))

    def question(self, question_id):
        for question in self.questions:
            if question["id"] == question_id:
                return question
        return None

    # ---- OLX --------------------------------------------------------------------------------

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        """Readable children in (docs/olx-case-study.md); CaseError names the element and field at fault.
        Other attributes are settings the platform's mixins add (visible_to_staff_only, group_access, …)."""
        block = runtime.construct_xblock_from_class(cls, keys)
        case = build_case(read_case(node))
        block.store_case(case)
        for name, value in node.items():
            if name in block.fields and name not in CASE_FIELDS:
                cls._set_field_if_present(block, name, value, {})
        return block

    def add_xml_to_node(self, node):
        """The case as readable children, and every other setting set on the component as an attribute, as
        XBlock's own serialisation writes them (xmodule/x_module.py exports a pure XBlock through this)."""
        node.tag = self.xml_element_name()
        write_case(self.case(), node)
        for name, field in self.fields.items():
            if name in CASE_FIELDS or field.scope != Scope.settings or not field.is_set_on(self):
                continue
            node.set(name, field.to_string(getattr(self, name)))

    # ---- scores -----------------------------------------------------------------------------

    def max_score(self):
        return sum(question_points(question) for question in self.questions)

    def has_submitted_answer(self):
        return any((state or {}).get("submitted_at") for state in self.answers.values())

    def calculate_score(self):
        earned, possible = scoring.case_score(self.questions, self.answers, question_points)
        return Score(raw_earned=earned, raw_possible=possible)

    def get_score(self):
        if self.score_override:
            return Score(**self.score_override)
        return self.calculate_score()

    def set_score(self, score):
        self.score_override = {"raw_earned": score.raw_earned, "raw_possible": score.raw_possible}

    def _publish_progress(self):
        """Grade and completion to the LMS, after every scored submission."""
        score = self.calculate_score()
        self._publish_grade(score)
        self.runtime.publish(self, "completion", {"completion": scoring.completion(self.questions, self.answers)})
        return score

    # ---- learner view -----------------------------------------------------------------------

    def _seed(self):
        return current_user(self).anonymous_id or "preview"

    def _question_views(self, questions, seed):
        return [question_view(q, self.answers.get(q["id"]), self.max_attempts, self.show_model_answers, seed)
                for q in questions]

    def _prefix(self):
        """A short id prefix unique to this block, so two cases on one page never share element ids."""
        return "pcs-" + hashlib.sha1(str(self.scope_ids.usage_id).encode()).hexdigest()[:8]

    def _render_questions(self, views):
        return render_template(self, "templates/questions.html", {"questions": views, "prefix": self._prefix()})

    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        views = self._question_views(self.questions, self._seed())
        score = self.calculate_score()
        started = any(v["submitted"] or v.get("in_progress") for v in views)
        first_open = next((v["id"] for v in views if not v["submitted"] or v.get("in_progress")), None)
        return render_view(self, "templates/casestudy.html", {
            "block": self, "case": self.case(), "questions_html": self._render_questions(views),
            "prefix": self._prefix(), "score": score, "total_text": self._total_text(score),
            "resume": first_open if started else None,
            "is_staff": current_user(self).is_course_staff and not in_studio_preview(self),
            "export_url": self.runtime.handler_url(self, "export_answers"),
        }, css=[*client.CSS, "static/casestudy.css"], js=[*client.JS, "static/casestudy.js"],
            init_fn="PuentesCaseStudy", init_args={
                # Unsent answers stay on this device under a key of this block and this learner only.
                "draft_key": f"puentes-case:{self.location}:{current_user(self).user_id}"})

    def author_view(self, context=None):
        """Studio's preview: the case as a learner meets it, marked; answering there stores nothing."""
        return marked_as_preview(self.student_view(context))

    def student_view_data(self, context=None):
        """The case for the mobile apps, the same for everyone: the Course Blocks API collects it once per
        publish, with no user. No correct answers, feedback or model answers; the learner's own question
        order and answers come from the `learner_state` handler."""
        return {
            "display_name": self.display_name, "context": self.context, "image": self.image, "facts": self.facts,
            "voices": self.voices, "links": self.links,
            "questions": [self._public_question(question, None) for question in self.questions],
            "max_attempts": self.max_attempts, "weight": self.weight,
            "handlers": ["learner_state", "submit_answer", "self_assess", "choose", "restart"],
        }

    def _public_question(self, question, seed):
        """A question without what gives the answer away, in the order `seed` draws (a learner's anonymous
        id; None for everyone: a fixed draw, never the authored order, which may tell the answer)."""
        seed = seed or "everyone"
        public = {"id": question["id"], "type": question["type"], "prompt": question["prompt"],
                  "points": question_points(question)}
        if question["type"] in ("single_choice", "multiple_choice"):
            public["options"] = [{"id": o["id"], "text": o["text"]}
                                 for o in shuffled(question["options"], f"{seed}:{question['id']}")]
        elif question["type"] == "ranking":
            public["items"] = display_order(question, seed)
        elif question["type"] == "reflection":
            public.update(min_words=question["min_words"], max_words=question["max_words"],
                          criteria=question["criteria"])
        return public

    # ---- handlers ---------------------------------------------------------------------------

    def _question_from(self, payload, *types):
        _ = self.ugettext
        question = self.question(str(payload.get("question") or ""))
        if question is None:
            raise InputError(_("This case has no such question. Reload the page and try again."), field="question")
        if question["type"] not in types:
            raise InputError(_("This question is answered another way. Reload the page and try again."),
                             field="question")
        return question

    def _answer_of(self, question, payload):
        """The answer in the shape its question needs, or InputError naming `answer`."""
        _ = self.ugettext
        answer = payload.get("answer")
        kind = question["type"]
        if kind == "single_choice":
            if answer not in {o["id"] for o in question["options"]}:
                raise InputError(_("Choose one of the options."), field="answer")
        elif kind == "multiple_choice":
            ids = {o["id"] for o in question["options"]}
            if not isinstance(answer, list) or not answer or not set(map(str, answer)) <= ids \
                    or len(set(answer)) != len(answer):
                raise InputError(_("Select at least one of the options."), field="answer")
        elif kind == "ranking":
            if not isinstance(answer, list) or sorted(map(str, answer)) != sorted(i["id"] for i in question["items"]):
                raise InputError(_("Put every item in the list in an order, each one once."), field="answer")
        elif kind == "reflection":
            if not isinstance(answer, str) or not answer.strip():
                raise InputError(_("Write your reflection before submitting it."), field="answer")
            if len(answer) > MAX_REFLECTION_CHARS:
                raise InputError(_("Your reflection is too long for this box; shorten it."), field="answer")
            problem = scoring.word_limit_problem(question, answer)
            if problem and problem[0] == "too_short":
                raise InputError(_("Write at least {minimum} words; you have written {count}.").format(
                    minimum=question["min_words"], count=problem[1]), field="answer")
            if problem:
                raise InputError(_("Keep it to {maximum} words; you have written {count}.").format(
                    maximum=question["max_words"], count=problem[1]), field="answer")
            answer = answer.strip()
        return answer

    def _credit(self, question, answer):
        if question["type"] == "reflection":
            return 0.0  # scored when the learner assesses it against the rubric (self_assess)
        return {"single_choice": scoring.single_choice_credit, "multiple_choice": scoring.multiple_choice_credit,
                "ranking": scoring.ranking_credit}[question["type"]](question, answer)

    def _require_learner(self):
        user = current_user(self)
        if not user.is_authenticated:
            raise Forbidden(self.ugettext("Sign in to answer this case."))
        return user

    def _save(self, question, state, user, answer_for_log):
        """Keep the learner's state (resume) and append the submission to the staff log."""
        from . import api
        self.answers = {**self.answers, question["id"]: state}
        usage_key = self.usage_key()
        api.record_answer(course_key=usage_key.course_key, usage_key=usage_key, anonymous_id=user.anonymous_id,
                          question_id=question["id"],
                          attempt=state["attempts"], answer=answer_for_log, score=state["score"])

    def _reply(self, question, seed):
        score = self._publish_progress()
        view = self._question_views([question], seed)[0]
        return {"question": question["id"], "html": self._render_questions([view]),
                "earned": view["earned"], "possible": view["possible"],
                "total": {"earned": score.raw_earned, "possible": score.raw_possible},
                "total_text": self._total_text(score),
                "completion": scoring.completion(self.questions, self.answers)}

    def _total_text(self, score):
        """The case's total as the page writes it: numbers in the page's language (as the questions' lines),
        "point" or "points" as the total asks; the script shows it as sent, so one page never mixes formats."""
        return self.ungettext("Your score: {earned} of {possible} point", "Your score: {earned} of {possible} points",
                              plural_count(score.raw_possible)).format(
            earned=floatformat(score.raw_earned, -2), possible=floatformat(score.raw_possible, -2))

    def _no_attempts_left(self):
        return InputError(self.ugettext("You have used every attempt for this question."), field="question")

    @XBlock.handler
    @json_handler
    @read_only
    def learner_state(self, payload, suffix=""):
        """The signed-in learner's case (mobile apps): questions in their order, their answers and score."""
        user = self._require_learner()
        score = self.calculate_score()
        return {"questions": [self._public_question(question, user.anonymous_id) for question in self.questions],
                "answers": {qid: {key: state.get(key) for key in ("answer", "score", "attempts", "submitted_at", "met")}
                            for qid, state in self.answers.items()},
                "total": {"earned": score.raw_earned, "possible": score.raw_possible},
                "completion": scoring.completion(self.questions, self.answers)}

    @XBlock.handler
    @json_handler
    def submit_answer(self, payload, suffix=""):
        """Answer a choice, ranking or reflection question: {"question": id, "answer": ...}."""
        user = self._require_learner()
        question = self._question_from(payload, "single_choice", "multiple_choice", "ranking", "reflection")
        state = self.answers.get(question["id"]) or {}
        if not scoring.may_submit(state.get("attempts", 0), self.max_attempts):
            raise self._no_attempts_left()
        answer = self._answer_of(question, payload)
        earned = scoring.points_earned(question["points"], self._credit(question, answer))
        state = {"answer": answer, "score": earned, "attempts": state.get("attempts", 0) + 1,
                 "submitted_at": _now()}
        self._save(question, state, user, answer)
        return self._reply(question, user.anonymous_id)

    @XBlock.handler
    @json_handler
    def self_assess(self, payload, suffix=""):
        """Score a submitted reflection against its rubric: {"question": id, "met": [criterion ids]}.

        Once per submission: the learner reads the model answer, ticks what their own text does, and
        the share of criteria met is the score. Submitting a new text starts a new assessment.
        """
        _ = self.ugettext
        user = self._require_learner()
        question = self._question_from(payload, "reflection")
        state = dict(self.answers.get(question["id"]) or {})
        if not state.get("submitted_at"):
            raise InputError(_("Submit your reflection first, then compare it with the model answer."),
                             field="question")
        if not question["criteria"]:
            raise InputError(_("This reflection is not scored, so there is nothing to assess."), field="question")
        if state.get("met") is not None:
            raise InputError(_("You have already assessed this answer. Submit a new text to assess it again."),
                             field="met")
        met = payload.get("met")
        ids = [criterion["id"] for criterion in question["criteria"]]
        if not isinstance(met, list) or not set(map(str, met)) <= set(ids) or len(set(met)) != len(met):
            raise InputError(_("Tick the criteria your answer meets (or none), then send your assessment."),
                             field="met")
        state.update(met=[criterion_id for criterion_id in ids if criterion_id in met],
                     score=scoring.points_earned(question["points"], scoring.self_assessment_credit(question, met)))
        self._save(question, state, user, {"text": state["answer"], "met": state["met"]})
        return self._reply(question, user.anonymous_id)

    @XBlock.handler
    @json_handler
    def choose(self, payload, suffix=""):
        """Take one step of a decision path: {"question": id, "option": option id at the current decision}."""
        _ = self.ugettext
        user = self._require_learner()
        question = self._question_from(payload, "decision_path")
        state = dict(self.answers.get(question["id"]) or {})
        steps = state.get("steps") or []
        if not branching.steps_are_valid(question, steps):
            steps = []
        if not steps and not scoring.may_submit(state.get("attempts", 0), self.max_attempts):
            raise self._no_attempts_left()
        try:
            steps = branching.take_step(question, steps, str(payload.get("option") or ""))
        except branching.StepError as error:
            if error.reason == "finished":
                raise InputError(_("This path has ended. Start again to try another path."), field="option") from None
            raise InputError(_("Choose one of the options of this decision."), field="option") from None
        state["steps"] = steps
        if branching.is_finished(question, steps):
            state.update(score=branching.path_total(question, steps), attempts=state.get("attempts", 0) + 1,
                         submitted_at=_now(), answer=steps)
            self._save(question, state, user, steps)
            return self._reply(question, user.anonymous_id)
        self.answers = {**self.answers, question["id"]: state}  # resume mid-path; not a submission yet
        view = self._question_views([question], user.anonymous_id)[0]
        return {"question": question["id"], "html": self._render_questions([view]), "earned": view["earned"],
                "possible": view["possible"]}

    @XBlock.handler
    @json_handler
    def restart(self, payload, suffix=""):
        """Start a finished decision path again (uses the next attempt when the learner finishes it)."""
        _ = self.ugettext
        user = self._require_learner()
        question = self._question_from(payload, "decision_path")
        state = dict(self.answers.get(question["id"]) or {})
        steps = state.get("steps") or []
        if steps and not branching.is_finished(question, steps) and branching.steps_are_valid(question, steps):
            raise InputError(_("Finish this path before starting it again."), field="question")
        if not scoring.may_submit(state.get("attempts", 0), self.max_attempts):
            raise self._no_attempts_left()
        state["steps"] = []
        self.answers = {**self.answers, question["id"]: state}
        view = self._question_views([question], user.anonymous_id)[0]
        return {"question": question["id"], "html": self._render_questions([view]), "earned": view["earned"],
                "possible": view["possible"]}

    @XBlock.handler
    def export_answers(self, request, suffix=""):
        """CSV of every learner's submissions to this case, by anonymous id: course staff only."""
        from puentes_core.handlers import error_response

        from . import api
        from .export import csv_response
        if not current_user(self).is_course_staff:
            return error_response(Forbidden(self.ugettext("Only course staff can download learners' answers.")))
        return csv_response(self, api.answers_for_block(self.usage_key()))

    # ---- demo -------------------------------------------------------------------------------

    @staticmethod
    def workbench_scenarios():
        from .scenarios import scenarios
        return scenarios()


def _now():
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")

