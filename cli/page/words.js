// What the page says: the rule set's vocabulary (ids and their clinical
// names, from GET /v1/vocabulary) and the words for findings,
// hypotheses, the next test and numbers.
export const REFLEX_WORD = { '0': 'absent', '1': 'reduced', '2': 'normal', '3': 'brisk', '4': 'clonus' };
export const FLAG_TEXT = {
  stocking_glove: 'Stocking-glove: bilateral, symmetric, distal first (length-dependent)',
  bilateral: 'Findings on both sides',
  low_confidence: 'Low confidence (why: under Warnings)',
  inconsistent_findings: 'Findings do not fit one lesion',
  cauda_equina_red_flag: 'Cauda equina red flag',
  upper_motor_neuron: 'Upper motor neuron signs'
};
export const PATTERN_TEXT = {
  radiculopathy: 'radiculopathy (one root)', multiradiculopathy: 'radiculopathy of more than one root',
  polyneuropathy: 'length-dependent polyneuropathy', mononeuropathy: 'mononeuropathy (one nerve)',
  cauda_equina: 'cauda equina syndrome', myelopathy: 'myelopathy (spinal cord)', normal: 'no focal lesion',
  other: 'none of the lesions radloc models', plexopathy: 'plexopathy (a trunk, cord or plexus)'
};
const EXTENT_TEXT = { toes: 'toes only', ankle: 'up to the ankles', mid_leg: 'up to mid-leg',
  knee_fingertips: 'up to the knees and fingertips' };

export let vocab = null;        // the ids of the rule set, by kind, in root order
export const info = { regions: {}, movements: {}, reflexes: {}, signs: {}, roots: {}, nerves: {} };
/* The vocabulary as /v1/vocabulary answered it, also indexed by id. */
export function setVocabulary(v) {
  vocab = v;
  for (const k of Object.keys(info)) for (const x of vocab[k] || []) info[k][x.id] = x;
}
export const cap = s => s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
/* The clinical name without its parenthesis: "ankle (Achilles) reflex" -> "ankle reflex". */
function short(name) { return String(name || '').replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim(); }
export function nameOf(kind, id) { const v = info[kind][id]; return v ? short(v.name) : String(id).replace(/_/g, ' '); }
/* Never "100 %" for what is not certain nor "0 %" for what is not
 * impossible: beyond 99.9 and below 0.1 the digits mean nothing. */
export function pct(p) { return pnum(p) + ' %'; }
export function ival(lo, hi) { const a = pnum(lo), b = pnum(hi); return a === b ? a : a + '–' + b; }
export function pnum(p) {
  const v = 100 * p;
  return v > 99.9 ? '>99.9' : v < 0.1 ? '<0.1' : v >= 10 && v < 99.5 ? v.toFixed(0) : v.toFixed(1);
}

/* Words for findings (the evidence, the next test, the printed list). */
function sideWord(s) { return s === 'left' ? 'Left' : s === 'right' ? 'Right' : ''; }
export function withSide(s, name) { const w = sideWord(s); return w ? w + ' ' + name : cap(name); }
export function findingWords(text) {
  const t = String(text).split(' ');
  const kind = t[0], id = t[1];
  let s = '', i = 2;
  if (t[2] === 'left' || t[2] === 'right' || t[2] === 'midline') { s = t[2]; i = 3; }
  const val = t.slice(i).join(' ');
  switch (kind) {
    case 'sensory': return withSide(s, nameOf('regions', id)) + (val ? ': sensation ' + val.replace(/_/g, ' ') : '');
    case 'motor': return withSide(s, nameOf('movements', id)) + (val ? ': MRC ' + val + '/5' : '');
    case 'reflex': {
      const n = nameOf('reflexes', id);
      const g = val.replace(/\+$/, '');
      return withSide(s, /reflex/.test(n) ? n : n + ' reflex') + (val ? ': ' + (g in REFLEX_WORD ? g + (g === '0' ? '' : '+') + ' (' + REFLEX_WORD[g] + ')' : val) : '');
    }
    case 'sign': return withSide(s, nameOf('signs', id)) + (val ? ': ' + val : '');
    case 'pain': return 'Pain radiating to ' + (s && s !== 'midline' ? s + ' ' : '') + nameOf('regions', id);
    default: return String(text).replace(/_/g, ' ');
  }
}
export function hypWords(h) {
  if (!h) return '';
  if (h.kind === 'root' && h.roots)
    return h.roots.map(r => nameOf('roots', r)).join(' and ') + (h.roots.length > 1 ? ' (' + ['', '', 'two', 'three'][h.roots.length] + ' roots)' : '') + (h.side === 'bilateral' ? ', both sides' : '');
  if (h.kind === 'nerve' && h.nerve) return (info.nerves[h.nerve] ? info.nerves[h.nerve].name : h.nerve.replace(/_/g, ' ') + ' nerve');
  if (h.kind === 'plexus' && h.plexus) return h.plexus.replace(/_/g, ' ');
  const p = PATTERN_TEXT[h.pattern] || h.pattern;
  return h.extent ? p + ', ' + (EXTENT_TEXT[h.extent] || h.extent) : p;
}
export function labelText(l) { return String(l).replace(/_/g, ' '); }

/* The next test as an instruction. */
export function testWords(t) {
  const s = t.side && t.side !== 'midline' ? t.side + ' ' : '';
  switch (t.kind) {
    case 'region': return 'Test sensation over the ' + s + nameOf('regions', t.id);
    case 'movement': return 'Grade ' + s + nameOf('movements', t.id) + ' (MRC)';
    case 'reflex': { const n = nameOf('reflexes', t.id); return 'Test the ' + s + n + (/reflex/.test(n) ? '' : ' reflex'); }
    case 'sign': return 'Test for ' + (s ? 'the ' + s : '') + nameOf('signs', t.id);
    default: return findingWords(t.finding);
  }
}
/* A likelihood ratio from its logarithm, in as many digits as it needs. */
export function ratio(v) { return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2); }
export function lr(log) { return ratio(Math.exp(Math.abs(log))); }
