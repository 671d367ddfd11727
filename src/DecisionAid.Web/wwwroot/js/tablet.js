// The waiting-room tablet. A page the browser brings back from memory (the back button) is loaded again, so it shows
// only what the server allows now. After the practice's idle time without a touch, or "I'm finished", the patient's
// session ends and the tablet shows its welcome screen; touches tell the server the patient is still there.
(function () {
  'use strict';
  window.addEventListener('pageshow', function (event) { if (event.persisted) window.location.reload(); });
  var bar = document.querySelector('.tablet-bar');
  var form = document.getElementById('tablet-finish');
  if (!bar || !form) return;
  var idle = parseInt(bar.getAttribute('data-idle-seconds'), 10) * 1000;
  var timer = null;
  var lastPing = Date.now();

  function finish() {
    var reason = document.createElement('input');
    reason.type = 'hidden';
    reason.name = 'reason';
    reason.value = 'idle';
    form.appendChild(reason);
    form.submit();
  }

  function ping() {
    if (!window.fetch || !window.FormData) return;
    fetch('/tablet?handler=Ping', { method: 'POST', body: new FormData(form), credentials: 'same-origin', redirect: 'manual' }).catch(function () { });
  }

  function touched() {
    clearTimeout(timer);
    timer = setTimeout(finish, idle);
    if (Date.now() - lastPing > 30000) {
      lastPing = Date.now();
      ping();
    }
  }

  ['pointerdown', 'keydown', 'scroll', 'touchstart', 'input'].forEach(function (type) {
    window.addEventListener(type, touched, { passive: true });
  });
  touched();
})();
