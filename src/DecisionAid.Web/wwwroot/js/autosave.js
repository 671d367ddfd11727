// Saves a patient's answer the moment they choose it: each answer form posts itself in the background and says
// "saved" beside it. Without script, the form's own button does the same with a page load.
(function () {
  'use strict';
  if (!window.fetch || !window.FormData) return;
  var forms = document.querySelectorAll('form[data-autosave]');
  var saved = document.body.getAttribute('data-saved') || 'Saved.';

  function status(form, text) {
    var note = form.querySelector('.saved');
    if (!note) {
      note = document.createElement('p');
      note.className = 'saved';
      note.setAttribute('role', 'status');
      form.appendChild(note);
    }
    note.textContent = text;
  }

  // data-state says where a save is (saving, saved, failed), for anything that must wait for it.
  function save(form) {
    form.setAttribute('data-state', 'saving');
    var data = new FormData(form);
    return fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual', headers: { 'X-Autosave': '1' } })
      .then(function (response) {
        // The server answers a saved answer with a redirect back to the packet (opaque here): both mean saved.
        // A knowledge-check answer comes back with its feedback (right or not, and why), put in place of the old one.
        if (response.ok && form.hasAttribute('data-feedback')) {
          return response.text().then(function (html) {
            var old = form.querySelector('.feedback');
            var holder = document.createElement('div');
            holder.innerHTML = html;
            var fresh = holder.querySelector('.feedback');
            if (old && fresh) old.replaceWith(fresh);
            done(form);
          });
        }
        if (response.type === 'opaqueredirect' || response.ok) done(form);
        else failed(form);
      })
      .catch(function () { failed(form); });
  }

  function done(form) {
    status(form, saved);
    form.setAttribute('data-state', 'saved');
  }

  // Not saved: say so, and bring back the form's button to try again.
  function failed(form) {
    form.classList.remove('saves-itself');
    status(form, form.getAttribute('data-failed') || '');
    form.setAttribute('data-state', 'failed');
  }

  forms.forEach(function (form) {
    // Answers chosen with a tap save themselves; a written question keeps its button as well.
    if (!form.querySelector('textarea')) form.classList.add('saves-itself');
    form.querySelectorAll('input[type=radio]').forEach(function (input) {
      input.addEventListener('change', function () { save(form); });
    });
    var timer = null;
    form.querySelectorAll('textarea').forEach(function (area) {
      area.addEventListener('input', function () {
        clearTimeout(timer);
        // Over its length limit the text is not sent: text-limit.js says so under it.
        timer = setTimeout(function () { if (area.checkValidity()) save(form); }, 1200);
      });
    });
  });
})();

// Reading time, for the practice's outcomes: every 30 seconds the packet page is open and visible, it says so
// (the server adds 30 seconds, up to a cap). Nothing else about the reader is sent.
(function () {
  'use strict';
  var token = document.querySelector('input[name=__RequestVerificationToken]');
  if (!window.fetch || !window.FormData || !token || !document.body.hasAttribute('data-reading')) return;
  setInterval(function () {
    if (document.visibilityState !== 'visible') return;
    var data = new FormData();
    data.append('__RequestVerificationToken', token.value);
    fetch('/packet?handler=Reading', { method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual' }).catch(function () { });
  }, 30000);
})();
