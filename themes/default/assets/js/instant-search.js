/* Instant search: titles as you type under every search box, from /api/v1/autocomplete.
   Progressive enhancement: without JavaScript the box is a plain GET form to /search.
   ARIA combobox pattern: arrow keys move through suggestions, Enter opens one, Escape closes. */
(function () {
  'use strict';

  var DELAY_MS = 120;

  function setup(input) {
    var form = input.form;
    var list = document.createElement('ul');
    var listId = input.id + '-suggestions';
    list.id = listId;
    list.className = 'instant-search';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggested articles');
    list.hidden = true;
    form.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('aria-expanded', 'false');

    var timer = null;
    var active = -1;
    var latest = 0;

    function close() {
      list.hidden = true;
      list.textContent = '';
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function highlight(index) {
      var items = list.querySelectorAll('[role="option"]');
      if (items.length === 0) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) { item.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
      input.setAttribute('aria-activedescendant', items[active].id);
    }

    function show(results) {
      list.textContent = '';
      active = -1;
      if (results.length === 0) { close(); return; }
      results.forEach(function (result, i) {
        // The link itself is the option (inside a presentational item): an option may not hold a focusable link
        // (axe nested-interactive), and a real href keeps middle-click and "open in new tab".
        var item = document.createElement('li');
        item.setAttribute('role', 'none');
        var link = document.createElement('a');
        link.id = listId + '-' + i;
        link.setAttribute('role', 'option');
        link.setAttribute('aria-selected', 'false');
        link.href = result.url;
        link.textContent = result.title; // text, never HTML
        link.tabIndex = -1;
        item.appendChild(link);
        if (result.internal) {
          var badge = document.createElement('span');
          badge.className = 'badge-internal';
          badge.textContent = 'Internal';
          link.appendChild(document.createTextNode(' '));
          link.appendChild(badge);
        }
        list.appendChild(item);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      var request = ++latest;
      fetch('/api/v1/autocomplete?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (request === latest) show(data.results || []); })
        .catch(function () { /* offline or server busy: the plain form still works */ });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener('keydown', function (e) {
      if (list.hidden) return;
      if (e.key === 'ArrowDown') { e.preventDefault(); highlight(active + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active - 1); }
      else if (e.key === 'Escape') { close(); }
      else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault();
        window.location.href = list.querySelectorAll('[role="option"]')[active].href;
      }
    });

    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  function init() {
    document.querySelectorAll('form[role="search"] input[name="q"]').forEach(setup);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
