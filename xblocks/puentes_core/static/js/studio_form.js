/* A Studio form built from a spec, shared by the pack's structured editors (no JSON, no XML for the course team).

   spec = { fields: [[name, label, kind, choices?, attrs?]], lists: [[name, label, spec]], byType: {type: spec} }
   kinds: text, textarea, number, checkbox, select, datetime. A name may be "a.b" (a nested object).
   Records of a list can be added, removed and moved up or down; legends are renumbered so a screen
   reader always hears "Section 3". `collect()` returns the record in the spec's shape and stamps every
   input with its path ("sections.2.choices.0.value"), the path the server names in a 400, which
   `showError` marks and focuses. Labels come from the calling block so its own catalogue translates them.
   `PuentesStudioForm.editor` (below) wires a block's whole editor: save, cancel and the error alert. */
window.PuentesStudioForm = function (container, spec, record, labels) {
  "use strict";
  var uid = 0, prefix = "pst-" + Math.random().toString(36).slice(2, 8) + "-";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }
  function valueAt(source, name) {
    return name.split(".").reduce(function (value, key) { return value == null ? value : value[key]; }, source);
  }
  function field(f, source) {
    var name = f[0], kind = f[2], id = prefix + (++uid), value = valueAt(source, name), input;
    if (kind === "textarea") { input = el("textarea", { rows: (f[4] && f[4].rows) || 3 }); input.value = value || ""; }
    else if (kind === "select") {
      input = el("select");
      f[3].forEach(function (choice) { input.append(el("option", { value: choice[0] }, [choice[1]])); });
      input.value = value || f[3][0][0];
    } else if (kind === "checkbox") { input = el("input", { type: "checkbox" }); input.checked = value === true || value === "true"; }
    else {
      input = el("input", { type: { number: "number", datetime: "datetime-local" }[kind] || "text" });
      input.value = value == null ? "" : value;
    }
    Object.keys((f[4] && f[4].attrs) || {}).forEach(function (key) { input.setAttribute(key, f[4].attrs[key]); });
    input.id = id; input.setAttribute("data-name", name); input.setAttribute("data-kind", kind);
    var row = el("div", { "class": "pst-field pst-" + kind });
    row.append(el("label", { "for": id }, [f[1]]), input);
    if (f[4] && f[4].hint) {
      var hint = el("span", { "class": "pst-hint", id: id + "-hint" }, [f[4].hint]);
      input.setAttribute("aria-describedby", hint.id);
      row.append(hint);
    }
    return row;
  }
  function recordNode(recordSpec, source, legend) {
    var box = el("fieldset", { "class": "pst-record", "data-record": "" });
    box.append(el("legend", {}, [legend]));
    recordSpec.fields.forEach(function (f) { box.append(field(f, source)); });
    var typed = el("div", { "data-role": "typed" });
    box.append(typed);
    function fillTyped() {
      typed.textContent = "";
      var extra = recordSpec.byType ? recordSpec.byType[box.querySelector("[data-name=type]").value] : null;
      var lists = (recordSpec.lists || []).concat(extra && extra.lists ? extra.lists : []);
      if (extra) { (extra.fields || []).forEach(function (f) { typed.append(field(f, source)); }); }
      lists.forEach(function (list) { typed.append(listNode(list, source[list[0]] || [])); });
    }
    fillTyped();
    if (recordSpec.byType) { box.querySelector("[data-name=type]").addEventListener("change", fillTyped); }
    box.append(el("div", { "class": "pst-tools" }, [
      el("button", { type: "button", "data-act": "up" }, [labels.up]),
      el("button", { type: "button", "data-act": "down" }, [labels.down]),
      el("button", { type: "button", "data-act": "remove" }, [labels.remove])]));
    return box;
  }
  function renumber(items) {
    var label = items.parentNode.getAttribute("data-label");
    Array.prototype.forEach.call(items.children, function (child, index) {
      child.querySelector("legend").textContent = label + " " + (index + 1);
    });
  }
  function listNode(list, records) {
    var wrap = el("section", { "class": "pst-list", "data-list": list[0], "data-label": list[3] || list[1] });
    wrap.append(el("h3", {}, [list[1]]));
    var items = el("div", { "data-role": "items" });
    records.forEach(function (source, index) { items.append(recordNode(list[2], source, (list[3] || list[1]) + " " + (index + 1))); });
    var add = el("button", { type: "button", "class": "pst-add", "data-act": "add" }, [labels.add + ": " + (list[3] || list[1])]);
    add.pstAdd = function () {
      var node = recordNode(list[2], {}, (list[3] || list[1]) + " " + (items.children.length + 1));
      items.append(node);
      node.querySelector("input, textarea, select").focus();
    };
    wrap.append(items, add);
    return wrap;
  }
  function owner(node) { return node.closest("[data-record], [data-top]"); }
  function collect(scope, path) {
    var result = {};
    Array.prototype.forEach.call(scope.querySelectorAll("[data-name]"), function (input) {
      if (owner(input) !== scope) { return; }
      var name = input.getAttribute("data-name"), kind = input.getAttribute("data-kind");
      input.setAttribute("data-path", path + name);
      var parts = name.split("."), target = result;
      if (parts.length === 2) { target = result[parts[0]] = result[parts[0]] || {}; }
      target[parts[parts.length - 1]] = kind === "checkbox" ? input.checked : input.value;
    });
    Array.prototype.forEach.call(scope.querySelectorAll("[data-list]"), function (list) {
      if (owner(list) !== scope) { return; }
      var name = list.getAttribute("data-list");
      list.querySelector(".pst-add").setAttribute("data-path", path + name);
      result[name] = Array.prototype.map.call(list.querySelector("[data-role=items]").children, function (child, index) {
        return collect(child, path + name + "." + index + ".");
      });
    });
    return result;
  }

  var top = recordNode(spec, record || {}, labels.top);
  top.removeAttribute("data-record");
  top.setAttribute("data-top", "");
  top.querySelector(".pst-tools").remove();
  top.classList.add("pst-top");
  container.append(top);

  top.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-act]");
    if (!button) { return; }
    var act = button.getAttribute("data-act");
    if (act === "add") { button.pstAdd(); renumber(button.previousElementSibling); return; }
    var box = button.closest("[data-record]"), items = box.parentNode;
    if (act === "remove") {
      var next = box.nextElementSibling || box.previousElementSibling;
      box.remove();
      renumber(items);
      (next ? next.querySelector("input, textarea, select") : items.nextElementSibling).focus();
      return;
    }
    var sibling = act === "up" ? box.previousElementSibling : box.nextElementSibling;
    if (sibling) { items.insertBefore(box, act === "up" ? sibling : sibling.nextElementSibling); renumber(items); button.focus(); }
  });

  return {
    collect: function () { return collect(top, ""); },
    clearErrors: function () {
      Array.prototype.forEach.call(container.querySelectorAll("[aria-invalid]"), function (node) {
        node.removeAttribute("aria-invalid");
        node.setAttribute("aria-describedby", node.getAttribute("data-described") || "");
        if (!node.getAttribute("aria-describedby")) { node.removeAttribute("aria-describedby"); }
      });
    },
    /* The input at a 400's path ("3.max_words"), or null. */
    inputAt: function (path) { return (path && container.querySelector('[data-path="' + path + '"]')) || null; },
    /* Mark and focus the input a 400 names; answers whether one was found. */
    showError: function (path, errorId) {
      var input = path && container.querySelector('[data-path="' + path + '"]');
      if (!input) { return false; }
      input.setAttribute("data-described", input.getAttribute("aria-describedby") || "");
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", (errorId + " " + (input.getAttribute("data-described") || "")).trim());
      var box = input.closest("details");
      if (box) { box.open = true; }
      input.focus();
      return true;
    }
  };
};

