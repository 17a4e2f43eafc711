/* The analysts' page: while a report is built, show its stage and progress; then link its files.
   Every text comes translated from the server (the status answer). */
(function () {
  "use strict";
  var section = document.querySelector(".pa-report");
  var url = section && section.getAttribute("data-status-url");
  if (!url) { return; }
  var box = section.querySelector(".pa-progress"), bar = box.querySelector("progress");
  var stage = box.querySelector(".pa-stage"), files = box.querySelector(".pa-files"), error = box.querySelector(".pa-error");
  function show(status) {
    box.hidden = false;
    bar.value = status.percent;
    stage.textContent = status.stage + " — " + new Intl.NumberFormat(document.documentElement.lang, { style: "percent" }).format(status.percent / 100);
    files.textContent = "";
    Object.keys(status.files).forEach(function (name) {
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = status.files[name]; link.textContent = status.labels[name] || name;
      item.appendChild(link); files.appendChild(item);
    });
    error.textContent = status.error || "";
    return status.state === "queued" || status.state === "running";
  }
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (status) { if (show(status)) { window.setTimeout(poll, 1500); } },
            function () { window.setTimeout(poll, 5000); });
  }
  poll();
}());
