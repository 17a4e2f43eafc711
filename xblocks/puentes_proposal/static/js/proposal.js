/* The proposal block: autosave with an offline queue, conflicts shown side by side, budget totals,
   table rows, uploads, submit. Plain JavaScript; the page is rendered on the server. */
function PuentesProposal(runtime, element, args) {
  "use strict";
  var i18n = window.PuentesProposalI18n || {
    gettext: function (s) { return s; },
    ngettext: function (s, p, n) { return n === 1 ? s : p; }
  };
  function _(text) { return i18n.gettext(text); }
  function fmt(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (m, name) { return String(values[name]); });
  }
  function $(selector, root) { return (root || element).querySelector(selector); }
  function $all(selector, root) { return Array.prototype.slice.call((root || element).querySelectorAll(selector)); }
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function post(handler, payload, body) {
    var headers = { "X-CSRFToken": csrfToken() };
    if (!body) { headers["Content-Type"] = "application/json"; body = JSON.stringify(payload || {}); }
    return fetch(runtime.handlerUrl(element, handler), {
      method: "POST", headers: headers, body: body, credentials: "same-origin"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, ok: response.ok, data: data };
      });
    });
  }
  var Numbers = window.PuentesNumbers, Errors = window.PuentesErrors;
  var who = Numbers.reader(args.core.numbers.language, args.core.numbers.conventions);
  var messageBox = $(".pp-message");
  function say(text) { Errors.announce(messageBox, text, "error"); }
  // A refusal from the server goes beside the field it names (`form.elements[answer.data.field]`).
  function act(handler, payload, form) {
    return post(handler, payload).then(function (answer) {
      if (answer.ok) { window.location.reload(); return; }
      var field = form && answer.data.field && form.elements[answer.data.field];
      if (field) { Errors.show(messageBox, [{ field: field, message: answer.data.error }], args.core.errors); }
      else { say(answer.data.error); }
    }, function () { say(_("The server cannot be reached. Check your connection and try again.")); });
  }
  Numbers.localTimes(element, who.tag);   // the server writes UTC; the reader reads their own zone
  // Stored numbers, written the way this reader writes them.
  $all("input[data-number]").forEach(function (input) {
    var stored = input.getAttribute("data-number");
    if (stored !== "") { input.value = Numbers.plain(Number(stored), who.tag); }
  });
  $all(".pp-total[data-number]").forEach(function (cell) {
    cell.textContent = Numbers.money(Number(cell.getAttribute("data-number")), args.currency, who.tag);
  });

  // Before a team exists: start one or join one.
  var startButton = $(".pp-start-button");
  if (startButton) { startButton.addEventListener("click", function () { act("start", {}); }); }
  var joinForm = $(".pp-join");
  if (joinForm) {
    joinForm.addEventListener("submit", function (event) {
      event.preventDefault();
      act("join", { code: joinForm.elements.code.value }, joinForm);
    });
  }
  $all(".pp-invitation").forEach(function (box) {
    var id = parseInt(box.getAttribute("data-invitation"), 10);
    $(".pp-accept", box).addEventListener("click", function () { act("answer_invitation", { invitation_id: id, accept: true }); });
    $(".pp-decline", box).addEventListener("click", function () { act("answer_invitation", { invitation_id: id, accept: false }); });
  });
  $all(".pp-export").forEach(function (link) {
    link.href = runtime.handlerUrl(element, "export", link.getAttribute("data-format"));
  });
  if (!args.proposal_id) { return; }

  var proposalId = args.proposal_id;
  var inviteForm = $(".pp-invite");
  if (inviteForm) {
    inviteForm.addEventListener("submit", function (event) {
      event.preventDefault();
      act("invite", { proposal_id: proposalId, username: inviteForm.elements.username.value }, inviteForm);
    });
  }
  $all(".pp-withdraw").forEach(function (button) {
    button.addEventListener("click", function () {
      act("withdraw_invitation", { proposal_id: proposalId, invitation_id: parseInt(button.getAttribute("data-invitation"), 10) });
    });
  });
  var leaveButton = $(".pp-leave");
  if (leaveButton) {
    leaveButton.addEventListener("click", function () {
      if (window.confirm(leaveButton.getAttribute("data-confirm"))) { act("leave", { proposal_id: proposalId }); }
    });
  }
  var entryForm = $(".pp-entry");
  if (entryForm) {
    entryForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var f = entryForm.elements;
      act("confirm_entry", { proposal_id: proposalId, municipality: f.municipality.value, country: f.country.value,
        eligible: f.eligible.checked, consents: f.consents.checked }, entryForm);
    });
  }
  $all(".pp-file").forEach(function (link) {
    link.href = runtime.handlerUrl(element, "attachment", link.getAttribute("data-id"));
  });
  if (!args.editable) { return; }

  // --- the draft: what changed, from which revision, kept on this device until the server has it ---
  var storageKey = "puentes-proposal:" + element.getAttribute("data-usage-id") + ":" + proposalId + ":" + args.user;
  var revision = args.revision;
  var pending = {};     // section id -> value not yet saved
  var bases = {};       // section id -> revision this page's copy of the section comes from
  var held = {};        // sections left out of saves: in conflict, or refused until edited again
  var inflight = false;
  var timer = null;
  var savedBox = $(".pp-saved");
  if (savedBox && savedBox.textContent.trim() && args.saved_at) { savedAt(args.saved_at); }   // in the reader's zone

  function sectionOf(node) { return node.closest ? node.closest(".pp-section") : null; }
  function section(id) { return $('.pp-section[data-section="' + id + '"]'); }
  function rowValues(fieldset) {
    return $all("tbody tr", fieldset).map(function (row) {
      var value = {};
      $all("input", row).forEach(function (input) { value[input.getAttribute("data-field")] = input.value; });
      return value;
    });
  }
  function read(fieldset) {
    switch (fieldset.getAttribute("data-type")) {
      case "long_text": return $(".pp-rich", fieldset).innerHTML;
      case "date_range": return { start: $(".pp-start", fieldset).value, end: $(".pp-end", fieldset).value };
      case "budget": case "indicators": return rowValues(fieldset);
      case "attachments":
        return $all(".pp-files li", fieldset).map(function (li) { return parseInt(li.getAttribute("data-id"), 10); });
      default: return $(".pp-input", fieldset).value;
    }
  }
  function write(fieldset, value) {
    var kind = fieldset.getAttribute("data-type");
    if (kind === "long_text") { $(".pp-rich", fieldset).innerHTML = value || ""; countWords(fieldset); }
    else if (kind === "date_range") {
      $(".pp-start", fieldset).value = (value && value.start) || ""; $(".pp-end", fieldset).value = (value && value.end) || "";
    } else if (kind === "budget" || kind === "indicators") {
      var body = $("tbody", fieldset);
      body.innerHTML = "";
      (value || []).forEach(function (row) {
        var tr = addRow(fieldset);
        $all("input", tr).forEach(function (input) {
          var v = row[input.getAttribute("data-field")];
          input.value = v === null || v === undefined ? "" : (typeof v === "number" ? Numbers.plain(v, who.tag) : v);
        });
      });
      computeBudget(fieldset);
    } else if (kind === "attachments") { return; }
    else {
      $(".pp-input", fieldset).value = value === null || value === undefined ? ""
        : (typeof value === "number" ? Numbers.plain(value, who.tag) : value);
    }
  }
  function persist() {
    try {
      if (Object.keys(pending).length) {
        window.localStorage.setItem(storageKey, JSON.stringify({ pending: pending, bases: bases }));
      } else { window.localStorage.removeItem(storageKey); }
    } catch (e) { /* storage full or disabled: the page still saves online */ }
  }
  function status(text) { if (savedBox) { savedBox.textContent = text; } }
  function savedAt(iso) {
    status(fmt(_("Saved at %(time)s"), { time: Numbers.dateTime(iso, who.tag) }));
  }
  function schedule(delay) {
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(flush, delay === undefined ? args.autosave_seconds * 1000 : delay);
  }
  function changed(fieldset) {
    var id = fieldset.getAttribute("data-section");
    if (held[id] === "refused") { delete held[id]; }
    pending[id] = read(fieldset);
    persist();
    status(_("Unsaved changes"));
    if (!timer) { schedule(); }
  }
  function sendable() {
    return Object.keys(pending).filter(function (id) { return !held[id]; });
  }
  function flush() {
    timer = null;
    var ids = sendable();
    if (inflight || !ids.length) { return Promise.resolve(); }
    var sent = {};
    var changes = ids.map(function (id) {
      sent[id] = JSON.stringify(pending[id]);
      return { section: id, value: pending[id], base_revision: bases[id] };
    });
    inflight = true;
    status(_("Saving…"));
    return post("save_draft", { proposal_id: proposalId, changes: changes, number_locale: who.tag }).then(function (answer) {
      inflight = false;
      if (answer.ok) {
        revision = answer.data.revision;
        ids.forEach(function (id) {
          bases[id] = revision;
          if (JSON.stringify(pending[id]) === sent[id]) { delete pending[id]; }
          problems(section(id), []);
        });
        persist();
        savedAt(answer.data.saved_at);
        if (sendable().length) { schedule(); }
      } else if (answer.status === 409 && answer.data.conflicts) {
        answer.data.conflicts.forEach(function (conflict) { showConflict(conflict, answer.data.saved_by); });
        status(_("Not saved: a colleague changed the same section."));
      } else if (answer.status >= 400 && answer.status < 500) {
        var field = answer.data.field;
        if (field && pending[field] !== undefined) {
          held[field] = "refused";
          var cell = answer.data.cell && cellInput(section(field), answer.data.cell);
          if (cell) { Errors.mark(cell, answer.data.error); } else { problems(section(field), [answer.data.error]); }
          if (sendable().length) { schedule(0); }
        }
        status(fmt(_("Not saved: %(reason)s"), { reason: answer.data.error || "" }));
      } else { offline(); }
    }, function () { inflight = false; offline(); });
  }
  function offline() {
    status(_("Offline: your changes are kept on this device and will be sent when the connection returns."));
    schedule();
  }
  function problems(fieldset, list) {
    if (!fieldset) { return; }
    Errors.mark(fieldset, list.join(" "));
  }
  // "2.unit_cost" -> the input of that row and column.
  function cellInput(fieldset, cell) {
    var parts = String(cell).split(".");
    var row = $all("tbody tr", fieldset)[parseInt(parts[0], 10)];
    return row ? $('[data-field="' + parts[1] + '"]', row) : null;
  }
  function describe(fieldset, value) {
    var kind = fieldset.getAttribute("data-type");
    var box = document.createElement("div");
    if (kind === "long_text") { box.innerHTML = value || ""; return box; }
    if (Array.isArray(value)) {
      box.textContent = value.map(function (row) {
        return typeof row === "object" ? Object.keys(row).map(function (k) { return row[k]; }).join(" · ") : row;
      }).join(" / ");
    } else if (value && typeof value === "object") { box.textContent = (value.start || "") + " – " + (value.end || ""); }
    else { box.textContent = value === null || value === undefined ? "" : String(value); }
    return box;
  }
  function showConflict(conflict, colleague) {
    var fieldset = section(conflict.section);
    var id = conflict.section;
    held[id] = "conflict";
    var panel = $(".pp-conflict", fieldset);
    panel.innerHTML = "";
    var intro = document.createElement("p");
    intro.textContent = colleague
      ? fmt(_("%(name)s saved this section while you were editing it. Choose which text to keep."), { name: colleague })
      : _("A colleague saved this section while you were editing it. Choose which text to keep.");
    panel.appendChild(intro);
    [[_("Their version"), conflict.theirs], [_("Your version"), conflict.yours]].forEach(function (pair) {
      var heading = document.createElement("h4");
      heading.textContent = pair[0];
      panel.appendChild(heading);
      panel.appendChild(describe(fieldset, pair[1])).className = "pp-conflict-text";
    });
    function button(label, choose) {
      var b = document.createElement("button");
      b.type = "button"; b.className = "pp-button"; b.textContent = label;
      b.addEventListener("click", function () {
        panel.hidden = true; delete held[id]; bases[id] = conflict.revision;
        choose(); persist(); schedule(0);
      });
      panel.appendChild(b);
    }
    button(_("Keep mine"), function () { /* re-sent from the revision just seen */ });
    button(_("Use theirs"), function () {
      delete pending[id];
      if (fieldset.getAttribute("data-type") === "attachments") { window.location.reload(); } else { write(fieldset, conflict.theirs); }
    });
    panel.hidden = false;
    panel.querySelector("button").focus();
  }

  // --- section helpers: word counts, budget totals, table rows, files ---
  function countWords(fieldset) {
    var rich = $(".pp-rich", fieldset);
    var out = $(".pp-word-count", fieldset);
    if (!rich || !out) { return; }
    // As the server counts (sections.word_count): every run of characters between spaces.
    var n = (rich.innerText || "").split(/\s+/).filter(Boolean).length;
    out.textContent = fmt(i18n.ngettext("%(count)s word", "%(count)s words", n), { count: n });
    var max = parseInt(fieldset.getAttribute("data-max-words"), 10);
    out.classList.toggle("pp-over", !isNaN(max) && n > max);
  }
  // A typed number in this reader's way, marked at its input when it is none or could be two.
  function number(input) {
    var result = Numbers.read(input.value, who);
    Errors.mark(input, result.error ? Numbers.message(result, input.value.trim(), who, args.core.numbers.messages) : "");
    return result.error ? null : result.value;
  }
  function computeBudget(fieldset) {
    if (fieldset.getAttribute("data-type") !== "budget") { return; }
    var total = 0, complete = true;
    $all("tbody tr", fieldset).forEach(function (row) {
      var quantity = number($('[data-field="quantity"]', row)), cost = number($('[data-field="unit_cost"]', row));
      var line = quantity === null || cost === null ? null : quantity * cost;
      $(".pp-subtotal", row).textContent = line === null ? "—" : Numbers.money(line, args.currency, who.tag);
      if (line === null) { complete = complete && !$('[aria-invalid="true"]', row); } else { total += line; }
    });
    $(".pp-total", fieldset).textContent = complete ? Numbers.money(total, args.currency, who.tag) : "—";
  }
  function checkNumber(fieldset) {
    var kind = fieldset.getAttribute("data-type");
    if (kind === "number" || kind === "money") { number($(".pp-input", fieldset)); }
  }
  function addRow(fieldset) {
    var template = $(".pp-row-" + fieldset.getAttribute("data-type"));
    var row = template.content.firstElementChild.cloneNode(true);
    $("tbody", fieldset).appendChild(row);
    return row;
  }
  // A refused upload in the learner's words. The platform answers an over-size request itself, before the
  // block (413: Tutor's Caddy with no body, the LMS with English text in `success`), so 413 has its own sentence.
  function uploadRefusal(answer) {
    if (answer.status === 413) {
      return _("The site refused this part of the file as too large. Try again; if it happens again, tell the course team.");
    }
    return answer.data.error || _("The file could not be uploaded. Try again.");
  }
  // Files go in parts (begin_upload, then upload_part), each under the platform's 4 MB request caps.
  function upload(fieldset, input) {
    var file = input.files[0];
    if (!file) { return; }
    if (file.size > args.max_bytes) {
      problems(fieldset, [fmt(_("The file is larger than the limit of %(limit)s MB."), { limit: Math.floor(args.max_bytes / 1048576) })]);
      input.value = "";
      return;
    }
    function failed(answer) { input.value = ""; problems(fieldset, [uploadRefusal(answer)]); status(""); }
    function attached(answer) {
      input.value = "";
      var li = document.createElement("li");
      li.setAttribute("data-id", answer.data.attachment.id);
      var link = document.createElement("a");
      link.href = answer.data.attachment.url; link.textContent = answer.data.attachment.name;
      li.appendChild(link);
      // The same Remove button the server renders for files already listed, so a new file can go at once.
      var remove = document.createElement("button");
      remove.type = "button"; remove.className = "pp-remove-file"; remove.textContent = _("Remove");
      remove.setAttribute("aria-label", fmt(_("Remove %(name)s"), { name: answer.data.attachment.name }));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(remove);
      $(".pp-files", fieldset).appendChild(li);
      problems(fieldset, []);
      revision = answer.data.revision;
      // The upload saved this section: a Remove right after builds on it, not on what the page loaded with
      // (else the server reads the team's own upload as a colleague's change and shows a conflict).
      bases[fieldset.getAttribute("data-section")] = revision;
      persist();
      savedAt(answer.data.saved_at);
    }
    function sendPart(token, partBytes, index) {
      var parts = Math.max(1, Math.ceil(file.size / partBytes));
      var form = new FormData();
      form.append("proposal_id", proposalId);
      form.append("upload", token);
      form.append("index", index);
      form.append("part", file.slice(index * partBytes, (index + 1) * partBytes), file.name);
      status(fmt(_("Uploading… %(done)s of %(parts)s"), { done: index + 1, parts: parts }));
      post("upload_part", null, form).then(function (answer) {
        if (!answer.ok) { failed(answer); return; }
        if (answer.data.attachment) { attached(answer); return; }
        sendPart(token, partBytes, index + 1);
      }, function () { input.value = ""; offline(); });
    }
    status(_("Uploading…"));
    post("begin_upload", { proposal_id: proposalId, section: fieldset.getAttribute("data-section"),
                           name: file.name, size: file.size }).then(function (answer) {
      if (!answer.ok) { failed(answer); return; }
      sendPart(answer.data.upload, answer.data.part_bytes, 0);
    }, function () { input.value = ""; offline(); });
  }

  var form = $(".pp-form");
  form.addEventListener("input", function (event) {
    var fieldset = sectionOf(event.target);
    if (!fieldset || event.target.type === "file") { return; }
    countWords(fieldset);
    computeBudget(fieldset);
    checkNumber(fieldset);
    changed(fieldset);
  });
  form.addEventListener("change", function (event) {
    var fieldset = sectionOf(event.target);
    if (!fieldset) { return; }
    if (event.target.type === "file") { upload(fieldset, event.target); return; }
    changed(fieldset);
  });
  form.addEventListener("focusout", function () { if (sendable().length) { schedule(800); } });
  form.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    var fieldset = target && sectionOf(target);
    if (!fieldset) { return; }
    if (target.hasAttribute("data-command")) {
      $(".pp-rich", fieldset).focus();
      document.execCommand(target.getAttribute("data-command"));
      changed(fieldset);
    } else if (target.classList.contains("pp-add-row")) {
      addRow(fieldset).querySelector("input").focus();
      changed(fieldset);
    } else if (target.classList.contains("pp-remove-row")) {
      target.closest("tr").remove(); computeBudget(fieldset); changed(fieldset);
    } else if (target.classList.contains("pp-remove-file")) {
      target.closest("li").remove(); changed(fieldset);
    }
  });
  $all(".pp-section").forEach(function (fieldset) {
    bases[fieldset.getAttribute("data-section")] = args.revision;
    countWords(fieldset); computeBudget(fieldset);
  });

  $(".pp-save-now").addEventListener("click", function () { flush(); });
  $(".pp-submit").addEventListener("click", function () {
    if (!window.confirm(_("Submit this version for review? The proposal stays locked until the tutor answers."))) { return; }
    flush().then(function () {
      if (Object.keys(pending).length) {
        say(_("Some changes are not saved yet. Connect to the internet or resolve the conflicts, then submit again."));
        return;
      }
      return post("submit", { proposal_id: proposalId }).then(function (answer) {
        if (answer.ok) { window.location.reload(); return; }
        var found = answer.data.problems || {};
        var errors = [];
        $all(".pp-section").forEach(function (fieldset) {
          var list = found[fieldset.getAttribute("data-section")] || [];
          problems(fieldset, list);
          if (list.length) { errors.push({ field: fieldset, message: $("legend", fieldset).textContent + ": " + list.join(" ") }); }
        });
        if (errors.length) { Errors.show(messageBox, errors, args.core.errors); } else { say(answer.data.error); }
      }, function () { say(_("The server cannot be reached. Check your connection and try again.")); });
    });
  });
  window.addEventListener("online", function () { schedule(0); });

  // Changes made on this device that the server never got (offline, closed tab): put them back and send them.
  try {
    var kept = JSON.parse(window.localStorage.getItem(storageKey) || "null");
    if (kept && kept.pending) {
      Object.keys(kept.pending).forEach(function (id) {
        var fieldset = section(id);
        if (!fieldset) { return; }
        pending[id] = kept.pending[id];
        if (kept.bases && id in kept.bases) { bases[id] = kept.bases[id]; }
        write(fieldset, pending[id]);
      });
      if (Object.keys(pending).length) { status(_("Sending changes kept on this device…")); schedule(0); }
    }
  } catch (e) { /* unreadable local copy: the server's draft stands */ }
}
