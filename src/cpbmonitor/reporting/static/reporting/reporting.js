// Online reporting niceties; the server enforces the same rules on every save.
// 1. Choosing an exclusive option unticks the others; ticking another unticks it.
// 2. Questions enabled or shown by another question's answer follow it as it changes
//    (simple @hasValues / @hasValuesExcept rules on the same page only).
(function () {
  "use strict";
  var form = document.querySelector("form.report-form");
  if (!form) { return; }

  function boxes(name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]'));
  }

  form.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type === "checkbox" && input.checked) {
      boxes(input.name).forEach(function (other) {
        if (other === input) { return; }
        if (input.dataset.exclusive || other.dataset.exclusive) { other.checked = false; }
      });
    }
    applyConditions();
  });

  function chosen(key) {
    var fieldset = document.getElementById("q-" + key);
    if (!fieldset || fieldset.disabled || fieldset.hidden) { return null; }
    return boxes(key).filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
  }

  function holds(rule) {
    if (rule.kind.charAt(0) !== "@") { return null; }  // named rules: left to the server
    var values = chosen(rule.controller);
    if (values === null) { return rule.controller && !document.getElementById("q-" + rule.controller) ? null : false; }
    var hit = values.some(function (v) { return rule.any || rule.values.indexOf(v) >= 0; });
    if (rule.kind === "@hasValues") { return values.length > 0 && hit; }
    if (rule.kind === "@hasValuesExcept") { return !hit; }
    return null;
  }

  function gate(rules, trigger) {
    var mine = rules.filter(function (r) { return r.trigger === trigger; });
    if (!mine.length) { return true; }
    var results = mine.map(holds);
    if (results.indexOf(null) >= 0) { return null; }
    return results.indexOf(true) >= 0;
  }

  function applyConditions() {
    var editable = !!form.querySelector('button[name="go"]');
    if (!editable) { return; }
    form.querySelectorAll("fieldset[data-conditions]").forEach(function (fieldset) {
      var rules = JSON.parse(fieldset.dataset.conditions);
      var enabled = gate(rules, "enable");
      var visible = gate(rules, "visible");
      if (enabled === null || visible === null) { return; }
      fieldset.hidden = !visible;
      fieldset.disabled = !(enabled && visible);
      fieldset.classList.toggle("inactive", fieldset.disabled);
    });
  }
}());
