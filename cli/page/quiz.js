// Teaching on the page: a quiz from a teaching case (POST /v1/case gives
// its exam and the answer its teacher expects; the student picks an
// answer before radloc's ranking and the expected answer are shown), and
// the exam on the page exported as a teaching case (contract section 2)
// with an `expect:` block taken from the current leader, for the teacher
// to check against a source.
import { $, el } from './dom.js';
import { cap, pct, hypWords, shortName, labelText } from './words.js';
import { state, count, buildExam, toYaml, loadExam } from './exam.js';
import { post } from './server.js';
import { syncControls } from './findings.js';
import { paintChart, resetHint } from './chart.js';
import { changed, answerHooks, currentResult, redraw } from './answer.js';
import { status } from './actions.js';

const quiz = { active: false, revealed: false, teaching: null, pick: '' };

export function setupTeaching() {
  const box = el('details', { class: 'teach', id: 'teach' }, el('summary', { text: 'Teaching: quiz and case export' }),
    el('p', { class: 'small muted', text: 'Quiz: load a teaching case (a YAML file with exam: and expect:); pick your answer before radloc shows its own and the teacher\'s.' }),
    el('div', { class: 'teach-actions' },
      el('input', { class: 'file-input', id: 'quiz-file', type: 'file', accept: '.yaml,.yml,.json,.txt,application/yaml,text/yaml,text/plain',
        onchange: e => { startQuiz(e.target.files[0]); e.target.value = ''; } }),
      el('label', { class: 'btn quiet', for: 'quiz-file', id: 'quiz-label', text: 'Quiz from a case file…' }),
      el('button', { type: 'button', class: 'btn quiet', id: 'export-case', text: 'Export as teaching case', onclick: exportCase })));
  $('#answer-panel .foot').before(box);
  answerHooks.intercept = intercept;
  answerHooks.after = verdict;
}

async function startQuiz(file) {
  if (!file) return;
  try {
    const c = await post('/v1/case', await file.text());
    Object.assign(quiz, { active: true, revealed: false, teaching: c, pick: '' });
    loadExam(c.exam);
    resetHint();
    syncControls();
    paintChart();
    changed();
    status('Quiz: ' + (c.id || file.name) + ' loaded (' + count() + ' findings). Pick your answer in the answer column.');
  } catch (e) {
    status('Could not load ' + file.name + ' as a teaching case: ' + (e.line ? 'line ' + e.line + ', column ' + e.column + ': ' : '') + e.message, true);
  }
}
function leave() {
  Object.assign(quiz, { active: false, revealed: false, teaching: null, pick: '' });
  redraw();
}

/* The expected answer as a ranked hypothesis would be named. */
function expected() {
  const x = quiz.teaching.expect;
  return x.label || x.pattern;
}
/* Before the student has chosen: the exam's candidates (radloc's top
   answers and the expected one) in alphabetical order, no numbers, no
   flags (the banner would give the answer away in a quiz). */
function intercept(r) {
  if (!quiz.active || quiz.revealed) return false;
  $('#red-flags').textContent = ''; $('#red-flags').dataset.flags = '';
  $('#amber-flags').textContent = '';
  $('#mini').textContent = '';
  $('#headline').textContent = 'Quiz: choose the most likely lesion.';
  const seen = new Map();
  for (const h of (r.ranking || []).slice(0, 8)) seen.set(h.label, shortName(h));
  if (!seen.has(expected())) seen.set(expected(), cap(labelText(expected())));
  const choices = [...seen].sort((a, b) => a[1].localeCompare(b[1]));
  const b = $('#answer-body');
  b.textContent = '';
  const go = el('button', { type: 'button', class: 'btn', id: 'quiz-reveal', text: 'Show radloc\'s answer and the expected one', disabled: !quiz.pick,
    onclick: () => { quiz.revealed = true; redraw(); } });
  b.append(el('div', { class: 'quiz', id: 'quiz' },
    el('h3', { text: 'Quiz: ' + (quiz.teaching.id || 'teaching case') }),
    el('p', { text: 'Read the findings on the chart and in the lists. Which lesion is most likely?' }),
    el('fieldset', { class: 'quiz-choices' }, el('legend', { class: 'sr-only', text: 'Your answer' }),
      choices.map(([label, name], i) => el('label', {},
        el('input', { type: 'radio', name: 'quiz-pick', value: label, id: 'quiz-pick-' + i, checked: label === quiz.pick,
          onchange: () => { quiz.pick = label; go.disabled = false; } }), ' ' + name))),
    el('div', { class: 'teach-actions' }, go, el('button', { type: 'button', class: 'btn quiet', text: 'Leave the quiz', onclick: leave }))));
  return true;
}
/* After the answer is shown: the student's pick, the teacher's answer
   and where radloc ranks it, above radloc's own answer. */
