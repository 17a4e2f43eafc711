/* Studio editor of the tutor-review block: name, tutors, proposal blocks, and the rubric as a form. */
function PuentesTutorReviewEditor(runtime, element, args) {
  "use strict";
  var root = element.jquery ? element[0] : element;
  var i18n = window.PuentesReviewI18n || { gettext: function (s) { return s; } };
  var gettext = function (s) { return i18n.gettext(s); };
  var form = root.querySelector(".puentes-review-editor__form");
  var list = root.querySelector(".puentes-review-editor__criteria");
  var errorLine = root.querySelector(".puentes-review-editor__error");
  var counter = 0;

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined) { return; }
      if (name === "text") { node.textContent = value; } else if (name === "value") { node.value = value; }
      else if (name.indexOf("on") === 0) { node.addEventListener(name.slice(2), value); } else { node.setAttribute(name, value); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }
  function field(label, input) { return h("label", {}, [document.createTextNode(label), input]); }
  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function levelNode(level) {
    var node = h("div", { "class": "puentes-review-editor__level", "data-level-id": level.id || "" });
    node.appendChild(field(gettext("Level"), h("input", { type: "text", name: "level_label", value: level.label || "" })));
    node.appendChild(field(gettext("What earns this level"), h("textarea", { name: "level_description", rows: "2",
      value: level.description || "" })));
    node.appendChild(field(gettext("Points"), h("input", { type: "number", name: "level_points", min: "0", max: "100",
      step: "1", value: level.points === undefined ? "" : String(level.points) })));
    node.appendChild(h("button", { type: "button", text: gettext("Remove level"),
      onclick: function () { node.remove(); } }));
    return node;
  }
  function criterionNode(criterion) {
    counter += 1;
    var node = h("fieldset", { "class": "puentes-review-editor__criterion", "data-criterion-id": criterion.id || "" });
    node.appendChild(h("legend", { text: gettext("Criterion") + " " + counter }));
    node.appendChild(field(gettext("Name"), h("input", { type: "text", name: "criterion_label", value: criterion.label || "" })));
    node.appendChild(field(gettext("What it looks at"), h("textarea", { name: "criterion_description", rows: "2",
      value: criterion.description || "" })));
    var levels = h("div", { "class": "puentes-review-editor__levels" });
    (criterion.levels || []).forEach(function (level) { levels.appendChild(levelNode(level)); });
    node.appendChild(levels);
    node.appendChild(h("button", { type: "button", text: gettext("Add a level"),
      onclick: function () { levels.appendChild(levelNode({})); } }));
    node.appendChild(h("button", { type: "button", text: gettext("Remove criterion"),
      onclick: function () { node.remove(); } }));
    return node;
  }
  function showRubric(rubric) {
    list.textContent = ""; counter = 0;
    rubric.forEach(function (criterion) { list.appendChild(criterionNode(criterion)); });
  }
  function readRubric() {
    return Array.prototype.map.call(list.querySelectorAll(".puentes-review-editor__criterion"), function (node) {
      return {
        id: node.getAttribute("data-criterion-id"),
        label: node.querySelector("[name=criterion_label]").value,
        description: node.querySelector("[name=criterion_description]").value,
        levels: Array.prototype.map.call(node.querySelectorAll(".puentes-review-editor__level"), function (level) {
          return { id: level.getAttribute("data-level-id"), label: level.querySelector("[name=level_label]").value,
            description: level.querySelector("[name=level_description]").value,
            points: level.querySelector("[name=level_points]").value };
        })
      };
    });
  }
  function markField(path) {
    Array.prototype.forEach.call(root.querySelectorAll("[aria-invalid]"), function (n) { n.removeAttribute("aria-invalid"); });
    if (!path) { return; }
    var parts = path.split("."), target = null;
    if (parts[0] === "criteria" && parts.length > 1) {
      var criterion = list.querySelectorAll(".puentes-review-editor__criterion")[Number(parts[1])];
      target = criterion;
      if (criterion && parts[2] === "label") { target = criterion.querySelector("[name=criterion_label]"); }
      if (criterion && parts[2] === "levels" && parts.length > 3) {
        var level = criterion.querySelectorAll(".puentes-review-editor__level")[Number(parts[3])];
        target = level && parts[4] ? level.querySelector("[name=level_" + parts[4] + "]") : level;
      }
    } else { target = form.elements[path]; }
    if (target && target.setAttribute) { target.setAttribute("aria-invalid", "true"); if (target.focus) { target.focus(); } }
  }

  form.elements.display_name.value = args.display_name;
  form.elements.tutors.value = args.tutors.join("\n");
  form.elements.proposal_blocks.value = args.proposal_blocks.join("\n");
  showRubric(args.rubric);
  root.querySelector(".puentes-review-editor__add-criterion").addEventListener("click", function () {
    var node = criterionNode({ levels: [{ points: 0 }, { points: 1 }] });
    list.appendChild(node); node.querySelector("input").focus();
  });
  root.querySelector(".puentes-review-editor__reset").addEventListener("click", function () { showRubric(args.default_rubric); });
  root.querySelector(".puentes-review-editor__cancel").addEventListener("click", function () {
    runtime.notify("cancel", {});
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    errorLine.textContent = "";
    var payload = { display_name: form.elements.display_name.value, tutors: form.elements.tutors.value,
      proposal_blocks: form.elements.proposal_blocks.value, rubric: readRubric() };
    runtime.notify("save", { state: "start" });
    fetch(runtime.handlerUrl(root, "studio_submit"), { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() }, body: JSON.stringify(payload) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (!response.ok) { errorLine.textContent = data.error || gettext("Could not save. Try again."); markField(data.field); return; }
          runtime.notify("save", { state: "end" });
        });
      }, function () { errorLine.textContent = gettext("No connection. Your changes are still here: try again."); });
  });
}
