// A "Copy code" button above every code block of an article. Progressive enhancement: without this file the code is
// still there to select. The CSP allows only 'self' scripts, so no inline handlers, eval or style attributes here.
(function () {
  'use strict';
  var blocks = document.querySelectorAll('.prose pre > code');
  if (!blocks.length) return;

  // One polite live region for the page: a focused button's new text is not reliably announced by itself.
  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  document.body.appendChild(status);

  function announce(message) {
    status.textContent = '';
    // A fresh text node after a tick, so the same message twice is announced twice.
    setTimeout(function () { status.textContent = message; }, 50);
  }

  // Where the clipboard API is missing (plain http, old browsers) the code is selected, ready for Ctrl+C.
  function select(code) {
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function language(code) {
    for (var i = 0; i < code.classList.length; i++) {
      var name = code.classList[i];
      if (name.indexOf('language-') === 0) return name.slice('language-'.length);
    }
    return '';
  }

  Array.prototype.forEach.call(blocks, function (code) {
    var pre = code.parentNode;
    var wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    var bar = document.createElement('div');
    bar.className = 'code-block__bar';
    var lang = language(code);
    if (lang) {
      var label = document.createElement('span');
      label.className = 'code-block__lang';
      label.textContent = lang;
      bar.appendChild(label);
    }

    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-block__copy';
    button.textContent = 'Copy code';
    bar.appendChild(button);
    pre.parentNode.insertBefore(wrapper, pre);
    wrapper.appendChild(bar);
    wrapper.appendChild(pre);

    var reset;
    function show(text, message) {
      button.textContent = text;
      announce(message);
      clearTimeout(reset);
      reset = setTimeout(function () { button.textContent = 'Copy code'; }, 2000);
    }

    function fallback() {
      select(code);
      show('Press Ctrl+C', 'Copying is not available here. The code is selected: press Ctrl+C (or Command+C) to copy it.');
    }

    button.addEventListener('click', function () {
      // The renderer ends every block with a line feed that is not part of the code.
      var text = code.textContent.replace(/\n$/, '');
      if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { show('Copied', 'Copied'); }, fallback);
      } else {
        fallback();
      }
    });
  });
})();
