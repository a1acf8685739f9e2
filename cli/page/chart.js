// The body chart: the server's SVG (GET /v1/chart.svg, POST /v1/map)
// adopted into the page, its regions made buttons with larger targets for
// the small ones, walked by the keyboard in anatomical order, painted from
// the exam as it is entered, touched to mark the skin.
import { $, el } from './dom.js';
import { vocab, info, nameOf, cap } from './words.js';
import { state, key, skinKey } from './exam.js';
import { syncControls } from './findings.js';
import { commit } from './history.js';
import { buildInsets } from './inset.js';

/* Borders dark enough to see each region on a phone in daylight. */
const EDGE = '#7d7268';
const FILL = { normal: '#c4e6d8', reduced: 'url(#fill-reduced)', absent: 'url(#fill-absent)',
  increased: 'url(#fill-increased)' };
const SKIN_WORD = { normal: 'tested normal', reduced: 'sensation reduced', absent: 'sensation absent',
  increased: 'sensation increased', NT: 'not testable', '': 'not examined' };
const CYCLE = ['', 'normal', 'reduced', 'absent'];
export let chartSvg = null;        // the chart now in the page

/* The page's own state decides the shading, so a touch shows at once;
   the server's chart brings the territory outline. */
/* The chart says which part of it the figures fill (data-figures-viewbox)
   and which texts label them (class view-label); the page keeps those, the
   views and the textures, and leaves the panels to the answer column. */
export function adoptChart(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (!svg || svg.localName !== 'svg' || doc.getElementsByTagName('parsererror').length) throw new Error('not an SVG');
  const figures = svg.getAttribute('data-figures-viewbox');
  for (const c of [...svg.children]) {
    const tag = c.localName;
    if (tag === 'defs' || (tag === 'g' && /^view-/.test(c.id))) continue;
    if (tag === 'text' && c.classList.contains('view-label')) { c.setAttribute('aria-hidden', 'true'); continue; }
    c.remove();
  }
  for (const a of ['width', 'height', 'aria-labelledby', 'data-figures-viewbox']) svg.removeAttribute(a);
  if (figures) svg.setAttribute('viewBox', figures);
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', 'Body chart: front view (patient\'s left on your right), back view (patient\'s left on your left) and soles. Each region is a button.');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('aria-describedby', 'chart-keys');
  const node = document.importNode(svg, true);
  for (const g of node.querySelectorAll('g.region')) {
    g.setAttribute('tabindex', '-1');
    g.setAttribute('role', 'button');
  }
  addHits(node);
  return node;
}
/* Small regions get a larger, invisible target without changing what the
   chart shows. A region less than HIT_MIN chart units across (HIT_MIN is
   about 26 px at 1280 x 800) is drawn again with a wide transparent stroke
   in a layer under the regions of its view: the region still owns every
   point it covers and the hit area takes only the touches beside it (the
   tip of a finger or toe, the skin around the ankle). A small region drawn
   inside a larger one (the perianal circle in the saddle) has nothing free
   beside it: it gets a circle HIT_OVER across (about 25 px) on top, placed over the
   region where it covers least of the others (for the perianal circle: the
   notch under it), so the larger region keeps most of its area. */
