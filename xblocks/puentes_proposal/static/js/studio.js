/* Studio editor of a proposal: the simple settings and the template's sections, in order, each with the
   settings its type needs. Built with puentes_core's PuentesStudioForm; the server checks the template
   with the proposals app's rules and answers 400 with the input's path ("sections.3.max_words"),
   which this editor marks and focuses. */
function PuentesProposalEditor(runtime, element, args) {
  "use strict";
  var root = element.jquery ? element[0] : element;
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
      ["max_team_size", _("Largest team"), "number", null, { attrs: { min: "1", step: "1" } }],
      ["max_versions", _("Versions allowed (0: no limit)"), "number", null, { attrs: { min: "0", step: "1" } }],
      ["currency", _("Budget currency (ISO 4217, such as USD)"), "text", null, { attrs: { maxlength: "3" } }],
      ["points_possible", _("Points"), "number", null, { attrs: { min: "0", step: "1" } }],
      ["due", _("Due date (UTC; empty: the course end)"), "datetime"]],
    lists: [["sections", _("Sections"), SECTION, _("Section")]]
  };

  var form = root.querySelector(".pp-editor-form");
  var errorBox = root.querySelector("[data-role=error]");
  var editor = window.PuentesStudioForm(root.querySelector("[data-role=fields]"), PROPOSAL, args.proposal,
    { up: _("Move up"), down: _("Move down"), remove: _("Remove"), add: _("Add"), top: _("Project proposal") });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    editor.clearErrors();
    errorBox.textContent = "";
    var payload = editor.collect();
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    fetch(runtime.handlerUrl(root, "studio_submit"), { method: "POST", credentials: "same-origin", body: JSON.stringify(payload),
      headers: { "Content-Type": "application/json", "X-CSRFToken": match ? decodeURIComponent(match[1]) : "" } })
      .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
      .then(function (reply) {
        if (reply.ok) { runtime.notify("save", { state: "end" }); return; }
        errorBox.textContent = reply.body.error || _("The proposal could not be saved.");
        if (!editor.showError(reply.body.field, errorBox.id)) { errorBox.setAttribute("tabindex", "-1"); errorBox.focus(); }
      }, function () { errorBox.textContent = _("Could not reach the server. Your changes are still in the form."); });
  });
  root.querySelector(".pp-editor-cancel").addEventListener("click", function () { runtime.notify("cancel", {}); });
}
