// The chart's quick tools: the modality the chart and the sensation list
// show and edit, and marking a stocking, a glove or a sensory level in one
// step on both sides.
import { $, el } from './dom.js';
import { vocab, nameOf } from './words.js';
import { state, skinKey, view, MODALITIES } from './exam.js';
import { syncControls } from './findings.js';
import { paintChart } from './chart.js';
import { commit } from './history.js';

const MOD_WORD = { '': 'modality: any', light_touch: 'light touch', pin_prick: 'pin prick', vibration: 'vibration',
  proprioception: 'joint position', temperature: 'temperature' };
/* A stocking or a glove reaches up to a distal_rank (rules/dermatomes.yaml:
   toes 1.0, foot 0.88-0.9, malleolus 0.8, mid leg 0.65, knee and fingers
   0.5, hand 0.42, forearm 0.3, elbow crease 0.15, thigh 0.2). The leg's
   levels are the polyneuropathy extents of rules/patterns.yaml (toes 0.95,
   ankle 0.80, mid_leg 0.65, knee_fingertips 0.50), so "to mid-shin" marks
   what the mid_leg extent takes. */
const STOCKING = [['toes', 'the toes', 0.95], ['ankle', 'the ankle', 0.80], ['mid_shin', 'mid-shin', 0.65],
  ['knee', 'the knee', 0.50], ['mid_thigh', 'mid-thigh', 0.20]];
const GLOVE = [['fingers', 'the fingers', 0.50], ['wrist', 'the wrist (the whole hand)', 0.42],
  ['mid_forearm', 'mid-forearm', 0.30], ['elbow', 'the elbow', 0.15]];
const LEVEL_OF = name => { const m = /ISNCSCI (T\d+) key point/.exec(name || ''); return m ? m[1] : ''; };

export function buildTools() {
  const mod = $('#modality');
  mod.textContent = '';
  for (const m of MODALITIES) mod.append(el('option', { value: m, text: MOD_WORD[m] }));
  mod.value = view.modality;
  mod.addEventListener('change', () => { view.modality = mod.value; modalityNote(); syncControls(); paintChart(); });

  const lv = $('#level');
  lv.textContent = '';
  lv.append(el('option', { value: '', text: 'quick mark…' }));
  lv.append(el('optgroup', { label: 'Stocking (both legs) up to' }, STOCKING.map(([v, t]) => el('option', { value: 'stocking:' + v, text: 'stocking to ' + t }))));
  lv.append(el('optgroup', { label: 'Glove (both hands) up to' }, GLOVE.map(([v, t]) => el('option', { value: 'glove:' + v, text: 'glove to ' + t }))));
  const trunk = vocab.regions.filter(r => r.limb === 'trunk');
  lv.append(el('optgroup', { label: 'Sensory level: from this point down' },
    trunk.map(r => el('option', { value: 'level:' + r.id, text: 'level ' + (LEVEL_OF(r.name) || '') + ' and below (' + nameOf('regions', r.id) + ')' }))));
  $('#mark-level').addEventListener('click', markLevel);
  modalityNote();
}
/* The regions a choice marks, and those it marks normal (the skin just
   above a stocking or a glove, the trunk points above a sensory level: a
   level is where sensation changes). */
export function levelRegions(choice) {
  const [kind, what] = choice.split(':');
  if (kind === 'stocking' || kind === 'glove') {
    const row = (kind === 'stocking' ? STOCKING : GLOVE).find(x => x[0] === what);
    const rows = kind === 'stocking' ? STOCKING : GLOVE, next = rows[rows.indexOf(row) + 1];
    const limb = kind === 'stocking' ? 'leg' : 'arm', rank = r => r.distal_rank || 0, lo = row[2] - 1e-9;
    /* A stocking "to mid-shin" says too that the skin above it is normal:
       the band up to the next level is marked normal (above the last
       level, the rest of the limb), or the extent stays open upwards. */
    const top = next ? next[2] - 1e-9 : -1;
    return { lost: vocab.regions.filter(r => r.limb === limb && rank(r) >= lo).map(r => r.id),
      normal: vocab.regions.filter(r => r.limb === limb && rank(r) < lo && rank(r) >= top).map(r => r.id) };
  }
  if (kind === 'level') {
    const trunk = vocab.regions.filter(r => r.limb === 'trunk').map(r => r.id), i = trunk.indexOf(what);
    if (i < 0) return { lost: [], normal: [] };
    return { lost: trunk.slice(i).concat(vocab.regions.filter(r => r.limb === 'leg' || r.limb === 'midline').map(r => r.id)),
      normal: trunk.slice(0, i) };
  }
  return { lost: [], normal: [] };
}
function markLevel() {
  const choice = $('#level').value;
  if (!choice) { $('#level').focus(); return; }
  const status = $('#level-status').value;
  const { lost, normal } = levelRegions(choice);
  const sidesOf = id => (vocab.regions.find(r => r.id === id) || {}).limb === 'midline' ? ['midline'] : ['right', 'left'];
  for (const id of lost) for (const s of sidesOf(id)) state.skin.set(skinKey(id, s), status);
  for (const id of normal) for (const s of sidesOf(id)) state.skin.set(skinKey(id, s), 'normal');
  paintChart();
  syncControls();
  commit();
  const a = $('#announce');
  a.textContent = 'Marked ' + lost.length + ' regions ' + status + ' on both sides' + (normal.length ? ', ' + normal.length + ' regions above it normal' : '') + '.';
}
/* Say which modality the chart shows, and how many findings of the
   others are hidden from it. */
function modalityNote() {
  const n = $('#modality-note');
  let other = 0;
  for (const k of state.skin.keys()) if ((k.split('|')[2] || '') !== view.modality) other++;
  n.textContent = other ? other + ' finding' + (other > 1 ? 's' : '') + ' of other modalities not shown' : '';
}
export { modalityNote };