const HIT_MIN = 36, HIT_OVER = 32;
function addHits(svg) {
  const ns = 'http://www.w3.org/2000/svg';
  const inside = (pts, x, y) => {
    let c = false;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++)
      if ((pts[i][1] > y) !== (pts[j][1] > y) && x < (pts[j][0] - pts[i][0]) * (y - pts[i][1]) / (pts[j][1] - pts[i][1]) + pts[i][0]) c = !c;
    return c;
  };
  for (const view of svg.querySelectorAll('g[id^="view-"]')) {
    const shapes = [];
    for (const g of view.querySelectorAll('g.region')) {
      const poly = g.querySelector('polygon');
      if (!poly) continue;
      const xy = (poly.getAttribute('points') || '').trim().split(/[\s,]+/).map(Number), pts = [];
      for (let i = 0; i + 1 < xy.length; i += 2) pts.push([xy[i], xy[i + 1]]);
      if (pts.length < 3) continue;
      const xs = pts.map(p => p[0]), ys = pts.map(p => p[1]);
      const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
      shapes.push({ g, poly, pts, x0, x1, y0, y1, w: x1 - x0, h: y1 - y0, area: (x1 - x0) * (y1 - y0) });
    }
    if (!shapes.length) continue;
    const under = [], over = [];
    for (const s of shapes) {
      if (Math.min(s.w, s.h) >= HIT_MIN) continue;
      const host = shapes.find(o => o !== s && o.area >= 4 * s.area && o.x0 <= s.x0 && o.x1 >= s.x1 && o.y0 <= s.y0 && o.y1 >= s.y1);
      if (!host) { under.push(s); continue; }
      const r = HIT_OVER / 2, cx = (s.x0 + s.x1) / 2, cy = (s.y0 + s.y1) / 2;
      const off = Math.max(0, r - Math.hypot(s.w, s.h) / 2);
      let best = null;
      for (let k = -1; k < 8; k++) {
        const x = k < 0 ? cx : cx + off * Math.cos(k * Math.PI / 4), y = k < 0 ? cy : cy + off * Math.sin(k * Math.PI / 4);
        let cost = 0;
        for (let px = x - r; px <= x + r; px += 1.5) for (let py = y - r; py <= y + r; py += 1.5)
          if (Math.hypot(px - x, py - y) <= r && !inside(s.pts, px, py) && shapes.some(o => o !== s && inside(o.pts, px, py))) cost++;
        if (!best || cost < best.cost) best = { x, y, cost };
      }
      over.push({ s, x: best.x, y: best.y, r });
    }
    const layer = list => {
      const l = document.createElementNS(ns, 'g');
      l.setAttribute('class', 'hits');
      l.setAttribute('aria-hidden', 'true');
      for (const e of list) l.append(e);
      return l;
    };
    if (under.length) {
      /* The smallest on top where two hit areas meet. */
      under.sort((a, b) => b.area - a.area);
      view.querySelector('g.region').before(layer(under.map(s => {
        const hit = document.createElementNS(ns, 'polygon');
        hit.setAttribute('class', 'hit');
        hit.setAttribute('data-for', s.g.id);
        hit.setAttribute('points', s.poly.getAttribute('points'));
        hit.setAttribute('stroke-width', String(HIT_MIN - Math.min(s.w, s.h)));
        return hit;
      })));
    }
    if (over.length) view.append(layer(over.map(o => {
      const hit = document.createElementNS(ns, 'circle');
      hit.setAttribute('class', 'hit over');
      hit.setAttribute('data-for', o.s.g.id);
      hit.setAttribute('cx', o.x.toFixed(1));
      hit.setAttribute('cy', o.y.toFixed(1));
      hit.setAttribute('r', o.r.toFixed(1));
      return hit;
    })));
  }
}
/* The region a pointer event is for: the region itself or its hit area. */
function regionAt(t) {
  if (!t || !t.closest) return null;
  const g = t.closest('#chart g.region, #chart g.region-copy');
  if (g) return g;
  const h = t.closest('#chart .hit');
  return h && chartSvg ? chartSvg.querySelector('#' + CSS.escape(h.getAttribute('data-for'))) : null;
}

/* The keyboard: the chart is one Tab stop (a roving tabindex); the arrow
   keys walk the regions in one fixed order whatever the drawing order (the
   server draws the territory last): front, back, soles; in each view the
   patient's right side, then the left, then the midline; on a side in the
   order of /v1/vocabulary, which is root order (C5 down the lateral arm to
   T1 up the medial arm; L1 down the leg to S1, then S2 to S4-5). */
