/* The demo's XBlock JavaScript runtime (version 1): handler URLs, children, notify.
   Plain JavaScript; blocks get their DOM element, as in the LMS. */
(function () {
  "use strict";
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  var runtime = {
    handlerUrl: function (element, handlerName, suffix, query) {
      var node = element.jquery ? element[0] : element;
      var usage = node.getAttribute("data-usage-id");
      // The LMS, Studio's editor and Studio's preview each answer at their own URL (data-handler-base).
      var holder = node.closest("[data-handler-base]");
      var base = holder ? holder.getAttribute("data-handler-base") : "/handler/";
      var url = base + encodeURIComponent(usage) + "/" + handlerName + "/" + (suffix || "");
      return query ? url + "?" + query : url;
    },
    children: function (element) { return (element.jquery ? element[0] : element).xblockChildren || []; },
    notify: function (name, data) {
      document.dispatchEvent(new CustomEvent("xblock-notify", { detail: { name: name, data: data } }));
      if (name === "save" && data && data.state === "end") { window.location.reload(); }
      if (name === "error") { window.alert((data && data.message) || "Error"); }
      if (name === "cancel") { window.history.back(); }
    },
    csrfToken: csrfToken
  };
  window.PuentesDemoRuntime = runtime;

  function initialize(element) {
    var name = element.getAttribute("data-init");
    var init = window[name];
    if (typeof init !== "function") { return; }
    var argsNode = null;
    for (var i = 0; i < element.children.length; i++) {
      if (element.children[i].classList.contains("xblock_json_init_args")) { argsNode = element.children[i]; }
    }
    var args = argsNode ? JSON.parse(argsNode.textContent || "{}") : {};
    init(runtime, element, args);
    element.setAttribute("data-initialized", "true");
  }

  // Studio editors from xblock.utils expect jQuery's $.ajax to send the CSRF token.
  if (window.jQuery) {
    window.jQuery.ajaxSetup({ headers: { "X-CSRFToken": csrfToken() } });
  }
  function start() {
    // XBlock 6 wraps blocks in "xblock-v1" divs (the LMS: "xblock"); initialise either.
    var blocks = document.querySelectorAll(".xblock[data-init], .xblock-v1[data-init]");
    for (var i = blocks.length - 1; i >= 0; i--) { initialize(blocks[i]); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
