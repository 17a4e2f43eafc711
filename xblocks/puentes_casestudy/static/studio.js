/* Studio editor of a case study: a form built from the stored case with puentes_core's
   PuentesStudioForm.editor, saved as the same shape. The server checks it with the OLX rules and answers
   400 with the field's path ("questions.1.options.0.text"), which the editor marks and focuses. */
function PuentesCaseStudyEditor(runtime, element, args) {
  "use strict";
  var i18n = window.PuentesCaseStudyI18n || { gettext: function (s) { return s; } };
  var _ = function (s) { return i18n.gettext(s); };

  var NUMBER = { attrs: { step: "any" } };  /* scores and weights may be decimal */
  var POINTS = ["points", _("Points"), "number", null, NUMBER];
  var OPTION = { fields: [["id", _("Id"), "text"], ["text", _("Option text"), "textarea"],
    ["correct", _("Correct"), "checkbox"], ["fixed", _("Keep in this place (learners see the others shuffled)"), "checkbox"],
    ["feedback", _("Feedback shown after answering"), "textarea"]] };
  var SEVERITIES = [["", _("(the path goes on)")], ["good", _("Good: people get what they are entitled to")],
    ["fair", _("Fair: some people missed or served late")], ["poor", _("Poor: a service delayed or lost, harm that can be repaired")],
    ["harmful", _("Harmful: someone put at risk or denied what cannot wait")]];
  var STEP = { fields: [["id", _("Id"), "text"], ["text", _("Option text"), "textarea"],
    ["next", _("Next decision (id; empty ends the path)"), "text"], POINTS,
    ["fixed", _("Keep in this place (learners see the others shuffled)"), "checkbox"],
    ["consequence", _("Consequence"), "textarea"], ["severity", _("How severe the ending is (points must follow); on a step, only harmful: the path then ends fair at best"), "select", SEVERITIES],
    ["debrief", _("Debrief of the whole path (endings only)"), "textarea"]] };
  var QUESTION_TYPES = [["single_choice", _("Single choice")], ["multiple_choice", _("Multiple choice")],
    ["ranking", _("Ranking (write the items in the right order)")], ["reflection", _("Written reflection")],
    ["decision_path", _("Decision path (branching)")]];
  var BY_TYPE = {
    single_choice: { fields: [POINTS], lists: [["options", _("Options"), OPTION]] },
    multiple_choice: { fields: [POINTS], lists: [["options", _("Options"), OPTION]] },
    ranking: { fields: [POINTS],
      lists: [["items", _("Items, in the right order"), { fields: [["id", _("Id"), "text"], ["text", _("Item text"), "text"]] }]] },
    reflection: { fields: [POINTS, ["min_words", _("Minimum words"), "number", null, NUMBER],
      ["max_words", _("Maximum words"), "number", null, NUMBER], ["model_answer", _("Model answer"), "textarea"]],
      lists: [["criteria", _("Rubric: what a strong answer does (learners tick what theirs does)"),
        { fields: [["id", _("Id"), "text"], ["text", _("Criterion"), "text"]] }]] },
    decision_path: { fields: [["start", _("First decision (id)"), "text"]],
      lists: [["decisions", _("Decisions"), { fields: [["id", _("Id"), "text"], ["situation", _("Situation"), "textarea"]],
        lists: [["options", _("Options"), STEP]] }]] }
  };
  var QUESTION = { fields: [["type", _("Question type"), "select", QUESTION_TYPES], ["id", _("Id"), "text"],
    ["prompt", _("Question"), "textarea"]], byType: BY_TYPE };
  var CASE = {
    fields: [["display_name", _("Title"), "text"], ["weight", _("Weight in the grade"), "number", null, NUMBER],
      ["max_attempts", _("Attempts per question (empty: no limit)"), "number", null, NUMBER],
      ["show_model_answers", _("Show model answers after submission"), "checkbox"],
      ["context", _("Narrative (HTML)"), "textarea", null, { rows: 10 }], ["image.src", _("Image address (optional)"), "text"],
      ["image.alt", _("Image description for screen readers"), "text"]],
    lists: [["facts", _("Key facts"), { fields: [["label", _("Fact"), "text"], ["value", _("Figure"), "text"],
      ["source", _("Source"), "text"], ["href", _("Source address"), "text"]] }],
      ["voices", _("Voices"), { fields: [["name", _("Name"), "text"], ["role", _("Role"), "text"], ["text", _("Words"), "textarea"]] }],
      ["links", _("Links"), { fields: [["href", _("Address"), "text"], ["text", _("Link text"), "text"]] }],
      ["questions", _("Questions"), QUESTION]]
  };

  window.PuentesStudioForm.editor(runtime, element, CASE, args.case || {}, {
    up: _("Move up"), down: _("Move down"), remove: _("Remove"), add: _("Add"), top: _("Case study"),
    save: _("Save"), cancel: _("Cancel"), errors: args.core.errors,
    unreachable: _("Could not reach the server. Your changes are still in the form.") });
}