const VIEWS = ['view-front', 'view-back', 'view-soles'], SIDE_ORDER = ['right', 'left', 'midline'];
let chartOrder = [];        // the regions in keyboard order
let chartStop = null;       // id of the region that holds the chart's Tab stop
function regionGroup(g) {
  const v = g.closest('g[id^="view-"]'), r = info.regions[g.dataset.region];
  return (v ? v.id : '') + '|' + g.dataset.side + '|' + (r ? r.limb : '');
}
const LIMB_ORDER = ['arm', 'leg', 'trunk', 'midline'];
function orderChart(svg) {
  const rank = new Map(((vocab && vocab.regions) || []).map((r, i) => [r.id, i]));
  const at = (list, x) => { const i = list.indexOf(x); return i < 0 ? list.length : i; };
  const pos = g => {
    const v = g.closest('g[id^="view-"]');
    // The trunk's points (a sensory level) come after the limbs of their
    // view, so that PageDown still goes arm, leg, other arm, other leg.
    // Within a side, the arm's regions before the leg's, whatever their
    // order in the rules (the neck and shoulder points were added last).
    const r = info.regions[g.dataset.region], limb = r ? r.limb : '', trunk = limb === 'trunk' ? 1 : 0;
    return [at(VIEWS, v ? v.id : ''), trunk, at(SIDE_ORDER, g.dataset.side), at(LIMB_ORDER, limb), rank.has(g.dataset.region) ? rank.get(g.dataset.region) : rank.size];
  };
  return [...svg.querySelectorAll('g.region')].map((g, i) => ({ g, k: pos(g).concat(i) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.k[3] - b.k[3] || a.k[4] - b.k[4] || a.k[5] - b.k[5]).map(x => x.g);
}
function setStop(g) {
  if (!chartSvg || !g) return;
  for (const r of chartSvg.querySelectorAll('g.region[tabindex="0"]')) if (r !== g) r.setAttribute('tabindex', '-1');
  g.setAttribute('tabindex', '0');
  chartStop = g.id;
}
export function placeChart(node) {
  const box = $('#chart');
  const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('#chart g.region');
  const fid = focused ? focused.id : null;
  box.textContent = '';
  box.append(node, el('div', { id: 'chart-tip', class: 'chart-tip', hidden: true, 'aria-hidden': 'true' }));
  chartSvg = node;
  chartOrder = orderChart(node);
  setStop((chartStop && node.querySelector('#' + CSS.escape(chartStop))) || chartOrder[0]);
  buildInsets(node);
  paintChart();
  if (fid) { const g = node.querySelector('#' + CSS.escape(fid)); if (g) g.focus({ preventScroll: true }); }
}
function regionLabel(g) {
  const id = g.dataset.region, s = g.dataset.side;
  const v = state.skin.get(skinKey(id, s)) || '';
  const pain = state.pain.has(key(id, s));
  return nameOf('regions', id) + (s === 'midline' ? '' : ' ' + s) + ': ' + SKIN_WORD[v] + (pain ? ', pain radiates here' : '');
}
function paintRegion(g) {
  const k = key(g.dataset.region, g.dataset.side);
  const v = state.skin.get(skinKey(g.dataset.region, g.dataset.side)) || '', pain = state.pain.has(k);
  const poly = g.querySelector('polygon');
  if (!poly) return;
  const cls = v === 'NT' ? 'untested' : (v || 'untested');
  g.classList.remove('untested', 'normal', 'reduced', 'absent', 'increased', 'pain');
  g.classList.add(cls);
  if (pain) g.classList.add('pain');
  poly.setAttribute('fill', FILL[v] || 'none');
  poly.setAttribute('stroke', v === 'normal' ? '#009e73' : EDGE);
  poly.setAttribute('stroke-width', v === 'normal' ? '1.6' : '1.1');
  let over = g.querySelector('polygon.pain-overlay');
  if (pain && !over) {
    over = document.createElementNS('http://www.w3.org/2000/svg', 'polygon');
    over.setAttribute('class', 'pain-overlay');
    over.setAttribute('fill', 'url(#fill-pain)');
    over.setAttribute('stroke', 'none');
    over.setAttribute('points', poly.getAttribute('points'));
    poly.after(over);
  } else if (!pain && over) over.remove();
  const label = regionLabel(g);
  g.setAttribute('aria-label', label);
  const title = g.querySelector('title');
  if (title) {
    const full = info.regions[g.dataset.region] ? info.regions[g.dataset.region].name : g.dataset.region;
    title.textContent = full + (g.dataset.side === 'midline' ? '' : ', ' + g.dataset.side) + ': ' + SKIN_WORD[v] +
      (pain ? '; pain felt here' : '') + (g.classList.contains('territory') ? '; in the territory of the most likely lesion' : '');
  }
}
export function paintChart() {
  if (!chartSvg) return;
  for (const g of document.querySelectorAll('#chart g.region, #chart g.region-copy')) paintRegion(g);
}
/* With no findings the territory means nothing: take it away. */
export function neutralChart() {
  if (!chartSvg) return;
  for (const o of chartSvg.querySelectorAll('.territory-outline')) o.remove();
  for (const g of document.querySelectorAll('#chart g.region.territory')) g.classList.remove('territory');
  paintChart();
  $('#chart').classList.remove('stale');
}
/* "Both sides": a touch on one side sets the other side's region to the
   same state (a stocking, a glove, a bilateral level in half the touches). */
export const mirrorOn = () => { const m = $('#mirror'); return !!(m && m.checked); };
export const otherSide = s => s === 'left' ? 'right' : s === 'right' ? 'left' : null;
function touch(g) {
  const id = g.dataset.region, side = g.dataset.side;
  const sides = mirrorOn() && otherSide(side) ? [side, otherSide(side)] : [side];
  const k = key(id, side), sk = skinKey(id, side);
  const brush = (document.querySelector('input[name=brush]:checked') || {}).value || 'cycle';
  if (brush === 'pain') {
    const on = !state.pain.has(k);
    for (const s of sides) if (on) state.pain.add(key(id, s)); else state.pain.delete(key(id, s));
  } else {
    const now = state.skin.get(sk) || '';
    let next;
    if (brush === 'cycle') { const i = CYCLE.indexOf(now); next = CYCLE[(i < 0 ? 0 : i + 1) % CYCLE.length]; }
    else if (brush === 'none') next = '';
    else next = now === brush ? '' : brush;
    for (const s of sides) if (next) state.skin.set(skinKey(id, s), next); else state.skin.delete(skinKey(id, s));
  }
  paintChart();
  syncControls();
  say(regionLabel(g) + (sides.length > 1 ? '; the same on the ' + otherSide(side) : ''));
  touched(g);
  commit();
}
/* What the last touch did, in words where the hint was: small regions are
   easy to miss with a finger. */
let hintTimer = 0, hintText = '';
function touched(g) {
  const hint = $('#chart-hint');
  if (!hintText) hintText = hint.textContent;
  const label = regionLabel(g), cut = label.lastIndexOf(': ');
  hint.textContent = '';
  hint.append(el('b', { text: cap(label.slice(0, cut)) }), ': ' + label.slice(cut + 2));
  hint.classList.add('touched');
  clearTimeout(hintTimer);
  hintTimer = setTimeout(resetHint, 5000);
}
export function resetHint() {
  const hint = $('#chart-hint');
  clearTimeout(hintTimer);
  if (hintText) hint.textContent = hintText;
  hint.classList.remove('touched');
}
export function onChartKey(e) {
  const g = e.target.closest && e.target.closest('g.region');
  if (!g) return;
  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); touch(g); return; }
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const list = chartOrder, i = list.indexOf(g), last = list.length - 1;
  if (i < 0) return;
  let j;
  switch (e.key) {
    case 'ArrowDown': case 'ArrowRight': j = Math.min(i + 1, last); break;
    case 'ArrowUp': case 'ArrowLeft': j = Math.max(i - 1, 0); break;
    case 'Home': j = 0; break;
    case 'End': j = last; break;
    case 'PageDown':
      j = i;
      while (j < last && regionGroup(list[j]) === regionGroup(g)) j++;
      if (regionGroup(list[j]) === regionGroup(g)) j = i;
      break;
    case 'PageUp':
      j = i;
      if (j > 0 && regionGroup(list[j - 1]) !== regionGroup(g)) j--;
      while (j > 0 && regionGroup(list[j - 1]) === regionGroup(list[j])) j--;
      break;
    default: return;
  }
  e.preventDefault();
  const to = list[j];
  setStop(to);
  to.focus();
  if (to !== g) touched(to);
}
export function onChartFocus(e) {
  const g = e.target.closest && e.target.closest('g.region');
  if (g) { setStop(g); showTip(g); }
}
/* The region's name on hover and focus, without touching the exam: a
   small label over the chart, just above the region. */
