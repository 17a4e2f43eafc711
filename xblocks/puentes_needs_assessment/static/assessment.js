/* The needs assessment: conditions that show or skip questions, autosave with the answers kept on this
   device until the server has them (offline-safe, as the proposal's drafts), errors next to the question
   they are about, and the research-use question sent on its own. Plain JavaScript; rendered on the server. */
function PuentesNeedsAssessment(runtime, element, args) {
  "use strict";
  var root = element.jquery ? element[0] : element;
  var i18n = window.PuentesNeedsAssessmentI18n || { gettext: function (s) { return s; } };
  function _(text) { return i18n.gettext(text); }
  function $(selector, scope) { return (scope || root).querySelector(selector); }
  function $all(selector, scope) { return Array.prototype.slice.call((scope || root).querySelectorAll(selector)); }
  var form = $(".pna-form"), messageBox = $(".pna-message"), savedBox = $(".pna-saved");
  var storageKey = "puentes-needs:" + $(".pna").getAttribute("data-usage") + ":" + args.user;
  var timer = null, inflight = null, dirty = false;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function post(handler, payload) {
    return fetch(runtime.handlerUrl(root, handler), { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() }, body: JSON.stringify(payload) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          return { ok: response.ok, status: response.status, data: data };
        });
      });
  }
  function timeText(iso) {
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { timeStyle: "short" }).format(new Date(iso));
  }

  // --- reading the form -------------------------------------------------------------------
  function valueOf(question) {
    var type = question.getAttribute("data-type");
    if (type === "number") {
      var input = $("input", question);
      return input.value === "" || isNaN(input.valueAsNumber) ? null : input.valueAsNumber;
    }
    if (type === "text") { return $("textarea", question).value; }
    var checked = $all("input:checked", question).map(function (input) { return input.value; });
    if (type === "multiple_choice") { return checked; }
    if (!checked.length) { return null; }
    return type === "scale" ? parseInt(checked[0], 10) : checked[0];
  }
  function collect() {
    var answers = {};
    $all(".pna-question").forEach(function (question) {
      if (question.hidden) { return; }
      var value = valueOf(question);
      if (value !== null && value !== "" && !(Array.isArray(value) && !value.length)) {
        answers[question.getAttribute("data-field")] = value;
      }
    });
    return { answers: answers, municipality: form.elements.municipality.value, country: form.elements.country.value };
  }
  function restore(draft) {
    form.elements.municipality.value = draft.municipality || "";
    form.elements.country.value = draft.country || "";
    $all(".pna-question").forEach(function (question) {
      var value = draft.answers[question.getAttribute("data-field")];
      if (value === undefined) { return; }
      var type = question.getAttribute("data-type");
      if (type === "number" || type === "text") { $(type === "number" ? "input" : "textarea", question).value = value; return; }
      $all("input", question).forEach(function (input) {
        input.checked = Array.isArray(value) ? value.indexOf(input.value) >= 0 : String(value) === input.value;
      });
    });
  }

  // --- conditions: they only look back, so one pass in document order ---------------------
  function met(condition, value) {
    if (value === null || value === "" || (Array.isArray(value) && !value.length)) { return false; }
    if (condition.op === ">" || condition.op === "<") {
      return condition.op === ">" ? value > condition.values[0] : value < condition.values[0];
    }
    var given = (Array.isArray(value) ? value : [value]).map(String);
    var hit = given.some(function (v) { return condition.values.indexOf(v) >= 0; });
    return condition.op === "=" ? hit : !hit;
  }
  function applyConditions() {
    var shown = {};
    $all(".pna-question").forEach(function (question) {
      var code = question.getAttribute("data-field"), condition = args.conditions[code];
      var visible = !condition || (shown[condition.question] !== undefined && met(condition, shown[condition.question]));
      question.hidden = !visible;
      if (visible) { shown[code] = valueOf(question); }
    });
  }

  // --- saving: local first, then the server -------------------------------------------------
  function keepLocally(draft) {
    try { window.localStorage.setItem(storageKey, JSON.stringify(draft)); } catch (e) { /* storage off: online only */ }
  }
  function forgetLocally() { try { window.localStorage.removeItem(storageKey); } catch (e) { /* nothing kept */ } }
  function status(text) { savedBox.textContent = text; }
  function changed() {
    applyConditions();
    dirty = true;
    keepLocally(collect());
    status(_("Unsaved changes"));
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(save, 3000);
  }
  function save() {
    timer = null;
    if (inflight) { return inflight; }
    if (!dirty) { return Promise.resolve(true); }
    dirty = false;
    status(_("Saving…"));
    inflight = post("save_draft", collect()).then(function (answer) {
      inflight = null;
      if (answer.ok) {
        if (!dirty) { forgetLocally(); }
        status(_("Saved at") + " " + timeText(answer.data.saved_at));
        return true;
      }
      if (answer.status >= 400 && answer.status < 500) { showErrors(answer.data); status(_("Not saved: correct the answer marked.")); return false; }
      dirty = true; offline(); return false;
    }, function () { inflight = null; dirty = true; offline(); return false; });
    return inflight;
  }
  function offline() {
    status(_("Offline: your answers are kept on this device and will be sent when the connection returns."));
    if (!timer) { timer = window.setTimeout(save, 15000); }
  }

  // --- errors next to the question they are about ----------------------------------------------
  function clearErrors() {
    messageBox.hidden = true;
    $all(".pna-error").forEach(function (box) { box.textContent = ""; });
    $all("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
  }
  function markField(code, text) {
    var field = $('.pna-field[data-field="' + code + '"]');
    if (!field) { return null; }
    $(".pna-error", field).textContent = text;
    var control = $("fieldset", field) || $("input, select, textarea", field);
    control.setAttribute("aria-invalid", "true");
    return field;
  }
  function showErrors(data) {
    clearErrors();
    messageBox.textContent = data.error || _("Something went wrong. Try again.");
    messageBox.hidden = false;
    var first = null;
    (data.missing || [data.field]).forEach(function (code) {
      var field = markField(code, data.missing ? _("This answer is required.") : data.error);
      first = first || field;
    });
    var target = first && $("input, select, textarea", first);
    (target || messageBox).focus();
  }

  form.addEventListener("input", function (event) { if (!event.target.closest(".pna-consent")) { changed(); } });
  form.addEventListener("change", function (event) {
    if (event.target.closest(".pna-consent")) { sendConsent(event.target.value === "yes"); return; }
    changed();
  });
  $(".pna-save").addEventListener("click", function () { dirty = true; save(); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    if (timer) { window.clearTimeout(timer); timer = null; }
    var draft = collect();
    keepLocally(draft);
    status(_("Sending…"));
    post("submit", draft).then(function (answer) {
      if (answer.ok) { forgetLocally(); window.location.reload(); return; }
      if (answer.status >= 400 && answer.status < 500) { showErrors(answer.data); status(""); return; }
      dirty = true; offline();
    }, function () { dirty = true; offline(); });
  });

  var consentStatus = $(".pna-consent-status");
  function sendConsent(consent) {
    consentStatus.textContent = _("Saving…");
    post("set_consent", { consent: consent }).then(function (answer) {
      consentStatus.textContent = answer.ok ? (answer.data.consent ? _("Thank you: your answers will be part of the research.")
        : _("Understood: your answers stay with you.")) : (answer.data.error || "");
    }, function () { consentStatus.textContent = _("The server cannot be reached. Check your connection and choose again."); });
  }
  window.addEventListener("online", function () { if (dirty) { save(); } });

  // Answers typed on this device that the server never got (offline, closed tab): put them back and send them.
  try {
    var kept = JSON.parse(window.localStorage.getItem(storageKey) || "null");
    if (kept && kept.answers) {
      restore(kept);
      dirty = true;
      status(_("Sending answers kept on this device…"));
      window.setTimeout(save, 0);
    }
  } catch (e) { /* an unreadable local copy: the server's draft stands */ }
  applyConditions();
}
