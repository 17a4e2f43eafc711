"""Studio authoring: a structured editor for the proposal's settings and template (no JSON for the course
team). Saving checks everything with `authoring.clean_block`; a 400 names the editor's input at fault."""
from xblock.core import XBlock

from puentes_core import client
from puentes_core.handlers import Forbidden, InputError, json_handler
from puentes_core.rendering import render_view
from puentes_core.users import may_author

from .authoring import AuthoringError, clean_block, due_for_editor

STORED = ("display_name", "intro", "teamset_id", "max_team_size", "max_versions", "currency", "points_possible", "due",
          "sections")


class StudioMixin:
    """`studio_view` and its save handler for ProposalBlock."""

    def studio_values(self):
        """The editor's values: what learners see now. A template never edited shows the default
        sections in the author's language, and saving stores them as shown."""
        return {
            "display_name": self.ugettext(self.display_name) if not self.fields["display_name"].is_set_on(self)
            else self.display_name,
            "intro": self.intro, "teamset_id": self.teamset_id, "max_team_size": self.max_team_size,
            "max_versions": self.max_versions,
            "currency": self.currency, "points_possible": self.points_possible, "due": due_for_editor(self.due),
            "sections": self.template(),
        }

    def studio_view(self, context=None):
        return render_view(self, "templates/studio.html", {"block": self},
                           css=[*client.CSS, "puentes_core:static/css/studio_form.css"],
                           js=[*client.JS, "puentes_core:static/js/studio_form.js", "static/js/studio.js"],
                           init_fn="PuentesProposalEditor",
                           init_args={"proposal": self.studio_values(), "core": client.client_settings(),
                                      "teamsets": self.teamset_choices()})

    def teamset_choices(self):
        """[(id, label)] for the editor: none, then the course's team-sets (from the teams_configuration
        service); a team-set the course no longer has stays listed, marked, until the author changes it."""
        choices = [("", self.ugettext("None: learners form their team in this unit, by invitation"))]
        choices += [(teamset_id, name) for teamset_id, name in self.course_teamsets()]
        if self.teamset_id and self.teamset_id not in dict(choices):
            choices.append((self.teamset_id, self.ugettext("{teamset} (no longer in the course)").format(
                teamset=self.teamset_id)))
        return choices

    @XBlock.handler
    @json_handler
    def studio_submit(self, payload, suffix=""):
        """Save the editor's values: every setting and the whole template, or nothing."""
        if not may_author(self):
            raise Forbidden(self.ugettext("Only the course team can edit this proposal."))
        try:
            cleaned = clean_block(payload, self.ugettext, [teamset_id for teamset_id, _ in self.course_teamsets()])
        except AuthoringError as error:
            raise InputError(error.message, field=error.field) from None
        for name in STORED:
            if name == "due" and cleaned["due"] is None:
                del self.due  # no date of its own: the LMS falls back to the subsection's (inherited) due
            else:
                setattr(self, name, cleaned[name])
        return {"result": "success"}
