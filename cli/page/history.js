// Undo and redo for every change to the exam, and the exam kept in this
// browser's own storage (localStorage) across a reload: never sent
// anywhere, only read back by this page on this machine.
import { $ } from './dom.js';
import { count, serialise, deserialise } from './exam.js';
import { syncControls } from './findings.js';
import { paintChart } from './chart.js';
import { changed } from './answer.js';
import { modalityNote } from './tools.js';

const STORE = 'radloc.page.exam.v1', LIMIT = 200;
let past = [], future = [], current = null;

/* After every change: the exam as it was goes onto the undo list (a
   change that changed nothing is not a step), the page and the stored
   copy follow, and the answer is asked again. */
export function commit() {
  const now = serialise();
  if (current === null) current = now;
  else if (now !== current) {
    past.push(current);
    if (past.length > LIMIT) past.shift();
    future = [];
    current = now;
  }
  save();
  buttons();
  modalityNote();
  changed();
}
function step(from, to) {
  if (!from.length) return false;
  to.push(current);
  current = from.pop();
  deserialise(current);
  syncControls();
  paintChart();
  save();
  buttons();
  modalityNote();
  changed();
  return true;
}
export const undo = () => step(past, future);
export const redo = () => step(future, past);

function save() {
  try {
    if (!count() && !past.length && !future.length && current === serialise() && !JSON.parse(current).id)
      localStorage.removeItem(STORE);
    else localStorage.setItem(STORE, JSON.stringify({ current, past, future }));
  } catch (_) { /* storage full or refused (private window): the page still works */ }
}
/* At start: the exam left in this browser, with its undo history. True
   when there was one. */
export function restoreSaved() {
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(STORE) || 'null'); } catch (_) { saved = null; }
  if (!saved || typeof saved.current !== 'string') { current = serialise(); buttons(); return false; }
  try { deserialise(saved.current); } catch (_) { current = serialise(); buttons(); return false; }
  current = saved.current;
  past = Array.isArray(saved.past) ? saved.past.filter(x => typeof x === 'string') : [];
  future = Array.isArray(saved.future) ? saved.future.filter(x => typeof x === 'string') : [];
  syncControls();
  buttons();
  return true;
}
function buttons() {
  const u = $('#undo'), r = $('#redo');
  if (u) { u.disabled = !past.length; u.title = past.length ? 'Undo the last change (Ctrl+Z)' : 'Nothing to undo'; }
  if (r) { r.disabled = !future.length; r.title = future.length ? 'Redo (Ctrl+Shift+Z or Ctrl+Y)' : 'Nothing to redo'; }
}
/* Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) anywhere but in a text field,
   which keeps its own undo for its text. */
export function onHistoryKey(e) {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const t = e.target;
  if (t && t.tagName === 'INPUT' && t.type === 'text') return;
  const k = e.key.toLowerCase();
  if (k === 'z' && !e.shiftKey) { if (undo()) e.preventDefault(); }
  else if ((k === 'z' && e.shiftKey) || k === 'y') { if (redo()) e.preventDefault(); }
}
