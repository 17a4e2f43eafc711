/* Numbers (and moments) as the reader types and reads them, with the browser's Intl.
   The same rules as puentes_core/numbers.py (the server decides; this shows totals as people type):
   the reader's locale is the first browser language in the page's language that names a country;
   without one, a text is read in each convention the server lists, and two readings mean "ambiguous". */
var PuentesNumbers = (function () {
  "use strict";

  function language(tag) { return String(tag || "").split(/[-_]/)[0].toLowerCase(); }
  function country(tag) { var part = String(tag || "").split(/[-_]/)[1] || ""; return /^[A-Za-z]{2}$/.test(part) ? part : ""; }

  /* {tag, conventions}: `page` is the page's language ("es-419"), `fallback` the server's list of
     convention locales for a reader whose browser names no country. */
  function reader(page, fallback) {
    var wanted = language(page);
    var preferred = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language];
    for (var i = 0; i < preferred.length; i++) {
      if (language(preferred[i]) === wanted && country(preferred[i])) {
        return { tag: preferred[i], conventions: [preferred[i]] };
      }
    }
    var tag = String(page || "en").replace("_", "-");
    return { tag: tag, conventions: (fallback && fallback.length) ? fallback : [tag] };
  }

  var symbolCache = {};
  function symbols(tag) {
    if (!symbolCache[tag]) {
      var found = { decimal: ".", group: "," };
      new Intl.NumberFormat(tag, { useGrouping: true }).formatToParts(12345.6).forEach(function (part) {
        if (part.type === "decimal" || part.type === "group") { found[part.type] = part.value; }
      });
      symbolCache[tag] = found;
    }
    return symbolCache[tag];
  }
  function escape(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* The number `text` means in one convention, or null (groups of three digits only, as Babel's strict reading). */
  function readIn(text, tag) {
    var s = symbols(tag);
    var spaceGroup = /^\s$/.test(s.group) || s.group === "\u202f";
    var group = spaceGroup ? "[\\s\\u00a0\\u202f]" : escape(s.group);
    var shape = new RegExp("^([+-]?)(\\d{1,3}(?:" + group + "\\d{3})+|\\d+)(?:" + escape(s.decimal) + "(\\d+))?$");
    var match = shape.exec(text);
    if (!match) { return null; }
    var digits = match[2].replace(new RegExp(group, "g"), "");
    return Number(match[1] + digits + (match[3] ? "." + match[3] : ""));
  }

  /* {value} for a number, {value: null} for nothing typed, {error: "invalid"|"ambiguous", readings} otherwise. */
  function read(text, who) {
    text = String(text === null || text === undefined ? "" : text).trim();
    if (!text) { return { value: null }; }
    var readings = [];
    who.conventions.forEach(function (tag) {
      var value = readIn(text, tag);
      if (value !== null && isFinite(value) && readings.every(function (r) { return r.value !== value; })) {
        readings.push({ value: value, tag: tag });
      }
    });
    if (readings.length === 1) { return { value: readings[0].value }; }
    readings.sort(function (a, b) { return a.value - b.value; });
    return { error: readings.length ? "ambiguous" : "invalid", readings: readings };
  }

  function format(value, tag, options) {
    if (value === null || value === undefined || isNaN(value)) { return ""; }
    return new Intl.NumberFormat(tag, options || { maximumFractionDigits: 2 }).format(value);
  }
  /* As a form field shows a stored number: no thousands separator, so it reads back the same. */
  function plain(value, tag) { return format(value, tag, { useGrouping: false, maximumFractionDigits: 2 }); }
  function money(value, currency, tag) {
    return format(value, tag, { style: "currency", currency: currency || "USD", currencyDisplay: "symbol" });
  }

  /* The server's sentence for a refused text, its {placeholders} filled the way the server fills them. */
  function message(result, text, who, messages) {
    if (result.error === "ambiguous") {
      return messages.ambiguous.replace("{text}", text)
        .replace("{first}", plain(result.readings[0].value, result.readings[0].tag))
        .replace("{second}", plain(result.readings[1].value, result.readings[1].tag));
    }
    return messages.invalid.replace("{text}", text).replace("{example}", format(1234.5, who.conventions[0]));
  }

  /* A moment in the reader's own time zone, saying which ("12 mar 2027, 14:30 GMT-3"). */
  function dateTime(iso, tag) {
    var moment = new Date(iso);
    if (isNaN(moment.getTime())) { return ""; }
    return new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short" }).format(moment) + " " +
      (new Intl.DateTimeFormat(tag, { timeZoneName: "short" }).formatToParts(moment)
        .filter(function (part) { return part.type === "timeZoneName"; }).map(function (part) { return part.value; })[0] || "");
  }
  /* Every <time datetime data-local> under `root`, rewritten in the reader's zone (the server wrote UTC). */
  function localTimes(root, tag) {
    Array.prototype.forEach.call(root.querySelectorAll("time[datetime][data-local]"), function (node) {
      var text = dateTime(node.getAttribute("datetime"), tag);
      if (text) { node.textContent = text.trim(); }
    });
  }

  return { reader: reader, read: read, format: format, plain: plain, money: money, message: message,
    dateTime: dateTime, localTimes: localTimes };
}());