/* A block's Studio editor: the form with an alert above it and Save and Cancel below, built inside the
   block's [data-role=editor]. Saving posts `collect()` to the block's studio_submit handler; a 400 shows
   its message (after the OLX element it names, if any) and marks and focuses the input at its path, or
   the alert when there is none. Besides the form's labels, `labels` gives `save`, `cancel`, `unreachable`
   (no answer from the server), optionally `failed` (an answer without a message) and `errors` (puentes_core
   client_settings().errors: with errors.js loaded, the message then also goes beside the input). */
window.PuentesStudioForm.editor = function (runtime, element, spec, record, labels) {
  "use strict";
  var root = element.jquery ? element[0] : element;
  var host = root.querySelector("[data-role=editor]");
  host.innerHTML = '<p class="pst-editor-error" role="alert"></p><form class="pst-editor-form" novalidate><div></div>' +
    '<div class="pst-editor-actions"><button type="submit" class="pst-editor-save"></button>' +
    '<button type="button" class="pst-editor-cancel"></button></div></form>';
  var errorBox = host.querySelector("[role=alert]"), form = host.querySelector("form");
  errorBox.id = "pst-error-" + Math.random().toString(36).slice(2, 10);
  host.querySelector(".pst-editor-save").textContent = labels.save;
  host.querySelector(".pst-editor-cancel").textContent = labels.cancel;
  var editor = window.PuentesStudioForm(form.firstChild, spec, record, labels);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    editor.clearErrors();
    if (window.PuentesErrors) { window.PuentesErrors.clear(host); }
    errorBox.textContent = "";
    var payload = editor.collect();
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    fetch(runtime.handlerUrl(root, "studio_submit"), { method: "POST", credentials: "same-origin", body: JSON.stringify(payload),
      headers: { "Content-Type": "application/json", "X-CSRFToken": match ? decodeURIComponent(match[1]) : "" } })
      .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
      .then(function (reply) {
        if (reply.ok) { runtime.notify("save", { state: "end" }); return; }
        var message = (reply.body.element ? reply.body.element + " — " : "") + (reply.body.error || labels.failed || "");
        var input = editor.inputAt(reply.body.field);
        if (window.PuentesErrors && labels.errors) {
          // The shared way (errors.js): the message beside the input and in the summary, the input
          // scrolled to the middle of the screen (clear of the sticky Save bar) and focused.
          if (input) { var box = input.closest("details"); if (box) { box.open = true; } }
          window.PuentesErrors.show(errorBox, [{ field: input, message: message }], labels.errors);
          return;
        }
        errorBox.textContent = message;
        if (!editor.showError(reply.body.field, errorBox.id)) { errorBox.setAttribute("tabindex", "-1"); errorBox.focus(); }
      }, function () { errorBox.textContent = labels.unreachable; });
  });
  host.querySelector(".pst-editor-cancel").addEventListener("click", function () { runtime.notify("cancel", {}); });
  return editor;
};
