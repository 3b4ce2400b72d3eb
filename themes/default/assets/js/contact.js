// Suggested articles as the visitor types (debounced). Without script, "Find answers" posts the form and the
// server lists the same suggestions.
(function () {
  'use strict';
  var form = document.querySelector('[data-contact-form]');
  if (!form || !window.fetch) return;
  var section = form.querySelector('[data-contact-suggestions]');
  var list = form.querySelector('[data-contact-suggestion-list]');
  var subject = form.elements.subject;
  var description = form.elements.description;
  var category = form.elements.category;
  // One visit per tab: coming back to this page after opening a suggestion continues the same visit, so sending
  // a request afterwards is not counted as a deflection.
  var session = form.elements.session.value;
  try {
    var kept = window.sessionStorage.getItem('kb.contact.session');
    if (kept && /^[0-9a-f]{32}$/.test(kept)) {
      session = kept;
      form.elements.session.value = kept;
    } else {
      window.sessionStorage.setItem('kb.contact.session', session);
    }
  } catch (e) { /* storage blocked: this page's id */ }
  var timer = null;
  var latest = 0;

  function render(results) {
    list.textContent = '';
    results.forEach(function (r) {
      var item = document.createElement('li');
      item.className = 'contact-suggestion';
      var link = document.createElement('a');
      link.className = 'contact-suggestion__link';
      link.href = r.url;
      link.textContent = r.title;
      var snippet = document.createElement('p');
      snippet.className = 'contact-suggestion__snippet';
      snippet.innerHTML = r.snippet; // escaped by the server, only <mark> added
      item.appendChild(link);
      item.appendChild(snippet);
      list.appendChild(item);
    });
    section.hidden = results.length === 0;
  }

  function update() {
    var text = (subject.value + ' ' + description.value).trim();
    if (text.length < 3) { render([]); return; }
    var request = ++latest;
    var query = new URLSearchParams({ session: session, subject: subject.value, description: description.value.slice(0, 2000), category: category.value });
    fetch('/contact/suggestions?' + query.toString(), { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (request === latest) render(data.results || []); })
      .catch(function () { /* keep what is shown */ });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 300);
  }

  subject.addEventListener('input', schedule);
  description.addEventListener('input', schedule);
  category.addEventListener('change', schedule);
  var find = form.querySelector('[data-contact-find]');
  if (find) find.hidden = true;
  if (subject.value || description.value) update(); // links rendered by the server carry this page's id
})();
