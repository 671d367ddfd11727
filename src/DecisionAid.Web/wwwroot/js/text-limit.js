// A text over its field's data-max-length is held back before the form is sent, with its length and the limit:
// nothing typed is cut or lost (the field has no maxlength that would drop pasted words without a word). The note
// under the field counts as the person types. The server checks again; this only saves the round trip.
document.querySelectorAll('[data-max-length]').forEach(field => {
  const max = Number(field.dataset.maxLength);
  const note = document.getElementById(field.id + '-limit');
  // Numbers grouped as the page's language groups them (data-group "," from data-group-from 1000: 2,000).
  const group = field.dataset.group || '';
  const from = Number(field.dataset.groupFrom || 0);
  const number = n => group && from > 0 && n >= from ? String(n).replace(/\B(?=(\d{3})+$)/g, group) : String(n);
  // Templates as the site's texts hold them: {0} is the count, {1} the limit.
  const fill = (template, count) => template.replace('{0}', number(count)).replace('{1}', number(max));
  const check = () => {
    const count = field.value.length; // as the server counts
    const over = count > max;
    field.setCustomValidity(over ? fill(field.dataset.over, count) : '');
    if (note) {
      note.textContent = fill(over ? field.dataset.over : field.dataset.count, count);
      note.classList.toggle('field-problem', over);
    }
  };
  field.addEventListener('input', check);
  check();
});
