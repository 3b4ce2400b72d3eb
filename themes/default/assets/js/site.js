// Progressive enhancement for the default theme. Everything works without this file; the CSP allows
// only 'self' scripts, so nothing here uses eval, inline handlers or style attributes.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');

  // 1. Mobile navigation toggle.
  function setupNavToggle() {
    var toggle = document.querySelector('.nav-toggle');
    var nav = document.getElementById('site-nav');
    if (!toggle || !nav) return;
    toggle.hidden = false;
    function setOpen(open) {
      nav.classList.toggle('is-open', open);
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    toggle.addEventListener('click', function () {
      setOpen(toggle.getAttribute('aria-expanded') !== 'true');
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && nav.classList.contains('is-open')) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  // 2. Table of contents: mark the section being read with aria-current.
  function setupTocHighlight() {
    var links = Array.prototype.slice.call(document.querySelectorAll('.toc__link[href^="#"]'));
    if (!links.length || !('IntersectionObserver' in window)) return;
    var byId = {};
    var headings = [];
    links.forEach(function (link) {
      var id = decodeURIComponent(link.getAttribute('href').slice(1));
      var heading = document.getElementById(id);
      if (heading) { byId[id] = link; headings.push(heading); }
    });
    if (!headings.length) return;
    var visible = {};
    function update() {
      var current = null;
      for (var i = 0; i < headings.length; i++) {
        if (visible[headings[i].id]) { current = headings[i].id; break; }
      }
      if (!current) {
        // Nothing in view: the last heading above the viewport is the section being read.
        for (var j = 0; j < headings.length; j++) {
          if (headings[j].getBoundingClientRect().top < 0) current = headings[j].id;
        }
      }
      links.forEach(function (l) { l.removeAttribute('aria-current'); });
      if (current && byId[current]) byId[current].setAttribute('aria-current', 'true');
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { visible[e.target.id] = e.isIntersecting; });
      update();
    }, { rootMargin: '0px 0px -60% 0px' });
    headings.forEach(function (h) { observer.observe(h); });
  }

  // 3. Copy-link buttons on article headings.
  function setupHeadingLinks() {
    var headings = document.querySelectorAll('.prose h2[id], .prose h3[id]');
    if (!headings.length) return;
    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    document.body.appendChild(status);
    Array.prototype.forEach.call(headings, function (h) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'heading-anchor';
      button.textContent = '#';
      button.setAttribute('aria-label', 'Copy link to section: ' + h.textContent.trim());
      button.addEventListener('click', function () {
        var url = location.href.split('#')[0] + '#' + h.id;
        if (history.replaceState) history.replaceState(null, '', '#' + h.id);
        function done() {
          button.classList.add('is-copied');
          status.textContent = 'Link copied';
          setTimeout(function () { button.classList.remove('is-copied'); status.textContent = ''; }, 2000);
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(done, function () { location.hash = h.id; });
        } else {
          location.hash = h.id;
        }
      });
      h.appendChild(button);
    });
  }

  // 4. Article content fixes that need the DOM: keyboard access to wide tables and code blocks, and
  //    accessible names for task-list checkboxes (Markdig renders them without a label).
  function setupContentA11y() {
    Array.prototype.forEach.call(document.querySelectorAll('.prose pre, .prose table'), function (el) {
      if (el.scrollWidth > el.clientWidth && !el.hasAttribute('tabindex')) {
        el.setAttribute('tabindex', '0');
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll('.prose .task-list-item > input[type="checkbox"]'), function (box) {
      if (!box.hasAttribute('aria-label')) box.setAttribute('aria-label', box.parentNode.textContent.trim());
    });
  }

  function init() {
    setupContentA11y();
    setupNavToggle();
    setupTocHighlight();
    setupHeadingLinks();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
