/* Studio editor of a needs assessment: sections by thematic area, each with links to the units that teach
   it and its questions (capacity scales with a description per level, choices, numbers with units, short
   text), conditions and required answers. Built with puentes_core's PuentesStudioForm.editor; the server
   checks it with the OLX rules and names the field at fault. */
function PuentesNeedsAssessmentEditor(runtime, element, args) {
  "use strict";
  var i18n = window.PuentesNeedsAssessmentI18n || { gettext: function (s) { return s; } };
  var _ = function (s) { return i18n.gettext(s); };

  var NUMBER = { attrs: { step: "any" } };
  var OPTION = { fields: [["value", _("Value (the same in every language)"), "text"], ["text", _("Option text"), "text"]] };
  var LEVEL = { fields: [["value", _("Level (1 is the lowest)"), "number"], ["label", _("Level name"), "text"],
    ["description", _("What this level looks like in a municipality"), "textarea"]] };
  var TYPES = [["scale", _("Capacity scale")], ["single_choice", _("Single choice")],
    ["multiple_choice", _("Multiple choice")], ["number", _("Number with a unit")], ["text", _("Short text")]];
  var OPERATORS = [["=", _("is one of")], ["!=", _("is none of")], [">", _("is greater than")], ["<", _("is less than")]];
  var QUESTION = {
    fields: [["type", _("Question type"), "select", TYPES], ["code", _("Code (the same in every language)"), "text"],
      ["prompt", _("Question"), "textarea"], ["help", _("Help text (optional)"), "text"],
      ["required", _("Answer required"), "checkbox"],
      ["show_if.question", _("Show only if the question with code (empty: always shown)"), "text"],
      ["show_if.op", _("Its answer"), "select", OPERATORS],
      ["show_if.values", _("Values (separate several with |)"), "text"]],
    byType: {
      scale: { lists: [["levels", _("Levels"), LEVEL]] },
      single_choice: { lists: [["options", _("Options"), OPTION]] },
      multiple_choice: { fields: [["analysis", _("In the analysis"), "select",
        [["", _("A question like the others")], ["groups", _("The groups in vulnerable situations")]]]],
        lists: [["options", _("Options"), OPTION]] },
      number: { fields: [["unit", _("Unit (people, per month, USD…)"), "text"], ["min", _("Smallest value"), "number", null, NUMBER],
        ["max", _("Largest value"), "number", null, NUMBER]] },
      text: { fields: [["max_chars", _("Longest answer (characters)"), "number"]] }
    }
  };
  var SECTION = { fields: [["area", _("Area code (the same in every language)"), "text"], ["title", _("Title"), "text"]],
    lists: [["links", _("Units that teach this area"), { fields: [["unit", _("Unit url_name"), "text"], ["text", _("Link text"), "text"]] }],
      ["questions", _("Questions"), QUESTION]] };
  var QUESTIONNAIRE = {
    fields: [["display_name", _("Title"), "text"], ["instrument", _("Instrument code (the same in every course)"), "text"],
      ["wave", _("Wave"), "select", [["baseline", _("Baseline")], ["endline", _("End-line")]]],
      ["intro", _("Introduction (HTML)"), "textarea", null, { rows: 5 }]],
    lists: [["sections", _("Sections"), SECTION]]
  };

  window.PuentesStudioForm.editor(runtime, element, QUESTIONNAIRE, args.questionnaire || {}, {
    up: _("Move up"), down: _("Move down"), remove: _("Remove"), add: _("Add"), top: _("Needs assessment"),
    save: _("Save"), cancel: _("Cancel"),
    unreachable: _("Could not reach the server. Your changes are still in the form.") });
}
