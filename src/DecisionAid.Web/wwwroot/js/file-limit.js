// A file over its input's data-max-bytes is refused before the form is sent, so nothing typed is lost and no
// over-size request leaves the browser. The server checks again (this only saves the round trip).
document.querySelectorAll('input[type=file][data-max-bytes]').forEach(input => {
  input.addEventListener('change', () => {
    const max = Number(input.dataset.maxBytes);
    const file = input.files && input.files[0];
    const message = file && file.size > max
      ? input.dataset.tooLarge.replace('{size}', Math.ceil(file.size / 1024)).replace('{limit}', Math.floor(max / 1024))
      : '';
    input.setCustomValidity(message);
    const note = document.getElementById(input.id + '-problem');
    if (note) note.textContent = message;
    if (message) input.reportValidity();
  });
});
