/* Puentes case study: answers questions through the block's JSON handlers. Plain JS, no jQuery.
   The server renders every question; after a submission it sends the question's new HTML, which
   replaces the old one, and focus moves to the result so screen readers read it. */
function PuentesCaseStudy(runtime, element, args) {
  "use strict";
  args = args || {};
  var root = element.jquery ? element[0] : element;
  var i18n = window.PuentesCaseStudyI18n || { gettext: function (s) { return s; } };
  function gettext(text) { return i18n.gettext(text); }
  function fill(text, values) { return text.replace(/\{(\w+)\}/g, function (all, key) { return values[key]; }); }
  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function post(handler, payload) {
    return fetch(runtime.handlerUrl(root, handler), {
      method: "POST", credentials: "same-origin", body: JSON.stringify(payload),
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; },
        function () { return { ok: false, body: { error: gettext("The server could not answer. Try again in a moment.") } }; });
    });
  }
  function container(node) { return node.closest(".pcs-q"); }

  function answerOf(question) {
    var type = question.getAttribute("data-type");
    if (type === "ranking") {
      return Array.prototype.map.call(question.querySelectorAll(".pcs-rank > li"), function (li) { return li.getAttribute("data-id"); });
    }
    if (type === "reflection") { return question.querySelector("textarea").value; }
    var checked = Array.prototype.map.call(question.querySelectorAll("input:checked"), function (input) { return input.value; });
    return type === "multiple_choice" ? checked : (checked[0] || null);
  }

  // The shared error display (puentes_core errors.js): the message beside the question's field (its
  // options, its text, its list), the field marked invalid and described by it, focus on it, announced as
  // an alert; nothing chosen or written is touched. A question is a form with one field: no summary.
  function fieldOf(question) {
    return question.querySelector(".pcs-decision") || question.querySelector("textarea:not([disabled])") ||
      question.querySelector(".pcs-rank") || question.querySelector(".pcs-form > fieldset");
  }
  function showError(question, message) {
    var target = window.PuentesErrors.mark(fieldOf(question), message);
    var box = document.getElementById((target.getAttribute("aria-describedby") || "").split(" ")[0]);
    if (box) { box.setAttribute("role", "alert"); }
    window.PuentesErrors.reveal(target);
  }
  function clearError(question) {
    var field = fieldOf(question);
    if (field) { window.PuentesErrors.mark(field, ""); }
  }

  // --- drafts: what the learner wrote or chose but did not submit stays on this device ------------
  function drafts() {
    try { return JSON.parse(window.localStorage.getItem(args.draft_key) || "{}") || {}; } catch (e) { return {}; }
  }
  function keep(question) {
    if (!args.draft_key) { return; }
    var all = drafts();
    all[question.getAttribute("data-question")] = answerOf(question);
    try { window.localStorage.setItem(args.draft_key, JSON.stringify(all)); } catch (e) { /* storage full or off */ }
  }
  function forget(id) {
    if (!args.draft_key) { return; }
    var all = drafts();
    delete all[id];
    try {
      if (Object.keys(all).length) { window.localStorage.setItem(args.draft_key, JSON.stringify(all)); }
      else { window.localStorage.removeItem(args.draft_key); }
    } catch (e) { /* nothing to forget */ }
  }
  function restore() {
    var all = drafts();
    Object.keys(all).forEach(function (id) {
      var question = root.querySelector('.pcs-q[data-question="' + id + '"]');
      var value = all[id];
      if (!question || value === null) { return; }
      var type = question.getAttribute("data-type");
      var area = question.querySelector("textarea:not([disabled])");
      if (type === "reflection" && area && !area.value) {
        area.value = value;
        area.dispatchEvent(new Event("input", { bubbles: true }));
      } else if (type === "ranking" && Array.isArray(value)) {
        var list = question.querySelector(".pcs-rank");
        value.forEach(function (itemId) {
          var item = list && list.querySelector('li[data-id="' + itemId + '"]');
          if (item) { list.appendChild(item); }
        });
      } else {
        (Array.isArray(value) ? value : [value]).forEach(function (choice) {
          var input = question.querySelector('input[value="' + String(choice).replace(/"/g, "") + '"]:not([disabled])');
          if (input) { input.checked = true; }
        });
      }
    });
  }

  function replace(question, body) {
    var holder = document.createElement("div");
    holder.innerHTML = body.html;
    var fresh = holder.firstElementChild;
    question.parentNode.replaceChild(fresh, question);
    if (body.total) {
      root.querySelector(".pcs-total").textContent = body.total_text;   // written by the server, as the page
    }
    var focusTarget = fresh.querySelector("[data-role=result]");
    if (!focusTarget.textContent.trim()) { focusTarget = fresh.querySelector(".pcs-decision input") || focusTarget; }
    focusTarget.focus();
  }

  function send(question, handler, payload, button) {
    clearError(question);
    if (button) { button.disabled = true; button.setAttribute("aria-busy", "true"); }
    post(handler, payload).then(function (reply) {
      if (reply.ok) { forget(payload.question); replace(question, reply.body); return; }
      showError(question, reply.body.error || gettext("Something went wrong. Try again."));
    }, function () {
      showError(question, gettext("You seem to be offline. Your answer is still here: try again when you are connected."));
    }).then(function () {
      if (button && button.isConnected) { button.disabled = false; button.removeAttribute("aria-busy"); }
    });
  }

  root.addEventListener("submit", function (event) {
    event.preventDefault();
    var question = container(event.target);
    var id = question.getAttribute("data-question");
    var button = event.target.querySelector("button[type=submit]");
    if (event.target.classList.contains("pcs-self")) {
      var met = Array.prototype.map.call(event.target.querySelectorAll("input:checked"), function (input) { return input.value; });
      send(question, "self_assess", { question: id, met: met }, button);
      return;
    }
    if (question.getAttribute("data-type") === "decision_path") {
      var chosen = question.querySelector(".pcs-decision input:checked");
      if (!chosen) { showError(question, gettext("Choose one of the options first.")); return; }
      send(question, "choose", { question: id, option: chosen.value }, button);
      return;
    }
    var answer = answerOf(question);
    if (answer === null || (answer.length === 0)) { showError(question, gettext("Choose or write your answer first.")); return; }
    send(question, "submit_answer", { question: id, answer: answer }, button);
  });

  root.addEventListener("click", function (event) {
    var move = event.target.closest(".pcs-move");
    if (move) {
      var item = move.closest("li");
      var list = item.parentNode;
      var step = parseInt(move.getAttribute("data-move"), 10);
      var target = step < 0 ? item.previousElementSibling : item.nextElementSibling;
      if (!target) { return; }
      list.insertBefore(item, step < 0 ? target : target.nextElementSibling);
      var position = Array.prototype.indexOf.call(list.children, item) + 1;
      container(list).querySelector("[data-role=announce]").textContent = fill(gettext("{text}: now number {position} of {total}."), {
        text: item.querySelector(".pcs-rank-text").textContent, position: position, total: list.children.length });
      move.focus();
      keep(container(list));
      return;
    }
    var restart = event.target.closest(".pcs-restart");
    if (restart) {
      var question = container(restart);
      send(question, "restart", { question: question.getAttribute("data-question") }, restart);
    }
  });

  root.addEventListener("change", function (event) {
    var question = container(event.target);
    if (question && event.target.type !== "submit") { keep(question); }
  });
  restore();

  root.addEventListener("input", function (event) {
    if (event.target.tagName !== "TEXTAREA") { return; }
    keep(container(event.target));
    var words = event.target.value.trim() ? event.target.value.trim().split(/\s+/).length : 0;
    container(event.target).querySelector(".pcs-count").textContent = fill(gettext("Words: {count}"), { count: words });
  });
}
