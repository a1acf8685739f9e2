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
  upper_motor_neuron: 'Upper motor neuron signs',
  two_processes: 'Needs two lesions to explain the findings',
  sensory_level: 'Sensory level (a cord sign)',
  dissociated_sensory_loss: 'Dissociated sensory loss (pain and temperature apart from touch, vibration, position)'
};
export const PATTERN_TEXT = {
  radiculopathy: 'radiculopathy (one root)', multiradiculopathy: 'radiculopathy of more than one root',
  polyneuropathy: 'length-dependent polyneuropathy', mononeuropathy: 'mononeuropathy (one nerve)',
  cauda_equina: 'cauda equina syndrome', myelopathy: 'myelopathy (spinal cord)', normal: 'no focal lesion',
  other: 'none of the lesions radloc models', plexopathy: 'plexopathy (a trunk, cord or plexus)',
  motor_neuron_disease: 'motor neuron disease', two_lesions: 'two lesions at once'
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
/* The version-2 answers in the clinic's words (contract section 4). */
const SITE_TEXT = { axilla: 'in the axilla', spiral_groove: 'at the spiral groove',
  posterior_interosseous: 'posterior interosseous branch (forearm)', elbow: 'at the elbow',
  anterior_interosseous: 'anterior interosseous branch (forearm)', wrist: 'at the wrist',
  fibular_head: 'at the fibular head', popliteal: 'in the popliteal fossa',
  tarsal_tunnel: 'in the tarsal tunnel', sciatic_notch: 'at the sciatic notch' };
const FORM_TEXT = { transverse: 'transverse (both sides)',
  hemicord: 'hemicord (Brown-Séquard: one side\'s weakness and position sense, the other side\'s pain)',
  central: 'central cord (cape of lost pin prick, arms weaker than legs)' };
const CAUDA_TEXT = { sacral: 'sacral roots only (S2–S5: saddle and sphincters, legs spared)',
  conus: 'conus medullaris (saddle, early sphincters, mixed upper and lower motor neuron signs)',
  low: 'low (S1–S5)', full: 'full (L4 or L5 to S5, often asymmetric)' };
const PLEXUS_TEXT = { upper_trunk: 'upper trunk of the brachial plexus (C5–C6)',
  middle_trunk: 'middle trunk of the brachial plexus (C7)', lower_trunk: 'lower trunk of the brachial plexus (C8–T1)',
  lateral_cord: 'lateral cord of the brachial plexus', posterior_cord: 'posterior cord of the brachial plexus',
  medial_cord: 'medial cord of the brachial plexus', lumbar_plexus: 'lumbar plexus (L1–L4)',
  sacral_plexus: 'sacral plexus (L4–S3)' };
export const OTHER_TEXT = 'none of the lesions radloc models fits (for example a Guillain-Barré-like ' +
  'neuropathy, a muscle or junction disease, or findings entered by mistake): think again, do not force a root';
const sideText = s => s === 'bilateral' ? 'both sides' : s || '';
export const siteText = s => SITE_TEXT[s] || String(s).replace(/_/g, ' ');
export const formText = f => FORM_TEXT[f] || String(f).replace(/_/g, ' ');
export const caudaText = e => CAUDA_TEXT[e] || String(e).replace(/_/g, ' ');

/* A hypothesis as a clinician names it, with its site, level and form,
 * extent or parts: "radial nerve, left, at the spiral groove". */
export function hypWords(h) {
  if (!h) return '';
  if (h.kind === 'two_lesions' && h.parts) return 'two lesions at once: ' + h.parts.map(hypWords).join(' + ');
  if (h.kind === 'root' && h.roots)
    return h.roots.map(r => nameOf('roots', r)).join(' and ') + (h.roots.length > 1 ? ' (' + ['', '', 'two', 'three'][h.roots.length] + ' roots)' : '') + (h.side === 'bilateral' ? ', both sides' : h.side ? ', ' + h.side : '');
  if (h.kind === 'nerve' && h.nerve) {
    /* Some names carry their one site ("... nerve at the fibular head"):
       said once. */
    const n = nameOf('nerves', h.nerve), at = h.site ? siteText(h.site) : '';
    const base = (/nerve/.test(n) ? n : n + ' nerve').replace(at ? ' ' + at : '\u0000', '');
    return base + (h.side ? ', ' + sideText(h.side) : '') + (at ? ', ' + at : '');
  }
  if (h.kind === 'plexus' && h.plexus) return (PLEXUS_TEXT[h.plexus] || h.plexus.replace(/_/g, ' ')) + (h.side ? ', ' + sideText(h.side) : '');
  if (h.pattern === 'myelopathy')
    return 'myelopathy (spinal cord)' + (h.level ? ' at ' + h.level : '') + (h.form ? ', ' + formText(h.form) : '');
  if (h.pattern === 'cauda_equina') return 'cauda equina syndrome' + (h.extent ? ', ' + caudaText(h.extent) : '');
  if (h.pattern === 'motor_neuron_disease') return 'motor neuron disease (upper and lower motor neuron signs, no sensory loss)';
  if (h.pattern === 'other') return OTHER_TEXT;
  const p = PATTERN_TEXT[h.pattern] || h.pattern;
  return h.extent ? p + ', ' + (EXTENT_TEXT[h.extent] || h.extent) : p;
}
/* The short name for a heading or a ranking row: "Myelopathy at T7",
 * "Radial nerve left", "C6+C7 left". */
export function shortName(h) {
  if (!h) return '';
  if (h.kind === 'two_lesions' && h.parts) return h.parts.map(shortName).join(' + ');
  if (h.kind === 'nerve' && h.nerve) return cap(nameOf('nerves', h.nerve).replace(/ nerve.*$/, '')) + ' nerve ' + (h.side || '');
  if (h.kind === 'plexus' && h.plexus) return cap(h.plexus.replace(/_/g, ' ')) + ' ' + (h.side || '');
  if (h.pattern === 'myelopathy') return 'Myelopathy' + (h.level ? ' at ' + h.level : '');
  if (h.pattern === 'cauda_equina') return 'Cauda equina' + (h.extent ? ' (' + h.extent.replace(/_/g, ' ') + ')' : '');
  if (h.pattern === 'other') return 'Other (none fits)';
  return cap(labelText(h.label));
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