function showTip(g) {
  const tip = $('#chart-tip'), box = $('#chart');
  if (!tip || !box) return;
  const label = regionLabel(g), cut = label.lastIndexOf(': ');
  tip.textContent = '';
  tip.append(el('b', { text: cap(label.slice(0, cut)) }), ': ' + label.slice(cut + 2));
  const r = g.getBoundingClientRect(), b = box.getBoundingClientRect();
  tip.hidden = false;
  const w = tip.offsetWidth, h = tip.offsetHeight;
  let x = r.left - b.left + r.width / 2 - w / 2, y = r.top - b.top - h - 6;
  if (y < 0) y = r.bottom - b.top + 6;
  x = Math.max(0, Math.min(x, b.width - w));
  tip.style.left = x + 'px';
  tip.style.top = y + 'px';
}
export function hideTip() { const tip = $('#chart-tip'); if (tip) tip.hidden = true; }
export function onChartClick(e) {
  const g = regionAt(e.target);
  if (g) touch(g);
}
/* Hovering a hit area lights its region as hovering the region would. */
export function onChartHover(e) {
  const h = e.target.closest && e.target.closest('#chart .hit');
  const g = h ? regionAt(h) : null;
  if (g) g.classList.toggle('hover', e.type === 'pointerover');
  const r = regionAt(e.target);
  if (r && e.type === 'pointerover') showTip(r);
  else if (e.type === 'pointerout' && !regionAt(e.relatedTarget)) hideTip();
}
export function chartPlaceholder(html) {
  const box = $('#chart');
  box.textContent = '';
  const p = el('div', { class: 'placeholder', id: 'chart-placeholder' });
  p.innerHTML = html;
  box.append(p);
}
/* A screen reader hears what a touch did. */
function say(text) { const a = $('#announce'); a.textContent = ''; setTimeout(() => { a.textContent = text; }, 30); }
