// Read aloud: a "Listen" button on each section of an aid reads it with the browser's own speech synthesis,
// sentence by sentence, highlighting the sentence being read. Without speech (or without script) no button shows,
// and the page works as before.
(function () {
  'use strict';
  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== 'function') return;
  var sections = document.querySelectorAll('article.aid > section, article.aid > footer');
  if (sections.length === 0) return;

  var lang = document.documentElement.lang || 'en';
  var listen = document.body.getAttribute('data-listen') || 'Listen';
  var stop = document.body.getAttribute('data-stop') || 'Stop';
  var blocks = 'h2, h3, h4, h5, p, li, dt, dd, figcaption, th, td, summary';
  var sentenceEnd = /([.!?]["')\u201d]*)\s+(?=[A-Z\u00c0-\u00de0-9"\u201c\u00bf\u00a1(])/g;
  var playing = null;

  function isLeaf(el) { return !el.querySelector(blocks); }

  // Splits a block's plain text into sentence spans once; a block with inline markup is read as one unit.
  function units(section) {
    var list = [];
    section.querySelectorAll(blocks).forEach(function (el) {
      // The words that open a closed part are a button, not something the guide says.
      if (!isLeaf(el) || el.closest('.listen') || el.matches('.disclosure > summary') || !el.textContent.trim()) return;
      var onlyText = Array.prototype.every.call(el.childNodes, function (n) { return n.nodeType === 3; });
      if (!onlyText) { list.push(el); return; }
      if (!el.hasAttribute('data-read')) {
        var parts = el.textContent.replace(sentenceEnd, '$1\u0000').split('\u0000');
        el.textContent = '';
        parts.forEach(function (part, i) {
          var span = document.createElement('span');
          span.className = 'sentence';
          span.textContent = part + (i < parts.length - 1 ? ' ' : '');
          el.appendChild(span);
        });
        el.setAttribute('data-read', '');
      }
      el.querySelectorAll('span.sentence').forEach(function (s) { list.push(s); });
    });
    return list;
  }

  function finish() {
    if (!playing) return;
    playing.button.setAttribute('aria-pressed', 'false');
    playing.button.textContent = listen;
    document.querySelectorAll('.reading').forEach(function (el) { el.classList.remove('reading'); });
    playing = null;
  }

  function speak(state, index) {
    if (playing !== state) return;
    if (index >= state.units.length) { finish(); return; }
    var unit = state.units[index];
    var utterance = new SpeechSynthesisUtterance(unit.textContent.trim());
    utterance.lang = lang;
    utterance.onstart = function () {
      document.querySelectorAll('.reading').forEach(function (el) { el.classList.remove('reading'); });
      unit.classList.add('reading');
      if (unit.scrollIntoView) unit.scrollIntoView({ block: 'nearest' });
    };
    utterance.onend = function () { unit.classList.remove('reading'); speak(state, index + 1); };
    utterance.onerror = function () { finish(); };
    synth.speak(utterance);
  }

  function toggle(button, section) {
    var wasMine = playing && playing.button === button;
    synth.cancel();
    finish();
    if (wasMine) return;
    // A part kept closed (a packet's other treatments) opens, so the sentence being read can be seen.
    section.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; });
    playing = { button: button, units: units(section) };
    button.setAttribute('aria-pressed', 'true');
    button.textContent = stop;
    speak(playing, 0);
  }

  var buttons = [];
  sections.forEach(function (section) {
    var heading = section.querySelector('h2');
    if (!heading) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'listen';
    button.textContent = listen;
    button.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-label', listen + ': ' + heading.textContent.trim());
    button.hidden = true;
    button.addEventListener('click', function () { toggle(button, section); });
    heading.insertAdjacentElement('afterend', button);
    buttons.push(button);
  });

  // Show the buttons only once the browser has a voice to speak with.
  function reveal() {
    var voices = synth.getVoices();
    if (voices && voices.length > 0) buttons.forEach(function (b) { b.hidden = false; });
  }
  reveal();
  if (synth.addEventListener) synth.addEventListener('voiceschanged', reveal);
  window.addEventListener('pagehide', function () { synth.cancel(); });
})();
