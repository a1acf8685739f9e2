// The bar's actions on the whole exam: load a file (through /v1/exam),
// export YAML or JSON, print, clear; and the status message that reports
// them, with an undo.
import { $, el } from './dom.js';
import { state, count, buildExam, toYaml, loadExam, snapshot, restore } from './exam.js';
import { post } from './server.js';
import { syncControls } from './findings.js';
import { paintChart, resetHint } from './chart.js';
import { commit } from './history.js';

let statusTimer = 0;
export function status(text, problem, undo) {
  const box = $('#status');
  clearTimeout(statusTimer);
  box.textContent = '';
  box.classList.toggle('problem', !!problem);
  if (!text) return;
  box.append(el('span', { text }));
  if (undo) box.append(el('button', { type: 'button', class: 'btn quiet', text: 'Undo', onclick: () => { status(''); undo(); } }));
  box.append(el('button', { type: 'button', class: 'close', 'aria-label': 'Dismiss this message', text: '×', onclick: () => status('') }));
  if (!problem) statusTimer = setTimeout(() => status(''), undo ? 15000 : 6000);
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
function fileName(ext) {
  const id = state.id.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return (id || 'radloc-exam') + '.' + ext;
}
export function exportAs(fmt) {
  if (!count()) { status('Nothing to export yet: the exam has no findings.', true); return; }
  const ex = buildExam();
  if (fmt === 'yaml') download(fileName('yaml'), 'application/yaml', toYaml(ex));
  else download(fileName('json'), 'application/json', JSON.stringify(ex, null, 2) + '\n');
  status('Exported ' + count() + ' findings as ' + fmt.toUpperCase() + ' (' + fileName(fmt) + ').');
}
export async function loadFile(file) {
  if (!file) return;
  let text;
  try { text = await file.text(); } catch (e) { status('Cannot read ' + file.name + ': ' + e.message, true); return; }
  try {
    const ex = await post('/v1/exam', text);
    const before = snapshot();
    loadExam(ex);
    resetHint();
    syncControls();
    paintChart();
    commit();
    status('Loaded ' + file.name + ': ' + count() + ' findings.', false, () => { restore(before); syncControls(); paintChart(); commit(); status('Load undone.'); });
  } catch (e) {
    const teaching = /unknown key '(exam|expect|source)'/.test(e.message) ? ' This looks like a teaching case: load the exam under its exam: key as a file of its own.' : '';
    /* Every problem, each where it is; a message that ends in its own
       punctuation ("did you mean 'ankle'?") gets no full stop after it. */
    const where = p => (p.line ? 'line ' + p.line + ', column ' + p.column + ': ' : '') + p.message;
    const list = e.problems.map(where).join('; ');
    const n = e.problems.length;
    status('Could not load ' + file.name + (n > 1 ? ' (' + n + ' problems)' : '') + ': ' + list +
      (/[.?!]$/.test(list) ? ' ' : '. ') + 'The exam on the page is unchanged.' + teaching, true);
  }
}
/* A new exam asks first when there is one to lose (it stays one Undo
   away, and the exam kept in this browser is replaced). */
export function clearExam() {
  const before = snapshot();
  const had = count() || state.id;
  if (had && !window.confirm('Start a new exam? The ' + count() + ' findings entered will be cleared (Undo brings them back).')) return;
  restore({ id: '', reflexScale: '', skin: new Map(), pain: new Set(), motor: new Map(), reflex: new Map(), signs: new Map() });
  resetHint();
  syncControls();
  paintChart();
  commit();
  if (had) status('Exam cleared.', false, () => { restore(before); syncControls(); paintChart(); commit(); status('Clear undone.'); });
  $('#exam-id').focus();
}
export function printHead() {
  const when = new Date();
  $('#print-head').textContent = 'Exam ' + (state.id.trim() || 'without id') + ' · ' +
    when.toLocaleDateString() + ' ' + when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
export function printSummary() { printHead(); window.print(); }
