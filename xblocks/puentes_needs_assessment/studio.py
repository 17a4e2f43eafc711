"""Studio authoring: a structured form for the whole questionnaire (no JSON, no XML), checked on save by
the same rules as an OLX import (content.build_questionnaire); a 400 names the form field at fault.

The save is not gated on the user service's role: Studio's handler view gives every author the role
'student' (PLATFORM-AUDIT.md, finding 1). It runs the handler for any signed-in user and checks
course-author access only afterwards, to decide whether to keep the changes; `may_author` asks that
same check (`studio_user_permissions`) first, so a non-author hears 403 instead of a silent "success".
In the LMS the content fields are read-only, so a save is refused there (403).
"""
import copy

from xblock.core import XBlock
from xblock.exceptions import InvalidScopeError

from puentes_core.handlers import Forbidden, InputError, json_handler
from puentes_core.rendering import render_view
from puentes_core.users import may_author

from .content import QuestionnaireError, build_questionnaire


class StudioMixin:
    """`studio_view` and its save handler for NeedsAssessmentBlock."""

    def studio_values(self):
        values = copy.deepcopy(self.questionnaire())
        for section in values["sections"]:
            for question in section["questions"]:
                condition = question.get("show_if") or {}
                if condition:
                    condition["values"] = "|".join(str(v) for v in condition["values"])
        return values

    def studio_view(self, context=None):
        return render_view(self, "templates/studio.html", {"block": self},
                           css=["puentes_core:static/css/studio_form.css"],
                           js=["puentes_core:static/js/studio_form.js", "static/studio.js"],
                           init_fn="PuentesNeedsAssessmentEditor", init_args={"questionnaire": self.studio_values()})

    @XBlock.handler
    @json_handler
    def studio_submit(self, payload, suffix=""):
        """Save the questionnaire from the editor, whole or not at all."""
        if not may_author(self):
            raise Forbidden(self.ugettext("Edit the questionnaire in Studio."))
        try:
            questionnaire = build_questionnaire(payload, self.ugettext)
        except QuestionnaireError as error:
            raise InputError(error.message, field=error.path, element=error.element) from None
        try:
            self.store_questionnaire(questionnaire)
        except InvalidScopeError:
            raise Forbidden(self.ugettext("Edit the questionnaire in Studio.")) from None
        return {"result": "success"}
