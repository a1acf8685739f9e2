// The findings lists: movements (MRC), reflexes and signs by limb and
// side, the midline, and the skin as a list (the chart's keyboard twin);
// each choice goes into the exam, and the lists follow the exam back.
import { $, el } from './dom.js';
import { vocab, info, nameOf, withSide } from './words.js';
import { state, key, skinKey, sidesOf, view } from './exam.js';
import { commit } from './history.js';
import { mirrorOn, otherSide } from './chart.js';

const MRC = [['', '—'], ['5', '5'], ['4+', '4+'], ['4', '4'], ['4-', '4−'], ['3', '3'], ['2', '2'], ['1', '1'], ['0', '0'], ['NT', 'NT']];
const REFLEX = [['', '—'], ['0', '0'], ['1', '1+'], ['2', '2+'], ['3', '3+'], ['4', '4+'], ['NT', 'NT']];
const SIGN = [['', '—'], ['positive', 'positive'], ['negative', 'negative'], ['NT', 'NT']];
const SKINOPT = [['', '—'], ['normal', 'normal'], ['reduced', 'reduced'], ['absent', 'absent'], ['increased', 'increased'], ['NT', 'NT']];

function selectFor(kind, id, s, options, label) {
  const sid = kind + '-' + id + '-' + s;
  const sel = el('select', { id: sid, 'data-kind': kind, 'data-id': id, 'data-side': s });
  for (const [v, t] of options) sel.append(el('option', { value: v, text: t }));
  return [el('label', { class: 'sr-only', for: sid, text: label }), sel];
}
function table(kind, items, options, caption, labelOf) {
  const lateral = items.some(x => x.limb !== 'midline');
  const t = el('table', { class: 'grid' + (kind === 'skin' ? ' skin' : '') });
  t.append(el('caption', { class: 'sr-only', text: caption }));
  t.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: caption.split(':')[0] }),
    lateral ? [el('th', { scope: 'col', class: 'side-head', text: 'Patient\'s RIGHT' }), el('th', { scope: 'col', class: 'side-head', text: 'Patient\'s LEFT' })]
            : el('th', { scope: 'col', text: 'Finding' }))));
  const body = el('tbody');
  for (const x of items) {
    const head = el('th', { scope: 'row' }, nameOf(kindVocab(kind), x.id));
    if (x.muscles) head.append(el('span', { class: 'muscles', text: x.muscles }));
    if (info[kindVocab(kind)][x.id] && info[kindVocab(kind)][x.id].name !== nameOf(kindVocab(kind), x.id))
      head.title = info[kindVocab(kind)][x.id].name;
    const row = el('tr', { id: 'row-' + kind + '-' + x.id }, head);
    for (const s of rowSides(x.limb)) {
      const td = el('td', {}, selectFor(kind, x.id, s, options, labelOf(x, s)));
      if (kind === 'skin') {
        const cid = 'pain-' + x.id + '-' + s;
        td.append(el('span', { class: 'pain-box' }, el('input', { type: 'checkbox', id: cid, 'data-kind': 'pain',
          'data-id': x.id, 'data-side': s }), el('label', { for: cid, text: ' pain' },
          el('span', { class: 'sr-only', text: ' radiating to ' + withSide(s, nameOf('regions', x.id)).toLowerCase() }))));
      }
      row.append(td);
    }
    body.append(row);
  }
  t.append(body);
  return t;
}
/* The columns follow the front chart: the patient's right first (on the
   viewer's left), as the chart draws it. */
const rowSides = limb => limb === 'midline' ? ['midline'] : ['right', 'left'];
function kindVocab(kind) { return { motor: 'movements', reflex: 'reflexes', sign: 'signs', skin: 'regions' }[kind]; }
const lab = (what, suffix) => (x, s) => withSide(s, nameOf(what, x.id)) + suffix;

