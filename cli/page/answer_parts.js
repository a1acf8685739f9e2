// The parts of the answer that name a version-2 lesion (contract section
// 4): the leader's site, level and form, extent or two parts as a short
// list; what `other` means; which answers are one lesion at another
// extent (C6 inside C6+C7); and the note under the leader that says what
// the dashed outline on the chart is.
import { el } from './dom.js';
import { cap, pct, hypWords, shortName, siteText, formText, caudaText, OTHER_TEXT } from './words.js';

const row = (term, value, id) => [el('dt', { text: term }), el('dd', { text: value, id: id || null })];

/* The leader's own fields, each on its line. */
export function details(h) {
  const rows = [];
  if (h.kind === 'nerve' && h.site) rows.push(row('Site', cap(siteText(h.site)), 'ans-site'));
  if (h.pattern === 'myelopathy') {
    if (h.level) {
      /* How sure of the level, when the engine says it (level_probability);
         otherwise the level is the most probable one, no more. */
      const sure = typeof h.level_probability === 'number'
        ? ' (' + pct(h.level_probability) + ' sure of this level)' : ' (the most probable level)';
      rows.push(row('Level', h.level + sure, 'ans-level'));
    }
    if (h.form) rows.push(row('Form', cap(formText(h.form)), 'ans-form'));
  }
  if (h.pattern === 'cauda_equina' && h.extent) rows.push(row('Extent', cap(caudaText(h.extent)), 'ans-extent'));
  if (h.kind === 'two_lesions' && h.parts)
    h.parts.forEach((p, i) => rows.push(row(['First', 'Second'][i] + ' lesion', cap(hypWords(p)), 'ans-part-' + (i + 1))));
  if (h.pattern === 'other') rows.push(row('What it means', cap(OTHER_TEXT), 'ans-other'));
  return rows.length ? el('dl', { class: 'ans-details', id: 'ans-details' }, rows.flat()) : null;
}

/* Root answers that are one lesion at another extent: the same side and
   one's roots inside the other's ("C6 left" inside "C6+C7 left"). */
function nested(a, b) {
  if (a.kind !== 'root' || b.kind !== 'root' || a.side !== b.side || !a.roots || !b.roots) return false;
  const [small, big] = a.roots.length <= b.roots.length ? [a, b] : [b, a];
  return small.roots.length < big.roots.length && small.roots.every(r => big.roots.includes(r));
}
/* The row above h (in the rows shown) that h is the same lesion as. */
export function nestedUnder(h, shown) {
  for (const p of shown) { if (p === h) return null; if (nested(p, h)) return p; }
  return null;
}
/* "C6+C7 left or C6 left: one lesion at two extents, together 76 %". */
export function sameLesion(lead, ranking) {
  const kin = ranking.filter(h => h !== lead && nested(lead, h) && h.probability >= 0.001);
  if (!kin.length) return '';
  const sum = kin.reduce((t, h) => t + h.probability, lead.probability);
  return [lead, ...kin].map(shortName).join(' or ') + ': one lesion at ' +
    (kin.length === 1 ? 'two extents' : 'different extents') + ', together ' + pct(sum) +
    ' (the next test tells which roots).';
}

/* What the dashed outline is, once the chart has it. */
export function territoryNote(svg, r) {
  const note = document.getElementById('territory-note');
  const lead = r && r.ranking && r.ranking[0];
  if (!note || !lead) return;
  note.textContent = '';
  const outlined = svg && svg.querySelector('.territory-outline');
  let text = '';
  if (outlined) {
    text = lead.kind === 'two_lesions' ? 'Dashed outlines on the chart: the territory of each of the two lesions (' +
        lead.parts.map(shortName).join(' and ') + ').'
      : lead.pattern === 'cauda_equina' ? 'Dashed outline on the chart: the saddle and the skin of the roots this extent takes.'
      : 'Dashed outline on the chart: where ' + shortName(lead) + ' would be felt.';
  } else if (lead.pattern === 'myelopathy' && lead.level) {
    text = 'A cord lesion at ' + lead.level + ' is felt below it: the chart outlines no single territory.';
  }
  note.hidden = !text;
  if (!text) return;
  if (outlined) {
    const sw = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    sw.setAttribute('class', 'sw'); sw.setAttribute('aria-hidden', 'true');
    const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
    use.setAttribute('href', '#sw-territory');
    sw.append(use);
    note.append(sw, ' ');
  }
  note.append(text);
}