function verdict(r) {
  if (!quiz.active || !quiz.revealed) return;
  const x = quiz.teaching.expect, want = expected();
  const ranking = r.ranking || [];
  const k = ranking.findIndex(h => h.label === want);
  const h = k >= 0 ? ranking[k] : null;
  const fields = [x.site && 'site ' + x.site, x.level && 'level ' + x.level, x.form && 'form ' + x.form, x.extent && 'extent ' + x.extent]
    .filter(Boolean).join(', ');
  const right = quiz.pick === want;
  $('#answer-body').prepend(el('div', { class: 'quiz-verdict ' + (right ? 'right' : 'wrong'), id: 'quiz-verdict' },
    el('p', {}, el('strong', { text: right ? '✔ Your answer matches the case.' : '✖ Your answer differs from the case.' }),
      ' You chose ' + (quiz.pick ? cap(labelText(quiz.pick)) : 'nothing') + '.'),
    el('p', { id: 'quiz-expected', text: 'Expected by the case: ' + (h ? cap(hypWords(h)) : cap(labelText(want))) + (fields ? ' (' + fields + ')' : '') + '.' }),
    el('p', { id: 'quiz-radloc', text: h ? 'radloc ranks it ' + (k + 1) + (k === 0 ? 'st' : k === 1 ? 'nd' : k === 2 ? 'rd' : 'th') +
      ', at ' + pct(h.probability) + '; radloc\'s answer follows.' : 'It is not in radloc\'s top ' + ranking.length + '.' }),
    quiz.teaching.source ? el('p', { class: 'small muted', text: 'Source: ' + quiz.teaching.source }) : null,
    el('button', { type: 'button', class: 'btn quiet', text: 'Leave the quiz', onclick: leave })));
}

/* The flags a case may require: the ones a teacher would teach. */
const TEACH_FLAGS = ['cauda_equina_red_flag', 'upper_motor_neuron', 'stocking_glove', 'sensory_level',
  'dissociated_sensory_loss', 'two_processes'];
const q = v => JSON.stringify(String(v));
export function caseYaml(ex, r) {
  const lead = r.ranking[0];
  const id = (ex.id || 'radloc-case').trim();
  const body = toYaml(Object.assign({}, ex, { id: undefined })).split('\n')
    .filter(l => l && !l.startsWith('#') && !l.startsWith('id:')).map(l => '  ' + l);
  const out = ['# radloc teaching case, exported from the radloc page ' + new Date().toISOString().slice(0, 10) + '.',
    '# The expect block is radloc\'s answer when exported: check it against your',
    '# clinical source before teaching with it, and cite that source below.',
    'id: ' + q(id), 'source: "to be cited by the teacher"', 'exam:', ...body, 'expect:',
    '  pattern: ' + lead.pattern, '  label: ' + q(lead.label)];
  if (lead.site) out.push('  site: ' + lead.site);
  if (lead.level) out.push('  level: ' + lead.level);
  if (lead.form) out.push('  form: ' + lead.form);
  if (lead.extent && lead.pattern === 'cauda_equina') out.push('  extent: ' + lead.extent);
  out.push('  within: 1', '  flags: [' + (r.flags || []).filter(f => TEACH_FLAGS.includes(f)).join(', ') + ']');
  return out.join('\n') + '\n';
}
function exportCase() {
  const r = currentResult();
  if (!count() || !r || !r.ranking || !r.ranking.length) { status('Nothing to export yet: enter findings and wait for the answer.', true); return; }
  const text = caseYaml(buildExam(), r);
  const name = ((state.id.trim() || 'radloc-case').replace(/[^A-Za-z0-9._-]+/g, '-')) + '.case.yaml';
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = el('a', { href: url, download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  status('Exported as a teaching case (' + name + '): check its expect block against your source.');
}
