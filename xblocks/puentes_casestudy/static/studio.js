/* Studio editor of a case study: a form built from the stored case, saved as the same shape.
   The server checks it with the OLX rules and answers 400 with the field's path ("questions.1.options.0.text"),
   which this editor marks and focuses. */
function PuentesCaseStudyEditor(runtime, element, args) {
  "use strict";
  var root = element.jquery ? element[0] : element;
  var i18n = window.PuentesCaseStudyI18n || { gettext: function (s) { return s; } };
  var _ = function (s) { return i18n.gettext(s); };
  var uid = 0;

  var OPTION = { fields: [["id", _("Id"), "text"], ["text", _("Option text"), "textarea"],
    ["correct", _("Correct"), "checkbox"], ["feedback", _("Feedback shown after answering"), "textarea"]] };
  var STEP = { fields: [["id", _("Id"), "text"], ["text", _("Option text"), "textarea"],
    ["next", _("Next decision (id; empty ends the path)"), "text"], ["points", _("Points"), "number"],
    ["consequence", _("Consequence"), "textarea"]] };
  var QUESTION_TYPES = [["single_choice", _("Single choice")], ["multiple_choice", _("Multiple choice")],
    ["ranking", _("Ranking (write the items in the right order)")], ["reflection", _("Written reflection")],
    ["decision_path", _("Decision path (branching)")]];
  var BY_TYPE = {
    single_choice: { fields: [["points", _("Points"), "number"]], lists: [["options", _("Options"), OPTION]] },
    multiple_choice: { fields: [["points", _("Points"), "number"]], lists: [["options", _("Options"), OPTION]] },
    ranking: { fields: [["points", _("Points"), "number"]],
      lists: [["items", _("Items, in the right order"), { fields: [["id", _("Id"), "text"], ["text", _("Item text"), "text"]] }]] },
    reflection: { fields: [["points", _("Points"), "number"], ["min_words", _("Minimum words"), "number"],
      ["max_words", _("Maximum words"), "number"], ["model_answer", _("Model answer"), "textarea"]] },
    decision_path: { fields: [["start", _("First decision (id)"), "text"]],
      lists: [["decisions", _("Decisions"), { fields: [["id", _("Id"), "text"], ["situation", _("Situation"), "textarea"]],
        lists: [["options", _("Options"), STEP]] }]] }
  };
  var QUESTION = { fields: [["type", _("Question type"), "select", QUESTION_TYPES], ["id", _("Id"), "text"],
    ["prompt", _("Question"), "textarea"]], byType: BY_TYPE };
  var CASE = {
    fields: [["display_name", _("Title"), "text"], ["weight", _("Weight in the grade"), "number"],
      ["max_attempts", _("Attempts per question (empty: no limit)"), "number"],
      ["show_model_answers", _("Show model answers after submission"), "checkbox"],
      ["context", _("Narrative (HTML)"), "textarea"], ["image.src", _("Image address (optional)"), "text"],
      ["image.alt", _("Image description for screen readers"), "text"]],
    lists: [["facts", _("Key facts"), { fields: [["label", _("Fact"), "text"], ["value", _("Figure"), "text"],
      ["source", _("Source"), "text"], ["href", _("Source address"), "text"]] }],
      ["voices", _("Voices"), { fields: [["name", _("Name"), "text"], ["role", _("Role"), "text"], ["text", _("Words"), "textarea"]] }],
      ["links", _("Links"), { fields: [["href", _("Address"), "text"], ["text", _("Link text"), "text"]] }],
      ["questions", _("Questions"), QUESTION]]
  };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }
  function valueAt(record, name) {
    return name.split(".").reduce(function (value, key) { return value == null ? value : value[key]; }, record);
  }
  function field(spec, record) {
    var name = spec[0], id = "pcs-ed-" + (++uid), value = valueAt(record, name), input;
    if (spec[2] === "textarea") { input = el("textarea", { rows: name === "context" ? 10 : 3 }); input.value = value || ""; }
    else if (spec[2] === "select") {
      input = el("select");
      spec[3].forEach(function (choice) { input.append(el("option", { value: choice[0] }, [choice[1]])); });
      input.value = value || spec[3][0][0];
    } else if (spec[2] === "checkbox") { input = el("input", { type: "checkbox" }); input.checked = value === true || value === "true"; }
    else { input = el("input", { type: spec[2] === "number" ? "number" : "text", step: "any" }); input.value = value == null ? "" : value; }
    input.id = id; input.setAttribute("data-name", name); input.setAttribute("data-kind", spec[2]);
    var row = el("div", { "class": "pcs-ed-field pcs-ed-" + spec[2] });
    row.append(el("label", { "for": id }, [spec[1]]), input);
    return row;
  }
  function recordNode(spec, record, title) {
    var box = el("fieldset", { "class": "pcs-ed-record", "data-record": "" });
    box.append(el("legend", {}, [title]));
    spec.fields.forEach(function (f) { box.append(field(f, record)); });
    var typed = el("div", { "data-role": "typed" });
    box.append(typed);
    function fillTyped() {
      typed.textContent = "";
      var extra = spec.byType ? spec.byType[box.querySelector("[data-name=type]").value] : null;
      var lists = (spec.lists || []).concat(extra && extra.lists ? extra.lists : []);
      if (extra) { extra.fields.forEach(function (f) { typed.append(field(f, record)); }); }
      lists.forEach(function (list) { typed.append(listNode(list, record[list[0]] || [])); });
    }
    fillTyped();
    if (spec.byType) { box.querySelector("[data-name=type]").addEventListener("change", fillTyped); }
    var tools = el("div", { "class": "pcs-ed-tools" }, [
      el("button", { type: "button", "data-act": "up" }, [_("Move up")]),
      el("button", { type: "button", "data-act": "down" }, [_("Move down")]),
      el("button", { type: "button", "data-act": "remove" }, [_("Remove")])]);
    box.append(tools);
    box.pcsSpec = spec;
    return box;
  }
  function listNode(list, records) {
    var wrap = el("section", { "class": "pcs-ed-list", "data-list": list[0] });
    wrap.append(el("h3", {}, [list[1]]));
    var items = el("div", { "data-role": "items" });
    records.forEach(function (record, index) { items.append(recordNode(list[2], record, list[1] + " " + (index + 1))); });
    var add = el("button", { type: "button", "class": "pcs-ed-add" }, [_("Add") + ": " + list[1]]);
    add.addEventListener("click", function () {
      var node = recordNode(list[2], {}, list[1] + " " + (items.children.length + 1));
      items.append(node);
      node.querySelector("input, textarea, select").focus();
    });
    wrap.append(items, add);
    return wrap;
  }
  function owner(node) { return node.closest("[data-record], [data-top]"); }
  function collect(scope, path) {
    var record = {};
    Array.prototype.forEach.call(scope.querySelectorAll("[data-name]"), function (input) {
      if (owner(input) !== scope) { return; }
      var name = input.getAttribute("data-name"), kind = input.getAttribute("data-kind");
      input.setAttribute("data-path", path + name);
      var parts = name.split("."), target = record;
      if (parts.length === 2) { target = record[parts[0]] = record[parts[0]] || {}; }
      target[parts[parts.length - 1]] = kind === "checkbox" ? input.checked : input.value;
    });
    Array.prototype.forEach.call(scope.querySelectorAll("[data-list]"), function (list) {
      if (owner(list) !== scope) { return; }
      var name = list.getAttribute("data-list");
      record[name] = Array.prototype.map.call(list.querySelector("[data-role=items]").children, function (child, index) {
        return collect(child, path + name + "." + index + ".");
      });
    });
    return record;
  }

  var form = root.querySelector(".pcs-editor-form");
  var fields = root.querySelector("[data-role=fields]");
  var top = recordNode(CASE, args.case || {}, _("Case study"));
  top.removeAttribute("data-record");
  top.setAttribute("data-top", "");
  top.querySelector(".pcs-ed-tools").remove();
  fields.append(top);
  var errorBox = root.querySelector("[data-role=error]");

  form.addEventListener("click", function (event) {
    var act = event.target.getAttribute("data-act");
    if (!act) { return; }
    var record = event.target.closest("[data-record]");
    if (act === "remove") { record.remove(); return; }
    var sibling = act === "up" ? record.previousElementSibling : record.nextElementSibling;
    if (sibling) { record.parentNode.insertBefore(record, act === "up" ? sibling : sibling.nextElementSibling); event.target.focus(); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    Array.prototype.forEach.call(root.querySelectorAll("[aria-invalid]"), function (node) { node.removeAttribute("aria-invalid"); });
    errorBox.textContent = "";
    var payload = collect(top, "");
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    fetch(runtime.handlerUrl(root, "studio_submit"), { method: "POST", credentials: "same-origin", body: JSON.stringify(payload),
      headers: { "Content-Type": "application/json", "X-CSRFToken": match ? decodeURIComponent(match[1]) : "" } })
      .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
      .then(function (reply) {
        if (reply.ok) { runtime.notify("save", { state: "end" }); return; }
        errorBox.textContent = (reply.body.element ? reply.body.element + " — " : "") + reply.body.error;
        var input = reply.body.field && root.querySelector('[data-path="' + reply.body.field + '"]');
        if (input) { input.setAttribute("aria-invalid", "true"); input.setAttribute("aria-describedby", "pcs-ed-error"); input.focus(); }
        else { errorBox.setAttribute("tabindex", "-1"); errorBox.focus(); }
      }, function () { errorBox.textContent = _("Could not reach the server. Your changes are still in the form."); });
  });
  errorBox.id = "pcs-ed-error";
  root.querySelector(".pcs-editor-cancel").addEventListener("click", function () { runtime.notify("cancel", {}); });
}
