// The waiting-room tablet. A page the browser brings back from memory (the back button) is loaded again, so it shows
// only what the server allows now. After the practice's idle time without a touch, or "I'm finished", the patient's
// session ends and the tablet shows its welcome screen; touches tell the server the patient is still there. The idle
// time is measured from the clock, not by one timer, so a tablet that slept ends the session as soon as it wakes.
(function () {
  'use strict';
  window.addEventListener('pageshow', function (event) { if (event.persisted) window.location.reload(); });
  var bar = document.querySelector('.tablet-bar');
  var form = document.getElementById('tablet-finish');
  if (!bar || !form) return;
  var idle = Math.max(1, parseInt(bar.getAttribute('data-idle-seconds'), 10) || 300) * 1000;
  var lastTouch = Date.now();
  var lastPing = Date.now();
  var finishing = false;

  function finish() {
    if (finishing) return;
    finishing = true;
    var reason = document.createElement('input');
    reason.type = 'hidden';
    reason.name = 'reason';
    reason.value = 'idle';
    form.appendChild(reason);
    form.submit();
  }

  function check() {
    if (Date.now() - lastTouch >= idle) finish();
  }

  function ping() {
    if (!window.fetch || !window.FormData) return;
    fetch('/tablet?handler=Ping', { method: 'POST', body: new FormData(form), credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) { if (response.status === 404) window.location.replace('/tablet'); })
      .catch(function () { });
  }

  function touched() {
    check(); // a touch after the idle time does not bring the last patient back
    if (finishing) return;
    lastTouch = Date.now();
    if (lastTouch - lastPing > 30000) {
      lastPing = lastTouch;
      ping();
    }
  }

  // Links that would leave the packet (sources on other sites, other aids) stay put on the tablet: outside the packet
  // no timer runs, and the next person could find the last patient's pages behind the back button.
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href]') : null;
    if (!link) return;
    var url = new URL(link.href, window.location.href);
    var inside = url.origin === window.location.origin && /^\/(packet|tablet)(\/|$|\?)/.test(url.pathname + url.search);
    if (!inside && !(url.origin === window.location.origin && url.pathname === window.location.pathname)) event.preventDefault();
  });

  ['pointerdown', 'keydown', 'scroll', 'touchstart', 'input'].forEach(function (type) {
    window.addEventListener(type, touched, { passive: true });
  });
  document.addEventListener('visibilitychange', check);
  window.addEventListener('focus', check);
  setInterval(check, 1000);
})();