export function buildControls() {
  const body = $('#findings-body'), nav = $('#findings-nav');
  body.textContent = ''; nav.textContent = '';
  const byLimb = (list, limb) => list.filter(x => x.limb === limb);
  const groups = [
    ['leg', 'Legs'], ['midline', 'Midline: saddle, sphincters, signs without a side'], ['arm', 'Arms']
  ];
  for (const [limb, title] of groups) {
    const fs = el('fieldset', { class: 'group', id: 'group-' + limb }, el('legend', { text: title }));
    nav.append(el('a', { href: '#group-' + limb, text: title }));
    if (limb === 'midline') {
      const regs = byLimb(vocab.regions, 'midline'), signs = byLimb(vocab.signs, 'midline');
      // The bladder and bowel are the sphincters; Lhermitte's and Romberg's
      // signs (contract section 4) take no side either but are not.
      const sphincter = g => /bladder|bowel/.test(g.id);
      const sph = signs.filter(sphincter), other = signs.filter(g => !sphincter(g));
      if (regs.length) fs.append(el('h3', { text: 'Sensation' }), table('skin', regs, SKINOPT, 'Midline skin: sensation', lab('regions', ', sensation')));
      if (sph.length) fs.append(el('h3', { text: 'Sphincters' }), table('sign', sph, SIGN, 'Midline signs: result', lab('signs', ', result')));
      if (other.length) fs.append(el('h3', { text: 'Signs without a side' }), table('sign', other, SIGN, 'Sign: result', lab('signs', ', result')));
      // The anal squeeze (MRC) and the anal wink take no side either.
      const mv = byLimb(vocab.movements, 'midline'), rf = byLimb(vocab.reflexes, 'midline');
      if (mv.length) fs.append(el('h3', { text: 'Strength (MRC)' }), table('motor', mv, MRC, 'Midline movement: MRC grade', lab('movements', ', MRC grade')));
      if (rf.length) fs.append(el('h3', { text: 'Reflexes' }), table('reflex', rf, REFLEX, 'Midline reflex: grade', lab('reflexes', ', grade')));
      fs.append(el('p', { class: 'scale-key', text: 'Saddle or perianal loss, a weak anal squeeze, a lost anal wink, or bladder or bowel dysfunction, raises the cauda equina red flag.' }));
    } else {
      const mv = byLimb(vocab.movements, limb), rf = byLimb(vocab.reflexes, limb), sg = byLimb(vocab.signs, limb);
      fs.append(el('h3', { text: 'Strength (MRC)' }),
        el('p', { class: 'scale-key', text: 'MRC: 5 normal · 4 against some resistance · 3 against gravity · 2 with gravity eliminated · 1 flicker · 0 none · NT not testable (e.g. pain)' }),
        table('motor', mv, MRC, 'Movement: MRC grade', lab('movements', ', MRC grade')));
      const scaleSel = limb === 'leg' ? reflexScaleControl() : null;
      fs.append(el('h3', { text: 'Reflexes' }),
        el('p', { class: 'scale-key' }, 'Bedside scale: 0 absent · 1+ reduced · 2+ normal · 3+ brisk · 4+ with clonus', scaleSel),
        table('reflex', rf, REFLEX, 'Reflex: grade', (x, s) => withSide(s, nameOf('reflexes', x.id)) + ', grade'));
      if (sg.length) fs.append(el('h3', { text: 'Signs' }), table('sign', sg, SIGN, 'Sign: result', lab('signs', ', result')));
    }
    body.append(fs);
  }
  const det = el('details', { class: 'group', id: 'group-skin' },
    el('summary', { text: 'Sensation as a list (the same as the chart; for the keyboard or a screen reader)' }));
  nav.append(el('a', { href: '#group-skin', text: 'Sensation as a list', onclick: () => { det.open = true; } }));
  const skinTitle = { leg: 'Legs and buttocks', trunk: 'Trunk (ISNCSCI points T2 to T12, for a sensory level)',
    arm: 'Neck, arms and hands (with the C3 and C4 points)' };
  for (const limb of ['leg', 'trunk', 'arm']) {
    det.append(el('h3', { text: skinTitle[limb] }),
      table('skin', vocab.regions.filter(r => r.limb === limb), SKINOPT, 'Region: sensation', lab('regions', ', sensation')));
  }
  body.append(det);
  body.addEventListener('change', onControl);
}
function reflexScaleControl() {
  const s = el('select', { id: 'reflex-scale' },
    el('option', { value: '', text: 'bedside 0–4+ (3+ is brisk)' }),
    el('option', { value: 'ninds', text: 'NINDS (3+ is still normal)' }));
  s.addEventListener('change', () => { state.reflexScale = s.value; syncControls(); commit(); });
  return el('span', { class: 'no-print' }, ' · ', el('label', { for: 'reflex-scale', text: 'scale: ' }), s);
}
function mapFor(kind) { return { motor: state.motor, reflex: state.reflex, sign: state.signs, skin: state.skin }[kind]; }
/* The skin's key carries the modality the chart shows (exam.js). */
const keyFor = (kind, id, s) => kind === 'skin' ? skinKey(id, s) : key(id, s);
function onControl(e) {
  const t = e.target, kind = t.dataset.kind;
  if (!kind) return;
  const s = t.dataset.side;
  // "Both sides" applies a choice in a list to the other side too.
  const sides = mirrorOn() && otherSide(s) ? [s, otherSide(s)] : [s];
  for (const side of sides) {
    const k = keyFor(kind, t.dataset.id, side);
    if (kind === 'pain') { if (t.checked) state.pain.add(k); else state.pain.delete(k); }
    else { const m = mapFor(kind); if (t.value) m.set(k, t.value); else m.delete(k); }
  }
  if (sides.length > 1) syncControls(); else styleSelect(t);
  commit();
}
function styleSelect(s) {
  if (s.tagName !== 'SELECT') return;
  const v = s.value, kind = s.dataset.kind;
  let abn = false, ok = false;
  if (v === 'NT') { s.className = 'nt'; return; }
  if (kind === 'motor') { abn = v !== '' && v !== '5'; ok = v === '5'; }
  else if (kind === 'reflex') { abn = v !== '' && v !== '2' && !(state.reflexScale === 'ninds' && v === '3'); ok = !abn && v !== ''; }
  else if (kind === 'sign') { abn = v === 'positive'; ok = v === 'negative'; }
  else if (kind === 'skin') { abn = v !== '' && v !== 'normal'; ok = v === 'normal'; }
  s.className = abn ? 'abn' : ok ? 'ok' : '';
}
export function syncControls() {
  $('#exam-id').value = state.id;
  const rs = $('#reflex-scale'); if (rs) rs.value = state.reflexScale;
  for (const s of document.querySelectorAll('#findings-body select[data-kind]')) {
    const v = mapFor(s.dataset.kind).get(keyFor(s.dataset.kind, s.dataset.id, s.dataset.side)) || '';
    if (v && ![...s.options].some(o => o.value === v)) s.append(el('option', { value: v, text: v }));
    s.value = v;
    styleSelect(s);
  }
  for (const c of document.querySelectorAll('#findings-body input[data-kind=pain]'))
    c.checked = state.pain.has(key(c.dataset.id, c.dataset.side));
}
