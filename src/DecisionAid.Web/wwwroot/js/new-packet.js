// The new-packet form: the choices under the aid list follow the list at once (the server sends the chosen aid's
// choices), so what is on screen is always the chosen aid's. Without script, "Show this aid's choices" does it, and
// the server refuses a packet whose choices were shown for another aid.
(() => {
  const form = document.getElementById('new-packet');
  if (!form) return;
  const list = document.getElementById('aid');
  const choices = document.getElementById('aid-choices');
  document.getElementById('choose-aid').hidden = true;
  let asked = 0;
  list.addEventListener('change', async () => {
    const mine = ++asked;
    choices.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(list.dataset.choicesUrl + encodeURIComponent(list.value), { credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      const html = await response.text();
      if (mine === asked) choices.innerHTML = html; // a slower answer for an earlier choice never wins
    } catch {
      document.getElementById('choose-aid').hidden = false; // fall back to the server round trip
    } finally {
      if (mine === asked) choices.removeAttribute('aria-busy');
    }
  });
  const problems = document.getElementById('form-problems');
  if (problems) problems.focus();
})();
