// The signature pad: draws with a finger, pen or mouse (pointer events) and keeps the strokes as path commands in
// a 600 x 200 box in the form's hidden "strokes" field. The server turns them into SVG itself.
(function () {
  'use strict';
  var canvas = document.querySelector('.signature-pad canvas');
  if (!canvas || !canvas.getContext) return;
  var field = canvas.parentNode.querySelector('input[name=strokes]');
  var context = canvas.getContext('2d');
  var commands = [];
  var drawing = false;
  canvas.hidden = false;

  var clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'secondary';
  clear.textContent = canvas.getAttribute('data-clear') || 'Clear';
  canvas.parentNode.insertBefore(clear, canvas.nextSibling);
  clear.addEventListener('click', function () {
    commands = [];
    field.value = '';
    context.clearRect(0, 0, canvas.width, canvas.height);
  });

  context.lineWidth = 3;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.strokeStyle = '#111827';

  function point(event) {
    var box = canvas.getBoundingClientRect();
    var x = Math.round((event.clientX - box.left) * canvas.width / box.width);
    var y = Math.round((event.clientY - box.top) * canvas.height / box.height);
    return [Math.max(0, Math.min(canvas.width, x)), Math.max(0, Math.min(canvas.height, y))];
  }

  canvas.addEventListener('pointerdown', function (event) {
    event.preventDefault();
    if (canvas.setPointerCapture) canvas.setPointerCapture(event.pointerId);
    drawing = true;
    var p = point(event);
    commands.push('M' + p[0] + ' ' + p[1]);
    context.beginPath();
    context.moveTo(p[0], p[1]);
  });
  canvas.addEventListener('pointermove', function (event) {
    if (!drawing) return;
    var p = point(event);
    commands.push('L' + p[0] + ' ' + p[1]);
    context.lineTo(p[0], p[1]);
    context.stroke();
    field.value = commands.join(' ');
  });
  function stop() {
    drawing = false;
    field.value = commands.join(' ');
  }
  canvas.addEventListener('pointerup', stop);
  canvas.addEventListener('pointercancel', stop);
  // A refused signature: put focus on its message (beside the box), so a screen reader says it and the page shows it.
  var problem = document.getElementById('sign-problem');
  if (problem) problem.focus();
})();
