/* Studio editor of a proposal: the simple settings and the template's sections, in order, each with the
   settings its type needs. Built with puentes_core's PuentesStudioForm.editor; the server checks the
   template with the proposals app's rules and answers 400 with the input's path ("sections.3.max_words"),
   which the editor marks and focuses. */
function PuentesProposalEditor(runtime, element, args) {
  "use strict";
  var i18n = window.PuentesProposalI18n || { gettext: function (s) { return s; } };
  var _ = function (s) { return i18n.gettext(s); };

  var TYPES = [["short_text", _("Short text")], ["long_text", _("Long text (with word limits)")],
    ["number", _("Number")], ["money", _("Amount of money")], ["date_range", _("Start and end dates")],
    ["choice", _("Choice from a list")], ["budget", _("Budget table (total computed)")],
    ["indicators", _("Indicators (baseline and target)")], ["attachments", _("File attachments")]];
  var WORDS = { attrs: { min: "0", step: "1" } };
  var CHOICE = { fields: [["value", _("Value (stored with answers)"), "text"], ["label", _("Label shown to learners"), "text"]] };
  var SECTION = {
    fields: [["id", _("Id (lowercase letters, digits and _)"), "text"], ["type", _("Type"), "select", TYPES],
      ["title", _("Title"), "text"], ["help", _("Help for the team"), "textarea"], ["required", _("Required"), "checkbox"]],
    byType: {
      long_text: { fields: [["min_words", _("Minimum words"), "number", null, WORDS],
        ["max_words", _("Maximum words"), "number", null, WORDS]] },
      choice: { lists: [["choices", _("Choices"), CHOICE, _("Choice")]] }
    }
  };
  var PROPOSAL = {
    fields: [["display_name", _("Display name"), "text"],
      ["intro", _("Introduction (HTML: paragraphs, lists, bold and links)"), "textarea", null, { rows: 5 }],
      ["teamset_id", _("Teams: the course's Open edX team-set whose teams write the proposals"), "select", args.teamsets],
      ["max_team_size", _("Largest team"), "number", null, { attrs: { min: "1", step: "1" } }],
      ["max_versions", _("Versions allowed (0: no limit)"), "number", null, { attrs: { min: "0", step: "1" } }],
      ["currency", _("Budget currency (ISO 4217, such as USD)"), "text", null, { attrs: { maxlength: "3" } }],
      ["points_possible", _("Points"), "number", null, { attrs: { min: "0", step: "1" } }],
      ["due", _("Due date (UTC; empty: the course end)"), "datetime"]],
    lists: [["sections", _("Sections"), SECTION, _("Section")]]
  };

  window.PuentesStudioForm.editor(runtime, element, PROPOSAL, args.proposal, {
    up: _("Move up"), down: _("Move down"), remove: _("Remove"), add: _("Add"), top: _("Project proposal"),
    failed: _("The proposal could not be saved."),
    save: _("Save"), cancel: _("Cancel"), errors: args.core.errors,
    unreachable: _("Could not reach the server. Your changes are still in the form.") });
}
