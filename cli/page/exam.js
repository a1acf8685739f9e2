// The exam as the clinician entered it, and as the exam format writes it
// (docs/exam-format.md): to JSON and YAML for the server and for export,
// and back from what /v1/exam normalised.
import { vocab } from './words.js';

/* The exam as the clinician entered it. Keys are "id|side"; side is
   left, right or midline. Values are what the exam format writes. */
export const state = { id: '', reflexScale: '', skin: new Map(), pain: new Set(), motor: new Map(),
  reflex: new Map(), signs: new Map() };
export const key = (id, side) => id + '|' + side;
/* The sensory modalities of the exam format; '' is a finding without one
   (its own, unstated modality). The skin's keys are "id|side" for an
   unstated finding and "id|side|modality" otherwise: one finding per
   region, side and modality, as the format counts them. The chart and the
   sensation list show and edit one modality at a time (`modality`). */
export const MODALITIES = ['', 'light_touch', 'pin_prick', 'vibration', 'proprioception', 'temperature'];
export const view = { modality: '' };
export const skinKey = (id, side, mod) => {
  const m = mod === undefined ? view.modality : mod;
  return key(id, side) + (m ? '|' + m : '');
};
export const sidesOf = limb => limb === 'midline' ? ['midline'] : ['left', 'right'];

/* The exam as the format writes it, and back. */
export function count() {
  return state.skin.size + state.pain.size + state.motor.size + state.reflex.size + state.signs.size;
}
function grade(g) { return /^[0-5]$/.test(g) ? Number(g) : g; }
export function buildExam() {
  const ex = {};
  const id = state.id.trim();
  if (id) ex.id = id;
  if (state.reflexScale) ex.reflex_scale = state.reflexScale;
  const sensory = [], motor = [], reflex = [], signs = [], pain = [];
  const put = (list, side, o) => { if (side !== 'midline') o.side = side; list.push(o); };
  for (const r of vocab.regions) for (const s of sidesOf(r.limb)) for (const m of MODALITIES) {
    const v = state.skin.get(skinKey(r.id, s, m));
    if (v) { const o = { region: r.id }; put(sensory, s, o); o.status = v; if (m) o.modality = m; }
  }
  for (const m of vocab.movements) for (const s of sidesOf(m.limb)) {
    const v = state.motor.get(key(m.id, s));
    if (v) { const o = { movement: m.id }; put(motor, s, o); o.grade = grade(v); }
  }
  for (const r of vocab.reflexes) for (const s of sidesOf(r.limb)) {
    const v = state.reflex.get(key(r.id, s));
    if (v) { const o = { reflex: r.id }; put(reflex, s, o); o.grade = grade(v); }
  }
  for (const g of vocab.signs) for (const s of sidesOf(g.limb)) {
    const v = state.signs.get(key(g.id, s));
    if (v) { const o = { sign: g.id }; put(signs, s, o); o.result = v; }
  }
  for (const r of vocab.regions) for (const s of sidesOf(r.limb))
    if (state.pain.has(key(r.id, s))) put(pain, s, { region: r.id });
  if (sensory.length) ex.sensory = sensory;
  if (motor.length) ex.motor = motor;
  if (reflex.length) ex.reflex = reflex;
  if (signs.length) ex.signs = signs;
  if (pain.length) ex.pain = pain;
  return ex;
}
function yamlScalar(v) {
  if (typeof v === 'number') return String(v);
  if (/^[A-Za-z_][A-Za-z0-9_.\-]*$/.test(v) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(v)) return v;
  return JSON.stringify(v);
}
export function toYaml(ex) {
  const lines = ['# radloc exam, entered on the radloc page ' + new Date().toISOString().slice(0, 16).replace('T', ' ')];
  if (ex.id !== undefined) lines.push('id: ' + JSON.stringify(ex.id));
  if (ex.reflex_scale) lines.push('reflex_scale: ' + ex.reflex_scale);
  for (const sec of ['sensory', 'motor', 'reflex', 'signs', 'pain']) {
    if (!ex[sec]) continue;
    lines.push(sec + ':');
    for (const o of ex[sec])
      lines.push('  - {' + Object.entries(o).map(([k, v]) => k + ': ' + yamlScalar(v)).join(', ') + '}');
  }
  return lines.join('\n') + '\n';
}
function side(o) { return o.side || 'midline'; }
export function loadExam(ex) {
  state.id = ex.id === undefined ? '' : String(ex.id);
  state.reflexScale = ex.reflex_scale && ex.reflex_scale !== 'bedside' ? ex.reflex_scale : '';
  state.skin.clear(); state.pain.clear(); state.motor.clear(); state.reflex.clear(); state.signs.clear();
  for (const o of ex.sensory || []) state.skin.set(skinKey(o.region, side(o), o.modality || ''), String(o.status));
  for (const o of ex.pain || []) state.pain.add(key(o.region, side(o)));
  for (const o of ex.motor || []) state.motor.set(key(o.movement, side(o)), String(o.grade));
  for (const o of ex.reflex || []) state.reflex.set(key(o.reflex, side(o)), String(o.grade).replace(/\+$/, ''));
  for (const o of ex.signs || []) state.signs.set(key(o.sign, side(o)), String(o.result));
}
export function snapshot() {
  return { id: state.id, reflexScale: state.reflexScale, skin: new Map(state.skin), pain: new Set(state.pain),
    motor: new Map(state.motor), reflex: new Map(state.reflex), signs: new Map(state.signs) };
}
export function restore(s) { Object.assign(state, s); }
/* The exam as text and back, for the undo history and the browser's own
   storage (history.js). */
export function serialise() {
  return JSON.stringify({ id: state.id, reflexScale: state.reflexScale, skin: [...state.skin], pain: [...state.pain],
    motor: [...state.motor], reflex: [...state.reflex], signs: [...state.signs] });
}
export function deserialise(text) {
  const o = JSON.parse(text);
  restore({ id: String(o.id || ''), reflexScale: String(o.reflexScale || ''), skin: new Map(o.skin || []),
    pain: new Set(o.pain || []), motor: new Map(o.motor || []), reflex: new Map(o.reflex || []), signs: new Map(o.signs || []) });
}
