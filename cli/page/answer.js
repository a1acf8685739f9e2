// The answer: the exam sent to /v1/score (and to /v1/map for the chart's
// territory) a moment after each change, and drawn: red-flag banner,
// leader, ranking with intervals, next best test, evidence, warnings, the
// findings entered, the bar at the foot on a tablet.
import { $, el } from './dom.js';
import { FLAG_TEXT, PATTERN_TEXT, cap, pct, ival, pnum, withSide, nameOf, findingWords, hypWords,
  labelText, testWords, ratio, lr, shortName } from './words.js';
import { details, territoryNote, nestedUnder, sameLesion } from './answer_parts.js';
import { state, count, buildExam } from './exam.js';
import { post } from './server.js';
import { chartSvg, adoptChart, placeChart, paintChart, neutralChart } from './chart.js';
import { printHead } from './actions.js';

let lastResult = null;      // the last good answer
/* The quiz (quiz.js) holds the answer back until the student has chosen:
   intercept(result) returns true when it drew the page itself. */
export const answerHooks = { intercept: null, after: null };
export const currentResult = () => lastResult;
export function redraw() { if (lastResult) showAnswer(lastResult); }
let generation = 0, timer = 0, scoreAbort = null, mapAbort = null;

export function changed() {
  clearTimeout(timer);
  $('#answer-body').classList.add('updating');
  $('#chart').classList.add('stale');
  timer = setTimeout(update, 150);
}
async function update() {
  const gen = ++generation;
  if (scoreAbort) scoreAbort.abort();
  if (mapAbort) mapAbort.abort();
  scoreAbort = mapAbort = null;
  if (count() === 0) { showEmpty(); neutralChart(); return; }
  const text = JSON.stringify(buildExam());
  $('#answer-panel').setAttribute('aria-busy', 'true');
  const sa = scoreAbort = new AbortController(), ma = mapAbort = new AbortController();
  /* No draws= : the server's default (1000, as the CLI's), so the page and
     `radloc score` give the same interval for the same exam; a rescore at
     1000 draws takes well under 0.2 s (docs/serve.md). */
  const score = post('/v1/score?top=12', text, sa.signal).then(res => {
    if (gen !== generation) return;
    lastResult = res;
    note('');
    showAnswer(res);
  }, err => {
    if (gen !== generation || err.name === 'AbortError') return;
    if (err.status === 422 && /no findings|only NT|nothing to localise/i.test(err.message)) {
      showEmpty('Only findings marked NT (not testable) so far: they are left out. Enter a finding that was examined.');
      return;
    }
    note((lastResult ? 'The answer below is for the findings before your last change. ' : '') +
      'radloc could not score this exam: ' + err.message + (err.status ? '' : ' (is radloc serve still running?)'), true);
  });
  const map = post('/v1/map?draws=0', text, ma.signal, 'image/svg+xml').then(svg => {
    if (gen !== generation) return;
    placeChart(adoptChart(svg));
    $('#chart').classList.remove('stale');
    territoryNote(chartSvg, lastResult);
  }, err => {
    if (gen !== generation || err.name === 'AbortError') return;
    paintChart();
  });
  await Promise.allSettled([score, map]);
  if (gen === generation) {
    $('#answer-body').classList.remove('updating');
    $('#answer-panel').setAttribute('aria-busy', 'false');
  }
}
function note(text, problem) {
  const n = $('#answer-note');
  n.textContent = text;
  n.classList.toggle('problem', !!problem);
}

