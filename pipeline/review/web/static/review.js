// planwatch review: keyboard shortcuts. Served by the app itself (CSP script-src 'self'); no dependencies.
(function () {
  "use strict";

  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  function submitWith(action) {
    var form = document.getElementById("decide-form");
    if (!form) return false;
    var button = form.querySelector('button[value="' + action + '"]');
    if (!button) return false;
    if (form.requestSubmit) {
      form.requestSubmit(button);
    } else {
      button.click();
    }
    return true;
  }

  function follow(id) {
    var link = document.getElementById(id);
    if (link && link.href) {
      window.location.assign(link.href);
      return true;
    }
    return false;
  }

  function chooseActivity(index) {
    var select = document.getElementById("activity");
    if (!select) return false;
    var keys = (select.getAttribute("data-keys") || "").split(",");
    if (index >= keys.length || !keys[index]) return false;
    select.value = keys[index];
    select.classList.add("changed");
    return true;
  }

  // On the queue page: j/k (or n) move between rows, Enter/x opens the selected one.
  var rows = [];
  var current = -1;

  function selectRow(i) {
    if (!rows.length) return false;
    current = Math.max(0, Math.min(rows.length - 1, i));
    rows[current].focus();
    return true;
  }

  function toggleHelp() {
    var help = document.getElementById("help");
    if (help) help.hidden = !help.hidden;
  }

  document.addEventListener("DOMContentLoaded", function () {
    rows = Array.prototype.slice.call(document.querySelectorAll("a.item-link"));
    var toggle = document.getElementById("help-toggle");
    if (toggle) toggle.addEventListener("click", toggleHelp);
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    var target = event.target;
    if (typing(target)) {
      if (event.key === "Escape") target.blur();
      return;
    }
    var onItem = !!document.getElementById("decide-form");
    var tag = target && target.tagName;
    var handled = false;
    switch (event.key) {
      case "x":
      case "Enter":
        if (event.key === "Enter" && (tag === "A" || tag === "BUTTON" || tag === "SUMMARY")) return;
        if (onItem) {
          handled = submitWith("confirm");
        } else if (rows.length) {
          if (current < 0) current = 0;
          window.location.assign(rows[current].href);
          handled = true;
        }
        break;
      case "r":
        handled = onItem && submitWith("reject");
        break;
      case "n":
      case "j":
        handled = onItem ? follow("next-link") : selectRow(current + 1);
        break;
      case "k":
        handled = onItem ? follow("prev-link") : selectRow(current - 1);
        break;
      case "1":
      case "2":
      case "3":
        handled = chooseActivity(parseInt(event.key, 10) - 1);
        break;
      case "u":
        var undo = document.getElementById("undo-last");
        if (undo) {
          undo.click();
          handled = true;
        }
        break;
      case "?":
        toggleHelp();
        handled = true;
        break;
      default:
        return;
    }
    if (handled) event.preventDefault();
  });
})();
