// "Was this helpful?" without leaving the page. Without script the form posts and the server redirects back.
(function () {
  'use strict';
  var box = document.querySelector('[data-feedback]');
  if (!box || !window.fetch) return;
  var form = box.querySelector('[data-feedback-form]');
  var thanks = box.querySelector('[data-feedback-thanks]');
  var path = box.getAttribute('data-path');
  var key = 'kb.voted:' + path;

  function done() {
    form.hidden = true;
    thanks.hidden = false;
  }

  try {
    if (window.localStorage.getItem(key) || /[?&]voted=/.test(window.location.search)) done();
  } catch (e) { /* storage blocked: ask again */ }

  form.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (!button) return; // very old browsers: let the form post
    event.preventDefault();
    var comment = form.querySelector('textarea').value.trim();
    fetch('/api/v1/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ path: path, helpful: button.value === 'yes', comment: comment || null })
    }).then(function (response) {
      if (response.ok) {
        try { window.localStorage.setItem(key, '1'); } catch (e) { /* fine */ }
        done();
      } else {
        thanks.hidden = false;
        thanks.textContent = response.status === 429 ? 'Too many votes from here; try again in a minute.' : 'Your vote could not be saved.';
      }
    });
  });
})();
