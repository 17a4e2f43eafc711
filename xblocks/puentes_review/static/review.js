/* The tutors' review block: queue, claim, workspace (versions compared, files, rubric, comments), workload.
   Plain JavaScript; the runtime gives the block's DOM element. Strings through PuentesReviewI18n. */
function PuentesTutorReview(runtime, element, args) {
  "use strict";
  var root = element.jquery ? element[0] : element;
  var i18n = window.PuentesReviewI18n || { gettext: function (s) { return s; } };
  var gettext = function (s) { return i18n.gettext(s); };
  var ngettext = function (one, other, n) { return i18n.ngettext ? i18n.ngettext(one, other, n) : (n === 1 ? one : other); };
  var count = function (n) { return window.PuentesNumbers.format(n, who.tag, { maximumFractionDigits: 0 }); };
  var interpolate = function (text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, key) { return key in values ? values[key] : m; });
  };
  var box = root.querySelector(".puentes-review");
  var statusLine = box.querySelector(".puentes-review__status");
  var filtersForm = box.querySelector(".puentes-review__filters");
  var workspaceNode = box.querySelector(".puentes-review__workspace");
  var state = { page: 1, queue: args.queue, proposal: null, workspace: null };
  var who = window.PuentesNumbers.reader(args.core.numbers.language, args.core.numbers.conventions);

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === "text") { node.textContent = value; } else if (name.indexOf("on") === 0) {
        node.addEventListener(name.slice(2), value);
      } else { node.setAttribute(name, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function say(text, isError) {
    statusLine.textContent = text || "";
    statusLine.classList.toggle("puentes-review__status--error", !!isError);
  }
  function request(handler, body, query) {
    var options = body === undefined ? { credentials: "same-origin" } : {
      method: "POST", credentials: "same-origin", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() }
    };
    return fetch(runtime.handlerUrl(root, handler, "", query || ""), options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data.error || gettext("Something went wrong. Try again."));
          error.data = data; error.status = response.status; throw error;
        }
        return data;
      });
    }, function () { throw new Error(gettext("No connection. Your work is still on this page: try again.")); });
  }
  function when(iso) {
    return iso ? window.PuentesNumbers.dateTime(iso, who.tag) : "";   // the reader's zone, named
  }

  // ---- tabs --------------------------------------------------------------------------------------
  Array.prototype.forEach.call(box.querySelectorAll(".puentes-review__tab"), function (tab) {
    tab.addEventListener("click", function () {
      Array.prototype.forEach.call(box.querySelectorAll(".puentes-review__tab"), function (other) {
        other.setAttribute("aria-selected", other === tab ? "true" : "false");
      });
      Array.prototype.forEach.call(box.querySelectorAll(".puentes-review__panel"), function (panel) {
        panel.hidden = panel.getAttribute("data-panel") !== tab.getAttribute("data-tab");
      });
      if (tab.getAttribute("data-tab") === "workload") { loadWorkload(); }
    });
  });

  // ---- the queue ---------------------------------------------------------------------------------
  function fillSelect(select, values, labels) {
    values.forEach(function (value) {
      select.appendChild(h("option", { value: value, text: labels ? labels[value] : value }));
    });
  }
  fillSelect(filtersForm.elements.status, Object.keys(args.statuses), args.statuses);
  fillSelect(filtersForm.elements.country, args.countries, args.country_names);
  fillSelect(filtersForm.elements.thematic_area, args.areas, args.area_labels);

  function queueQuery() {
    var params = new URLSearchParams();
    ["status", "country", "thematic_area", "tutor", "waiting_days", "search"].forEach(function (name) {
      var value = filtersForm.elements[name].value.trim();
      if (value) { params.set(name, value); }
    });
    params.set("page", String(state.page));
    return params.toString();
  }
  function loadQueue() {
    return request("queue", undefined, queueQuery()).then(function (queue) {
      state.queue = queue; renderQueue();
    }).catch(function (error) { say(error.message, true); });
  }
  function renderQueue() {
    var queue = state.queue;
    var counts = box.querySelector(".puentes-review__counts");
    counts.textContent = "";
    Object.keys(args.statuses).forEach(function (status) {
      if (status === "draft") { return; }
      counts.appendChild(h("li", {}, [h("button", {
        type: "button", "class": "puentes-review__count", "data-status": status,
        onclick: function () { filtersForm.elements.status.value = status; state.page = 1; loadQueue(); }
      }, [args.statuses[status] + ": ", h("strong", { text: count(queue.counts[status] || 0) })])]));
    });
    box.querySelector(".puentes-review__summary").textContent = interpolate(
      ngettext("{total} proposal matches; page {page} of {pages}.", "{total} proposals match; page {page} of {pages}.",
        queue.total), { total: count(queue.total), page: count(queue.page), pages: count(queue.pages) });
    box.querySelector(".puentes-review__page").textContent = interpolate(gettext("Page {page} of {pages}"),
      { page: count(queue.page), pages: count(queue.pages) });
    box.querySelector("[data-page=prev]").disabled = queue.page <= 1;
    box.querySelector("[data-page=next]").disabled = queue.page >= queue.pages;
    var body = box.querySelector(".puentes-review__queue tbody");
    body.textContent = "";
    if (!queue.items.length) {
      body.appendChild(h("tr", {}, [h("td", { colspan: "7", text: gettext("No proposal matches these filters.") })]));
    }
    queue.items.forEach(function (item) { body.appendChild(queueRow(item)); });
    labelCells(body);
  }
  // On a phone the rows stack (review.css): each cell carries its column's heading to show beside its value.
  function labelCells(body) {
    var headings = Array.prototype.map.call(body.closest("table").querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    Array.prototype.forEach.call(body.rows, function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, index) {
        if (!cell.hasAttribute("colspan") && headings[index]) { cell.setAttribute("data-label", headings[index]); }
      });
    });
  }
  function queueRow(item) {
    var title = item.title || interpolate(gettext("Proposal #{number}"), { number: item.proposal_id });
    var claim = item.claim;
    var holder = !claim ? gettext("Nobody") : claim.mine ? gettext("You") : claim.holder;
    if (claim && !claim.live) { holder = interpolate(gettext("{holder} (claim ran out)"), { holder: claim.holder }); }
    var actions = [h("button", {
      type: "button", "class": "puentes-review__button", "data-action": "open",
      "aria-label": interpolate(gettext("Open {title}"), { title: title }),
      onclick: function () { openProposal(item.proposal_id); }
    }, [gettext("Open")])];
    var waiting = ["submitted", "resubmitted", "in_review"].indexOf(item.status) >= 0;
    var heldByOther = claim && claim.live && !claim.mine;
    if (waiting && heldByOther && args.is_staff) {
      actions.push(takeOverControl(item.proposal_id, title, claim.holder));
    } else if (waiting && !(claim && claim.live && claim.mine)) {
      actions.push(h("button", {
        type: "button", "class": "puentes-review__button", "data-action": "claim",
        "aria-label": interpolate(gettext("Claim {title}"), { title: title }),
        onclick: function () { claimProposal(item.proposal_id); }
      }, [gettext("Claim")]));
    }
    if (claim && claim.live && (claim.mine || args.is_staff)) {
      actions.push(h("button", {
        type: "button", "class": "puentes-review__button", "data-action": "release",
        "aria-label": interpolate(gettext("Release {title}"), { title: title }),
        onclick: function () { releaseProposal(item.proposal_id); }
      }, [gettext("Release")]));
    }
    return h("tr", { "data-proposal": String(item.proposal_id), "class": item.assigned ? "puentes-review__row--mine" : null }, [
      h("td", {}, [title, item.thematic_area ? h("div", { "class": "puentes-review__muted", text: item.thematic_area_label }) : null,
        item.assigned ? h("div", { "class": "puentes-review__muted", text: gettext("In your countries or cohorts") }) : null]),
      h("td", { text: item.team.join(", ") }),
      h("td", { text: item.country_name || "—" }),
      h("td", { text: args.statuses[item.status] || item.status }),
      h("td", { text: item.waiting_days === null ? "—" : interpolate(ngettext("{days} day", "{days} days", item.waiting_days), { days: count(item.waiting_days) }) }),
      h("td", { text: holder }),
      h("td", {}, actions)
    ]);
  }
  filtersForm.addEventListener("submit", function (event) { event.preventDefault(); state.page = 1; loadQueue(); });
  box.querySelector("[data-page=prev]").addEventListener("click", function () { state.page -= 1; loadQueue(); });
  box.querySelector("[data-page=next]").addEventListener("click", function () { state.page += 1; loadQueue(); });

  function claimProposal(proposalId) {
    return request("claim", { proposal_id: proposalId }).then(function () {
      say(gettext("You hold this proposal now. Others see that you are reviewing it."));
      return Promise.all([loadQueue(), openProposal(proposalId)]);
    }).catch(function (error) { say(error.message, true); });
  }
  function releaseProposal(proposalId) {
    return request("release", { proposal_id: proposalId }).then(function () {
      say(gettext("The proposal is free for any tutor again."));
      if (state.proposal === proposalId) { openProposal(proposalId); }
      return loadQueue();
    }).catch(function (error) { say(error.message, true); });
  }

  // Course staff take over another tutor's live claim in two steps: "Take over", then confirm or cancel.
  function takeOverControl(proposalId, title, holder) {
    var node = h("span", { "class": "puentes-review__takeover" });
    var start = h("button", {
      type: "button", "class": "puentes-review__button", "data-action": "take-over",
      "aria-label": interpolate(gettext("Take over {title} from {holder}"), { title: title, holder: holder }),
      onclick: function () { ask(); }
    }, [gettext("Take over")]);
    function ask() {
      var question = interpolate(gettext("Take over {holder}'s claim? They can no longer send their review; " +
        "their unsent draft stays with them."), { holder: holder });
      var confirmButton = h("button", {
        type: "button", "class": "puentes-review__button puentes-review__button--primary",
        "data-action": "confirm-take-over", onclick: function () { takeOver(proposalId, holder); }
      }, [gettext("Yes, take over")]);
      var group = h("span", { role: "group", "aria-label": question,
        onkeydown: function (event) { if (event.key === "Escape") { cancel(); } } }, [
        h("span", { "class": "puentes-review__confirm-text", text: question + " " }), confirmButton,
        h("button", { type: "button", "class": "puentes-review__button", "data-action": "cancel-take-over",
          onclick: function () { cancel(); } }, [gettext("Cancel")])]);
      node.textContent = "";
      node.appendChild(group);
      confirmButton.focus();
    }
    function cancel() {
      node.textContent = "";
      node.appendChild(start);
      start.focus();
    }
    node.appendChild(start);
    return node;
  }
  function takeOver(proposalId, holder) {
    return request("take_over", { proposal_id: proposalId, holder: holder }).then(function () {
      // One request after the other: the message must not be raced by a queue reload.
      return openProposal(proposalId).then(loadQueue).then(function () {
        say(interpolate(gettext("You hold this proposal now, taken over from {holder}."), { holder: holder }));
      });
    }).catch(function (error) {
      say(error.message, true);
      if (error.status === 409) { loadQueue(); }   // someone changed the claim: show who holds it now
    });
  }

  // ---- the workspace -----------------------------------------------------------------------------
  function openProposal(proposalId) {
    return request("workspace", undefined, "proposal_id=" + encodeURIComponent(proposalId) +
        "&number_locale=" + encodeURIComponent(who.tag)).then(function (data) {
      state.proposal = proposalId; state.workspace = data; renderWorkspace(data);
    }).catch(function (error) { say(error.message, true); });
  }
  function changesNode(section) {
    var node = h("p", { "class": "puentes-review__changes" });
    section.changes.forEach(function (change) {
      var op = change[0], text = change[1];
      if (op === "insert") {
        node.appendChild(h("ins", {}, [h("span", { "class": "puentes-review__sr", text: gettext("added:") + " " }), text]));
      } else if (op === "delete") {
        node.appendChild(h("del", {}, [h("span", { "class": "puentes-review__sr", text: gettext("removed:") + " " }), text]));
      } else { node.appendChild(document.createTextNode(text)); }
    });
    return node;
  }
  function renderWorkspace(data) {
    var draft = data.draft || { levels: {}, section_comments: {}, overall_comment: "", decision: "", reason: "" };
    var holding = data.claim && data.claim.live && data.claim.mine;
    var title = data.title || interpolate(gettext("Proposal #{number}"), { number: data.proposal_id });
    workspaceNode.textContent = "";
    workspaceNode.hidden = false;
    var heading = h("h4", { tabindex: "-1", "class": "puentes-review__heading" }, [
      interpolate(gettext("{title}, version {version}"), { title: title, version: data.version })]);
    workspaceNode.appendChild(heading);
    workspaceNode.appendChild(h("p", {}, [
      interpolate(gettext("Team: {team}. Status: {status}. Submitted {when}."), {
        team: data.team.join(", "), status: args.statuses[data.status] || data.status, when: when(data.submitted_at)
      })]));
    var claimText = !data.claim ? gettext("Nobody holds this proposal. Claim it to review it.")
      : holding ? interpolate(gettext("You hold this proposal until {until}."), { until: when(data.claim.expires_at) })
        : data.claim.live ? interpolate(gettext("{holder} holds this proposal until {until}."),
          { holder: data.claim.holder, until: when(data.claim.expires_at) })
          : interpolate(gettext("{holder}'s claim ran out: any tutor may claim it."), { holder: data.claim.holder });
    workspaceNode.appendChild(h("p", { "class": "puentes-review__claim" }, [claimText]));
    var waiting = ["submitted", "resubmitted", "in_review"].indexOf(data.status) >= 0;
    if (waiting && args.is_staff && data.claim && data.claim.live && !holding) {
      workspaceNode.appendChild(takeOverControl(data.proposal_id, title, data.claim.holder));
    } else if (!holding && waiting) {
      workspaceNode.appendChild(h("button", {
        type: "button", "class": "puentes-review__button", "data-action": "claim-here",
        onclick: function () { claimProposal(data.proposal_id); }
      }, [gettext("Claim this proposal")]));
    }
    if (data.previous_version) {
      workspaceNode.appendChild(h("p", { "class": "puentes-review__muted" }, [interpolate(
        gettext("Changes since version {previous} are marked: added words underlined, removed words struck through."),
        { previous: data.previous_version })]));
    }
    var form = h("form", { "class": "puentes-review__form", novalidate: true });
    data.sections.forEach(function (section) {
      var commentId = "puentes-comment-" + data.proposal_id + "-" + section.id;
      var body = [h("h5", { text: section.title })];
      if (data.previous_version && section.changed) {
        body.push(h("p", { "class": "puentes-review__changed", text: gettext("Changed in this version") }));
        body.push(changesNode(section));
      } else {
        if (data.previous_version) {
          body.push(h("p", { "class": "puentes-review__muted", text: gettext("Unchanged since the previous version") }));
        }
        body.push(h("div", { "class": "puentes-review__answer", text: section.text || gettext("(no answer)") }));
      }
      body.push(h("label", { "for": commentId, text: interpolate(gettext("Comment on {section}"), { section: section.title }) }));
      body.push(h("textarea", { id: commentId, name: "section:" + section.id, rows: "2", disabled: !holding }));
      form.appendChild(h("section", { "class": "puentes-review__section", "data-section": section.id }, body));
    });
    if (data.attachments.length) {
      form.appendChild(h("h5", { text: gettext("Attached files") }));
      form.appendChild(h("ul", {}, data.attachments.map(function (file) {
        var query = "proposal_id=" + data.proposal_id + "&attachment_id=" + file.id;
        return h("li", {}, [h("a", { href: runtime.handlerUrl(root, "attachment", "", query), download: file.name,
          text: file.name })]);
      })));
    }
    form.appendChild(rubricNode(holding));
    form.appendChild(h("label", { "for": "puentes-overall-" + data.proposal_id, text: gettext("Overall comment to the team") }));
    form.appendChild(h("textarea", { id: "puentes-overall-" + data.proposal_id, name: "overall_comment", rows: "4",
      disabled: !holding }));
    var decisions = h("fieldset", { "class": "puentes-review__decision" }, [h("legend", { text: gettext("Decision") })]);
    Object.keys(args.decisions).forEach(function (decision) {
      decisions.appendChild(h("label", {}, [h("input", { type: "radio", name: "decision", value: decision,
        disabled: !holding }), " " + args.decisions[decision]]));
    });
    form.appendChild(decisions);
    form.appendChild(h("label", { "for": "puentes-reason-" + data.proposal_id,
      text: gettext("Reason (required to mark as ineligible)") }));
    form.appendChild(h("textarea", { id: "puentes-reason-" + data.proposal_id, name: "reason", rows: "2",
      disabled: !holding }));
    form.appendChild(h("p", { "class": "puentes-review__points", "aria-live": "polite" }));
    form.appendChild(h("div", { "class": "puentes-review__actions" }, [
      h("button", { type: "button", "class": "puentes-review__button", "data-action": "save-draft", disabled: !holding,
        onclick: function () { saveDraft(form); } }, [gettext("Save draft")]),
      h("button", { type: "submit", "class": "puentes-review__button puentes-review__button--primary",
        "data-action": "send", disabled: !holding }, [gettext("Send review to the team")])
    ]));
    form.addEventListener("submit", function (event) { event.preventDefault(); sendReview(form); });
    form.addEventListener("change", function () { showPoints(form); });
    workspaceNode.appendChild(form);
    if (data.reviews.length) { workspaceNode.appendChild(pastReviews(data.reviews)); }
    fillForm(form, draft);
    showPoints(form);
    heading.focus();
  }
  function rubricNode(holding) {
    var node = h("fieldset", { "class": "puentes-review__rubric" }, [h("legend", { text: gettext("Rubric") })]);
    args.rubric.forEach(function (criterion) {
      var group = h("fieldset", { "class": "puentes-review__criterion", "data-criterion": criterion.id }, [
        h("legend", { text: criterion.label }),
        criterion.description ? h("p", { "class": "puentes-review__muted", text: criterion.description }) : null]);
      criterion.levels.forEach(function (level) {
        group.appendChild(h("label", { "class": "puentes-review__level" }, [
          h("input", { type: "radio", name: "level:" + criterion.id, value: level.id, disabled: !holding }),
          h("strong", { text: " " + level.label + " (" + interpolate(ngettext("{points} point", "{points} points", level.points), { points: count(level.points) }) + ")" }),
          h("span", { "class": "puentes-review__level-text", text: " " + level.description })]));
      });
      node.appendChild(group);
    });
    return node;
  }
  function fillForm(form, draft) {
    Object.keys(draft.levels || {}).forEach(function (criterion) {
      var input = form.querySelector("input[name='level:" + criterion + "'][value='" + draft.levels[criterion] + "']");
      if (input) { input.checked = true; }
    });
    Object.keys(draft.section_comments || {}).forEach(function (section) {
      var area = form.elements["section:" + section];
      if (area) { area.value = draft.section_comments[section]; }
    });
    form.elements.overall_comment.value = draft.overall_comment || "";
    form.elements.reason.value = draft.reason || "";
    Array.prototype.forEach.call(form.querySelectorAll("input[name=decision]"), function (input) {
      input.checked = input.value === draft.decision;
    });
  }
  function readForm(form) {
    var review = { proposal_id: state.proposal, levels: {}, section_comments: {}, decision: "" };
    Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]:checked"), function (input) {
      if (input.name.indexOf("level:") === 0) { review.levels[input.name.slice(6)] = input.value; }
      if (input.name === "decision") { review.decision = input.value; }
    });
    Array.prototype.forEach.call(form.querySelectorAll("textarea[name^='section:']"), function (area) {
      if (area.value.trim()) { review.section_comments[area.name.slice(8)] = area.value; }
    });
    review.overall_comment = form.elements.overall_comment.value;
    review.reason = form.elements.reason.value;
    return review;
  }
  function showPoints(form) {
    var review = readForm(form), earned = 0, possible = 0;
    args.rubric.forEach(function (criterion) {
      var best = 0;
      criterion.levels.forEach(function (level) {
        best = Math.max(best, level.points);
        if (review.levels[criterion.id] === level.id) { earned += level.points; }
      });
      possible += best;
    });
    form.querySelector(".puentes-review__points").textContent = interpolate(
      gettext("Score so far: {earned} of {possible} points."), { earned: earned, possible: possible });
  }
  // Every problem beside its field (the rubric, the decision, a comment), a summary on top, focus on the first
  // (puentes_core errors.js); what the tutor chose and wrote stays as it is.
  function showProblems(form, error) {
    var problems = (error.data && error.data.problems) || {};
    var summary = form.querySelector(".puentes-review__errors");
    if (!summary) { summary = form.insertBefore(h("div", { "class": "puentes-review__errors" }), form.firstChild); }
    window.PuentesErrors.clear(form);
    var list = Object.keys(problems).map(function (field) {
      var target = field === "rubric" ? form.querySelector(".puentes-review__rubric")
        : field === "decision" ? form.querySelector(".puentes-review__decision") : form.elements[field];
      return { field: target && target.nodeType === 1 ? target : null, message: problems[field] };
    });
    if (!list.length) { say(error.message, true); return; }
    say("");
    window.PuentesErrors.show(summary, list, args.core.errors);
  }
  function saveDraft(form) {
    say(gettext("Saving…"));
    return request("save_draft", readForm(form)).then(function () {
      say(gettext("Draft saved. The team sees nothing until you send it."));
    }).catch(function (error) { showProblems(form, error); });
  }
  function sendReview(form) {
    say(gettext("Sending…"));
    return request("send_review", readForm(form)).then(function (result) {
      say(interpolate(gettext("Review sent: {decision}. The team has been told."),
        { decision: args.decisions[result.decision] || result.decision }));
      workspaceNode.hidden = true;
      return loadQueue();
    }).catch(function (error) { showProblems(form, error); });
  }
  function pastReviews(reviews) {
    return h("section", { "class": "puentes-review__past" }, [h("h5", { text: gettext("Reviews sent before") })].concat(
      reviews.map(function (review) {
        return h("div", { "class": "puentes-review__past-review" }, [
          h("p", { text: interpolate(gettext("Version {version}, {tutor}, {when}: {decision}"), {
            version: review.version, tutor: review.tutor, when: when(review.sent_at),
            decision: args.decisions[review.decision] || review.decision }) }),
          review.overall_comment ? h("p", { "class": "puentes-review__quote", text: review.overall_comment }) : null
        ]);
      })));
  }

  // ---- course staff ------------------------------------------------------------------------------
  function loadWorkload() {
    var panel = box.querySelector("[data-panel=workload]");
    if (!panel) { return; }
    panel.querySelector(".puentes-review__export").href = runtime.handlerUrl(root, "export_reviews", "", "");
    return request("workload").then(function (data) {
      var body = panel.querySelector(".puentes-review__workload tbody");
      body.textContent = "";
      if (!data.tutors.length) {
        body.appendChild(h("tr", {}, [h("td", { colspan: "5", text: gettext("No tutor has claimed a proposal yet.") })]));
      }
      data.tutors.forEach(function (row) {
        body.appendChild(h("tr", {}, [h("th", { scope: "row", text: row.username }), h("td", { text: count(row.reviewed) }),
          h("td", { text: count(row.waiting) }),
          h("td", { text: row.median_hours === null ? "—" : window.PuentesNumbers.format(row.median_hours, who.tag, { maximumFractionDigits: 1 }) }),
          h("td", { text: count(row.overdue) })]));
      });
      labelCells(body);
      var list = panel.querySelector(".puentes-review__tutors");
      list.textContent = "";
      data.assignments.forEach(function (row) {
        var scope = row.countries.concat(row.cohorts).join(", ");
        list.appendChild(h("li", { text: row.username + (scope ? " — " + scope : "") }));
      });
    }).catch(function (error) { say(error.message, true); });
  }
  var assignForm = box.querySelector(".puentes-review__assign");
  if (assignForm) {
    assignForm.addEventListener("submit", function (event) {
      event.preventDefault();
      request("assign_tutor", { username: assignForm.elements.username.value,
        countries: assignForm.elements.countries.value, cohorts: assignForm.elements.cohorts.value })
        .then(function () { say(gettext("Tutor saved.")); assignForm.reset(); loadWorkload(); })
        .catch(function (error) { say(error.message, true); });
    });
  }

  renderQueue();
}
