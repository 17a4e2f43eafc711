"""Studio authoring: a structured form for the whole case (no JSON, no XML), checked on save by the same
rules as an OLX import (content.build_case); a 400 names the form field at fault."""
from xblock.core import XBlock

from puentes_core import client
from puentes_core.handlers import Forbidden, InputError, json_handler
from puentes_core.rendering import render_view
from puentes_core.users import may_author

from .content import CaseError, build_case


class StudioMixin:
    """`studio_view` and its save handler for CaseStudyBlock."""

    def studio_view(self, context=None):
        return render_view(self, "templates/studio.html", {"block": self},
                           css=[*client.CSS, "puentes_core:static/css/studio_form.css"],
                           js=[*client.JS, "puentes_core:static/js/studio_form.js", "static/studio.js"],
                           init_fn="PuentesCaseStudyEditor",
                           init_args={"case": self.case(), "core": client.client_settings()})

    @XBlock.handler
    @json_handler
    def studio_submit(self, payload, suffix=""):
        """Save the case from the editor: the form's values, shaped like the stored case."""
        if not may_author(self):
            raise Forbidden(self.ugettext("Only the course team can edit this case."))
        try:
            case = build_case(payload, self.ugettext)
        except CaseError as error:
            raise InputError(error.message, field=error.path, element=error.element) from None
        self.store_case(case)
        return {"result": "success"}
