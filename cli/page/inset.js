// The hands and feet enlarged under the chart: at desktop width a finger
// of the body chart is about 8 x 27 px (4 x 15 on a phone), too small to
// hit or to read. Each inset is a copy of a view's hand or foot regions,
// drawn about four times larger; a touch on a copy marks the region itself
// (chart.js finds the region by its data-region and data-side), and the
// copies are painted with the chart. The keyboard and screen readers keep
// the chart and the sensation list: the copies are hidden from them.
import { el } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
const HAND = new Set(['thumb', 'index_finger', 'middle_finger', 'ring_finger', 'little_finger', 'lateral_palm',
  'medial_palm', 'radial_dorsum_hand', 'dorsum_hand_ulnar']);
const FOOT = new Set(['great_toe', 'middle_toes', 'small_toe', 'dorsum_foot', 'first_web_space', 'lateral_foot',
  'lateral_heel', 'sole']);
/* What each view shows of a hand and a foot (the chart stands the patient
   with palms forward). */
const PARTS = [
  ['view-front', HAND, 'Palms'], ['view-back', HAND, 'Backs of the hands'],
  ['view-front', FOOT, 'Tops of the feet'], ['view-soles', FOOT, 'Soles']
];

function bbox(groups) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const g of groups) for (const p of g.querySelectorAll('polygon')) {
    const xy = (p.getAttribute('points') || '').trim().split(/[\s,]+/).map(Number);
    for (let i = 0; i + 1 < xy.length; i += 2) {
      x0 = Math.min(x0, xy[i]); x1 = Math.max(x1, xy[i]);
      y0 = Math.min(y0, xy[i + 1]); y1 = Math.max(y1, xy[i + 1]);
    }
  }
  return x0 < x1 ? { x0, y0, x1, y1 } : null;
}
function copy(groups, box, sideWord) {
  const pad = 3;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', [box.x0 - pad, box.y0 - pad, box.x1 - box.x0 + 2 * pad, box.y1 - box.y0 + 2 * pad].map(v => v.toFixed(1)).join(' '));
  svg.setAttribute('class', 'inset-svg');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const g of groups) {
    const c = g.cloneNode(true);
    c.removeAttribute('id');
    c.removeAttribute('tabindex');
    c.removeAttribute('role');
    c.setAttribute('data-copy', 'inset');
    // A copy is not one of the chart's regions (the keyboard order, the
    // territory and the tests count those): chart.js paints and hits both.
    c.classList.replace('region', 'region-copy');
    for (const o of c.querySelectorAll('.territory-outline, polygon.pain-overlay')) o.remove();
    svg.append(c);
  }
  return el('figure', { class: 'inset-one' }, svg, el('figcaption', { text: sideWord }));
}
/* The insets for one chart: per part, the patient's right then left as
   the view draws them (front: right on the viewer's left; back and soles:
   left on the viewer's left). */
export function buildInsets(svg) {
  const box = svg.parentNode;
  if (!box) return;
  const wrap = el('div', { class: 'insets', id: 'chart-insets', 'aria-hidden': 'true' });
  for (const [viewId, set, title] of PARTS) {
    const view = svg.querySelector('#' + viewId);
    if (!view) continue;
    const sides = viewId === 'view-front' ? ['right', 'left'] : ['left', 'right'];
    const figs = [];
    for (const side of sides) {
      const groups = [...view.querySelectorAll('g.region')].filter(g => set.has(g.dataset.region) && g.dataset.side === side);
      const b = groups.length ? bbox(groups) : null;
      if (b) figs.push(copy(groups, b, side === 'right' ? 'patient\'s right' : 'patient\'s left'));
    }
    if (figs.length) wrap.append(el('div', { class: 'inset' }, el('div', { class: 'inset-title', text: title }), el('div', { class: 'inset-pair' }, figs)));
  }
  if (wrap.children.length) svg.after(wrap);
}
