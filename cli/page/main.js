// The page's entry (index.html loads it as a module): wires the bar and
// the chart to their handlers, then fetches the vocabulary, builds the
// findings lists and places the empty chart.
import { $ } from './dom.js';
import { setVocabulary } from './words.js';
import { state, count } from './exam.js';
import { buildControls } from './findings.js';
import { chartSvg, adoptChart, placeChart, chartPlaceholder, onChartClick, onChartKey, onChartFocus,
  onChartHover, hideTip } from './chart.js';
import { showEmpty, changed } from './answer.js';
import { undo, redo, commit, restoreSaved, onHistoryKey } from './history.js';
import { buildTools } from './tools.js';
import { exportAs, loadFile, clearExam, printHead, printSummary } from './actions.js';
import { setupTeaching } from './quiz.js';

async function start() {
  $('#chart').addEventListener('click', onChartClick);
  $('#chart').addEventListener('keydown', onChartKey);
  $('#chart').addEventListener('focusin', onChartFocus);
  $('#chart').addEventListener('pointerover', onChartHover);
  $('#chart').addEventListener('pointerout', onChartHover);
  $('#chart').addEventListener('focusout', onChartBlur);
  $('#exam-id').addEventListener('input', e => { state.id = e.target.value; });
  $('#exam-id').addEventListener('change', () => commit());
  $('#undo').addEventListener('click', undo);
  $('#redo').addEventListener('click', redo);
  document.addEventListener('keydown', onHistoryKey);
  $('#load-file').addEventListener('change', e => { loadFile(e.target.files[0]); e.target.value = ''; });
  $('#export-yaml').addEventListener('click', () => exportAs('yaml'));
  $('#export-json').addEventListener('click', () => exportAs('json'));
  $('#print').addEventListener('click', printSummary);
  $('#clear').addEventListener('click', clearExam);
  window.addEventListener('beforeprint', printHead);
  try {
    const r = await fetch('/v1/vocabulary');
    if (!r.ok) throw new Error('the server answered ' + r.status);
    setVocabulary(await r.json());
  } catch (e) {
    $('#findings-body').textContent = 'Cannot reach radloc serve (' + e.message + '). Start it again and reload this page.';
    chartPlaceholder('<p><strong>No connection to radloc serve.</strong></p>');
    return;
  }
  buildControls();
  setupTeaching();
  buildTools();
  /* The exam left in this browser before a reload, with its undo steps. */
  const had = restoreSaved();
  showEmpty();
  if (had && count()) changed();
  /* The empty chart: from the server if it has one; otherwise the chart
     comes with the first finding. */
  try {
    const r = await fetch('/v1/chart.svg');
    if (!r.ok) throw new Error(String(r.status));
    placeChart(adoptChart(await r.text()));
  } catch (_) {
    if (!chartSvg) chartPlaceholder('<p><strong>The body chart appears with the first finding.</strong></p>' +
      '<p>Enter a strength grade, a reflex or a sign in the lists, or a region in <a href="#group-skin" id="open-skin-list">sensation as a list</a>; then touch the chart to add more.</p>');
    const a = $('#open-skin-list');
    if (a) a.addEventListener('click', () => { $('#group-skin').open = true; });
  }
}
start();
/* Leaving the chart takes the name label away. */
function onChartBlur(e) { if (!e.relatedTarget || !e.relatedTarget.closest || !e.relatedTarget.closest('#chart')) hideTip(); }