/* The red flags that need the clinician now: a banner's title and what to do. */
const RED = {
  cauda_equina_red_flag: ['RED FLAG: possible cauda equina syndrome',
    'Saddle or perianal sensory loss, sphincter dysfunction or weakness of both legs. Same-day assessment and MRI.'],
  upper_motor_neuron: ['RED FLAG: upper motor neuron signs',
    'Brisk reflexes, clonus, Hoffmann or Babinski: think of the spinal cord, not only a root.']
};
export function showEmpty(message) {
  lastResult = null;
  $('#red-flags').textContent = '';
  $('#red-flags').dataset.flags = '';
  $('#amber-flags').textContent = '';
  $('#headline').textContent = 'No findings yet.';
  note(message || '', !!message);
  const b = $('#answer-body');
  b.classList.remove('updating');
  b.textContent = '';
  b.append(el('div', { class: 'empty-guide' },
    el('p', { text: 'Enter what you find; the answer appears here and updates as you go.' }),
    el('ol', {},
      el('li', { text: 'Touch the regions you tested on the body chart: each touch steps normal → reduced → absent → not examined (or pick what a touch marks, above the chart).' }),
      el('li', { text: 'Grade strength (MRC 0–5), reflexes (0–4+) and signs in the lists, left and right.' }),
      el('li', { text: 'Normal findings count too: they speak against the roots that would have made them abnormal.' }),
      el('li', { text: 'Read the most likely lesion, its 90 % interval, the evidence and the next best test here.' }))));
  $('#mini').textContent = '';
  $('#answer-panel').setAttribute('aria-busy', 'false');
  renderEntered();
}
function showAnswer(r) {
  if (answerHooks.intercept && answerHooks.intercept(r)) return;
  const flags = r.flags || [];
  const ranking = r.ranking || [];
  const lead = ranking[0];
  /* Red flags: a banner that cannot be missed; rebuilt only when they
     change, so that the alert is announced once. */
  const red = flags.filter(f => RED[f]);
  const redBox = $('#red-flags');
  if (redBox.dataset.flags !== red.join(',')) {
    redBox.dataset.flags = red.join(',');
    redBox.textContent = '';
    for (const f of red) redBox.append(el('div', { class: 'alert red', 'data-flag': f },
      el('span', { class: 'icon', 'aria-hidden': 'true', text: '⚠' }),
      el('div', {}, el('strong', { text: RED[f][0] }), RED[f][1])));
  }
  const amber = $('#amber-flags');
  amber.textContent = '';
  if (flags.includes('inconsistent_findings'))
    amber.append(el('div', { class: 'alert amber', 'data-flag': 'inconsistent_findings', role: 'note' },
      el('span', { class: 'icon', 'aria-hidden': 'true', text: '⚠' }),
      el('div', {}, el('strong', { text: 'Findings do not fit one lesion' }),
        'Two processes (for example a polyneuropathy and a root), a slip in entry, or a pattern radloc does not model. Re-examine the findings that disagree.')));

  $('#headline').textContent = lead
    ? 'Most likely: ' + hypWords(lead) + ', ' + pct(lead.probability) +
      (red.length ? '. Red flag: ' + red.map(f => RED[f][0].replace('RED FLAG: ', '')).join('; ') : '') +
      (r.next_test ? '. Next best test: ' + testWords(r.next_test) : '') + '.'
    : 'No hypothesis.';

  const b = $('#answer-body');
  b.textContent = '';
  if (lead) {
    const others = flags.filter(f => !RED[f] && f !== 'inconsistent_findings');
    const together = sameLesion(lead, ranking);
    b.append(el('div', { class: 'leader', id: 'leader', 'data-label': lead.label },
      el('div', { class: 'head' }, el('span', { class: 'name', id: 'leader-label', text: shortName(lead) }),
        el('span', { class: 'pct', text: pct(lead.probability) }),
        lead.interval ? el('span', { class: 'ival', text: '90 % interval ' + ival(lead.interval[0], lead.interval[1]) + ' %' }) : null),
      el('div', { class: 'desc', text: cap(hypWords(lead)) + (r.pattern !== lead.pattern ? ' · pattern of the exam: ' + (PATTERN_TEXT[r.pattern] || r.pattern) : '') }),
      details(lead),
      together ? el('p', { class: 'small', id: 'same-lesion', text: together }) : null,
      el('div', { class: 'small', id: 'territory-note', hidden: true }),
      others.length ? el('ul', { class: 'chips', id: 'flags', 'aria-label': 'Flags' },
        others.map(f => el('li', { class: 'chip' + (f === 'stocking_glove' ? ' key' : ''), 'data-flag': f },
          (f === 'stocking_glove' ? '◆ ' : f === 'low_confidence' ? '? ' : '↔ ') + (FLAG_TEXT[f] || f)))) : null));
    territoryNote(chartSvg, r);
  }
  /* The ranking, with the 90 % interval drawn on each bar. */
  b.append(el('h3', { text: 'Ranking: probability and 90 % interval' }));
  const ol = el('ol', { class: 'ranking', id: 'ranking' });
  /* Rows below 0.1 % (what pct() prints as "<0.1 %") say nothing a
     clinician can use: counted, not drawn.
     A root answer that is the same lesion as one above it at another
     extent (C6 under C6+C7) sits under it. */
  const top = ranking.slice(0, 8);
  const shown = top.filter((h, i) => i === 0 || h.probability >= 0.001);
  for (const h of shown) {
    const p = Math.max(0, Math.min(1, h.probability));
    const iv = h.interval || [p, p];
    const lo = Math.max(0, Math.min(1, iv[0])), hi = Math.max(lo, Math.min(1, iv[1]));
    const fill = el('div', { class: 'fill' }); fill.style.width = (100 * p) + '%';
    const ci = el('div', { class: 'ci' }); ci.style.left = (100 * lo) + '%'; ci.style.width = Math.max(0.6, 100 * (hi - lo)) + '%';
    const words = hypWords(h);
    const parent = nestedUnder(h, shown);
    ol.append(el('li', { 'data-label': h.label, title: cap(words), class: parent ? 'nested' : null },
      el('div', { class: 'lab' }, parent ? el('span', { 'aria-hidden': 'true', text: '↳ ' }) : null, shortName(h),
        el('span', { class: 'sr-only', text: ': ' + words + (parent ? '; the same lesion as ' + shortName(parent) + ' at another extent' : '') })),
      el('div', { class: 'track', role: 'img', 'aria-label': pct(p) + ', 90 % interval ' + pnum(lo) + ' to ' + pnum(hi) + ' %' }, fill, ci),
      el('div', { class: 'num', 'aria-hidden': 'true' }, el('b', { text: pct(p) }), el('small', { text: ' ' + ival(lo, hi) }))));
  }
  b.append(ol);
  b.append(el('p', { class: 'scale-note' },
    'Bar: probability; black bracket: its 90 % interval across plausible patients.' +
    (top.length > shown.length ? ' ' + (top.length - shown.length) + ' more below 0.1 % not shown.' : '') +
    (typeof r.other_probability === 'number' && r.other_probability >= 0.0005 ? ' All others together: ' + pct(r.other_probability) + '.' : '') +
    (r.draws ? ' Intervals from ' + r.draws + ' plausible patients, as radloc score gives them.' : '')));

  /* The next best test. */
  b.append(el('h3', { text: 'Next best test' }));
  if (r.next_test) {
    const t = r.next_test, sep = t.separates || [];
    b.append(el('div', { class: 'next', id: 'next-test' },
      el('div', { class: 'next-main' },
        el('p', { class: 'what', text: testWords(t) }),
        sep.length === 2 ? el('p', { text: 'Best separates ' + labelText(sep[0]) + ' from ' + labelText(sep[1]) + ' (expected information gain ' + Number(t.information_gain_bits).toFixed(2) + ' bits).' }) : null),
      el('button', { type: 'button', class: 'btn quiet', text: 'Go to it', onclick: () => goTo(t) })));
  } else b.append(el('p', { class: 'muted', id: 'next-test', text: 'No examination left that would change the ranking much.' }));

  /* Evidence for and against the leader, against its best rival that is
   * not the same lesion at another extent (the engine names it). */
  if (lead) {
    const nm = l => { const h = ranking.find(x => x.label === l); return h ? shortName(h) : nm(l); };
    const ev = (r.evidence || []).filter(e => e.log_lr >= 0.005);
    const forL = ev.filter(e => e.supports === lead.label).sort((a, c) => c.log_lr - a.log_lr);
    const agL = ev.filter(e => e.against === lead.label).sort((a, c) => c.log_lr - a.log_lr);
    const neutral = (r.evidence || []).length - forL.length - agL.length;
    const rival = (forL[0] && forL[0].against) || (agL[0] && agL[0].supports) || (ranking[1] && ranking[1].label);
    b.append(el('h3', { text: 'Evidence: ' + nm(lead.label) + (rival ? ' rather than ' + nm(rival) : '') }));
    const rh = ranking.find(h => h.label === rival);
    if (rh && lead.prior > 0 && rh.prior > 0) {
      const odds = lead.prior / rh.prior;
      b.append(el('p', { class: 'small muted', id: 'prior-odds', text: 'Before any finding (how common each is): ' +
        (odds >= 1 ? nm(lead.label) + ' ' + ratio(odds) + ' times as likely as ' + nm(rival)
                   : nm(rival) + ' ' + ratio(1 / odds) + ' times as likely as ' + nm(lead.label)) + '.' }));
    }
    const item = (e, i, other) => el('li', { class: i >= 4 ? 'extra' : null }, findingWords(e.finding),
      el('span', { class: 'lr', text: 'likelihood ratio ' + lr(e.log_lr) + (other && other !== rival ? ' vs ' + nm(other) : '') }));
    b.append(el('div', { class: 'evidence', id: 'evidence' },
      el('div', { class: 'ev-for' }, el('h4', { text: '✚ For ' + nm(lead.label) }),
        forL.length ? el('ul', {}, forL.map((e, i) => item(e, i, e.against))) : el('p', { class: 'small muted', text: 'none' })),
      el('div', { class: 'ev-against' }, el('h4', { text: '✖ Against: favour ' + (rival ? nm(rival) : 'the other') }),
        agL.length ? el('ul', {}, agL.map((e, i) => item(e, i, e.supports))) : el('p', { class: 'small muted', text: 'none' }))));
    if (neutral > 0) b.append(el('p', { class: 'scale-note', text: neutral + (neutral === 1 ? ' finding does' : ' findings do') + ' not separate them.' }));
  }
  /* Warnings. */
  const warn = r.warnings || [];
  if (warn.length) {
    b.append(el('h3', { text: 'Warnings' }));
    b.append(el('ul', { class: 'warnings', id: 'warnings' }, warn.map(w => el('li', { text: cap(w) }))));
  }
  renderEntered(b);
  printHead();
  if (answerHooks.after) answerHooks.after(r);
  /* The bar at the foot on a tablet. */
  const mini = $('#mini');
  mini.textContent = '';
  if (lead) {
    if (red.length) mini.append(el('span', { class: 'flag', text: '⚠ RED FLAG' }));
    mini.append(el('span', {}, 'Most likely: ', el('b', { text: shortName(lead) + ' ' + pct(lead.probability) })),
      el('a', { href: '#answer-panel', text: 'see the answer' }));
  }
}
function goTo(t) {
  const s = t.side || 'midline';
  let target = null;
  if (t.kind === 'region') {
    target = chartSvg && chartSvg.querySelector('#' + CSS.escape('region-' + t.id + '-' + s));
    if (target) {
      target.classList.add('flash'); setTimeout(() => target.classList.remove('flash'), 1600);
      target.scrollIntoView({ block: 'center' }); target.focus({ preventScroll: true }); return;
    }
    $('#group-skin').open = true;
  }
  const kind = { region: 'skin', movement: 'motor', reflex: 'reflex', sign: 'sign' }[t.kind];
  target = document.getElementById(kind + '-' + t.id + '-' + s);
  if (target) {
    const row = target.closest('tr');
    if (row) { row.classList.remove('flash-row'); void row.offsetWidth; row.classList.add('flash-row'); }
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }
}
/* What was entered, in words: on screen folded, on paper in full. */
function renderEntered(into) {
  const old = $('#entered');
  if (old) old.remove();
  const paper = $('#entered-print');
  paper.textContent = '';
  const n = count();
  if (!n) return;
  const groups = [['Sensation', []], ['Strength (MRC)', []], ['Reflexes', []], ['Signs', []], ['Pain', []]];
  const ex = buildExam();
  const nt = (s, what, id) => withSide(s, nameOf(what, id)) + ': not testable';
  for (const o of ex.sensory || []) groups[0][1].push(o.status === 'NT' ? nt(o.side, 'regions', o.region) : findingWords('sensory ' + o.region + ' ' + (o.side || 'midline') + ' ' + o.status));
  for (const o of ex.motor || []) groups[1][1].push(o.grade === 'NT' ? nt(o.side, 'movements', o.movement) : findingWords('motor ' + o.movement + ' ' + o.side + ' ' + o.grade));
  for (const o of ex.reflex || []) groups[2][1].push(o.grade === 'NT' ? nt(o.side, 'reflexes', o.reflex) : findingWords('reflex ' + o.reflex + ' ' + o.side + ' ' + o.grade));
  for (const o of ex.signs || []) groups[3][1].push(o.result === 'NT' ? nt(o.side, 'signs', o.sign) : findingWords('sign ' + o.sign + ' ' + (o.side || 'midline') + ' ' + o.result));
  for (const o of ex.pain || []) groups[4][1].push(findingWords('pain ' + o.region + ' ' + (o.side || 'midline')));
  const title = 'Findings entered (' + n + ')' + (state.reflexScale === 'ninds' ? ', reflexes on the NINDS scale' : '');
  const lists = () => groups.filter(g => g[1].length).flatMap(([t, list]) => [el('h4', { text: t }), el('ul', {}, list.map(x => el('li', { text: x })))]);
  (into || $('#answer-body')).append(el('details', { class: 'entered', id: 'entered' }, el('summary', { text: title }), lists()));
  paper.append(el('h3', { text: title }), ...lists());
}
