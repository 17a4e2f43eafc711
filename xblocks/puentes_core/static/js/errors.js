/* One way to show what is wrong with a form, for the blocks, the Studio editors and the awards pages:
   each message beside its field (aria-invalid, aria-describedby), all of them at once, a summary at the
   top linking to each field, focus on the first field; nothing the person typed or chose is touched.
   Success and errors look and sound different: a polite status versus an alert. */
var PuentesErrors = (function () {
  "use strict";
  var counter = 0;

  function focusable(node) {
    if (node.matches("input, select, textarea, button, [tabindex], [contenteditable='true']")) { return node; }
    return node.querySelector("input:not([type=hidden]):not([disabled]), select, textarea, [contenteditable='true'], [tabindex]") || node;
  }
  function idOf(node) {
    if (!node.id) { counter += 1; node.id = "pu-field-" + counter; }
    return node.id;
  }

  /* Put `message` beside `field` (an input, or a fieldset/group holding inputs); empty message unmarks. */
  function mark(field, message) {
    if (!field) { return null; }
    var group = field.matches("fieldset, [role=group], [role=radiogroup], .pu-group") ? field : null;
    var target = focusable(field);
    var box = group ? group.querySelector(":scope > .pu-field-error") : field.nextElementSibling;
    if (!box || !box.classList.contains("pu-field-error")) {
      box = document.createElement("span");
      box.className = "pu-field-error";
      counter += 1; box.id = "pu-error-" + counter;
      if (group) {
        var legend = group.querySelector(":scope > legend");
        group.insertBefore(box, legend ? legend.nextSibling : group.firstChild);
      } else { field.insertAdjacentElement("afterend", box); }
    }
    var described = (target.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
      return id && id !== box.id;
    });
    if (message) {
      box.textContent = message; box.hidden = false;
      target.setAttribute("aria-invalid", "true");
      described.unshift(box.id);
      (group || field).classList.add("pu-invalid");
    } else {
      box.textContent = ""; box.hidden = true;
      target.removeAttribute("aria-invalid");
      (group || field).classList.remove("pu-invalid");
    }
    if (described.length) { target.setAttribute("aria-describedby", described.join(" ")); }
    else { target.removeAttribute("aria-describedby"); }
    return target;
  }

  function clear(root) {
    Array.prototype.slice.call(root.querySelectorAll(".pu-invalid")).forEach(function (node) { mark(node, ""); });
    Array.prototype.slice.call(root.querySelectorAll(".pu-error-summary")).forEach(function (node) {
      node.hidden = true; node.innerHTML = "";
    });
  }

  /* `errors`: [{field, message}] (a field may be missing: the message then shows only in the summary).
     `summary`: the box at the top of the form. `strings`: {one, other} with %(count)s. */
  function show(summary, errors, strings) {
    var firstTarget = null;
    summary.innerHTML = "";
    var heading = document.createElement("p");
    heading.className = "pu-error-summary-title";
    var template = errors.length === 1 ? strings.one : strings.other;
    heading.textContent = template.replace("%(count)s", String(errors.length));
    var list = document.createElement("ul");
    errors.forEach(function (error) {
      var item = document.createElement("li");
      var target = error.field ? mark(error.field, error.message) : null;
      if (target) {
        var link = document.createElement("a");
        link.href = "#" + idOf(target);
        link.textContent = error.message;
        link.addEventListener("click", function (event) { event.preventDefault(); reveal(target); });
        item.appendChild(link);
        firstTarget = firstTarget || target;
      } else { item.textContent = error.message; }
      list.appendChild(item);
    });
    summary.appendChild(heading);
    summary.appendChild(list);
    summary.className = "pu-error-summary";
    summary.setAttribute("role", "alert");
    summary.hidden = false;
    if (firstTarget) { reveal(firstTarget); } else { summary.setAttribute("tabindex", "-1"); summary.focus(); }
  }

  /* Scroll a field to the middle of the screen (clear of sticky bars), then focus it. */
  function reveal(target) {
    if (!target.matches("input, select, textarea, button, a[href], [tabindex], [contenteditable='true']")) {
      target.setAttribute("tabindex", "-1");
    }
    if (target.scrollIntoView) { target.scrollIntoView({ block: "center" }); }
    target.focus({ preventScroll: true });
  }

  /* A one-line outcome: kind "success" is a polite status, "error" an alert; styled apart. */
  function announce(box, message, kind) {
    box.textContent = message || "";
    box.hidden = !message;
    box.className = box.className.replace(/\bpu-(success|failure)\b/g, "").trim() + " pu-" + (kind === "error" ? "failure" : "success");
    box.setAttribute("role", kind === "error" ? "alert" : "status");
  }

  return { mark: mark, clear: clear, show: show, reveal: reveal, announce: announce };
}());
