"""Studio authoring: a structured editor for the rubric (criteria, levels, points), the tutors named here and
the proposal blocks reviewed here. No JSON to type; a 400 names the form field at fault."""
import re

from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey
from xblock.core import XBlock

from puentes_core.handlers import Forbidden, InputError, json_handler
from puentes_core.rendering import render_view
from puentes_core.sanitize import plain_text
from puentes_core.users import may_author

from .rubric import RubricError, clean_rubric, default_rubric

USERNAME = re.compile(r"^[\w.@+-]{1,150}$")
URL_NAME = re.compile(r"^[\w.:-]{1,255}$")


def _words(value):
    """A list from a list, or from text separated by commas, spaces or lines."""
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    return [item for item in re.split(r"[\s,;]+", str(value or "")) if item]


class StudioMixin:
    """`studio_view` and its save handler for TutorReviewBlock."""

    def studio_view(self, context=None):
        return render_view(
            self, "templates/studio.html", {"block": self}, css=["static/studio.css"], js=["static/studio.js"],
            init_fn="PuentesTutorReviewEditor", init_args={
                "display_name": self.display_name, "tutors": list(self.tutors),
                "proposal_blocks": list(self.proposal_blocks), "rubric": self.current_rubric(),
                "default_rubric": default_rubric(self.ugettext)})

    @XBlock.handler
    @json_handler
    def studio_submit(self, payload, suffix=""):
        if not may_author(self):
            raise Forbidden(self.ugettext("Only the course team can edit this block."))
        display_name = plain_text(str(payload.get("display_name") or ""))[:200]
        if not display_name:
            raise InputError(self.ugettext("Give the block a name."), field="display_name")
        tutors = _words(payload.get("tutors"))
        bad = [name for name in tutors if not USERNAME.match(name)]
        if bad:
            raise InputError(self.ugettext("\"{name}\" is not a username.").format(name=bad[0][:40]), field="tutors")
        blocks = _words(payload.get("proposal_blocks"))
        for name in blocks:
            if name.startswith("block-v1:"):
                try:
                    UsageKey.from_string(name)
                except InvalidKeyError:
                    raise InputError(self.ugettext("\"{name}\" is not a block id.").format(name=name[:60]),
                                     field="proposal_blocks") from None
            elif not URL_NAME.match(name):
                raise InputError(self.ugettext("\"{name}\" is not a block id.").format(name=name[:60]),
                                 field="proposal_blocks")
        try:
            rubric = clean_rubric(payload.get("rubric"), self.ugettext)
        except RubricError as error:
            raise InputError(error.message, field=error.field or "rubric") from None
        self.display_name = display_name
        self.tutors = sorted(set(tutors))
        self.proposal_blocks = blocks
        self.rubric = rubric
        return {"result": "success"}
