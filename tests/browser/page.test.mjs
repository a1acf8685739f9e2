// The clinician's page of `radloc serve`, in a real browser (Debian's
// chromium driven by playwright-core; no browser is ever downloaded).
//
//   node tests/browser/page.test.mjs      (tests/browser/run.sh installs what is missing)
//
// Starts `build/radloc serve --port 0 --quiet` (or $RADLOC), enters exams the
// way a clinician would (touching the body chart, choosing grades), checks
// the answer, the territory outline, the flags and the red-flag banner,
// export and load, and saves screenshots to build/browser/*.png. Prints
// "N passed, M failed" and exits non-zero on any failure; the server and the
// browser are stopped whatever happens.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const radloc = process.env.RADLOC || join(root, 'build', 'radloc');
const shots = join(root, 'build', 'browser');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const STEP_MS = 15000;

let passed = 0, failed = 0;
let server = null, context = null, profile = null;

function ok(cond, what, detail) {
  if (cond) { passed++; console.log('ok   ' + what); }
  else { failed++; console.log('FAIL ' + what + (detail !== undefined ? ': ' + detail : '')); }
  return cond;
}

async function check(what, fn) {
  try { await fn(); } catch (e) { ok(false, what, e && e.message ? e.message.split('\n')[0] : String(e)); }
}

function startServer() {
  return new Promise((resolveStart, reject) => {
    const p = spawn(radloc, ['serve', '--port', '0', '--quiet'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    server = p;
    let out = '', err = '';
    const t = setTimeout(() => reject(new Error('radloc serve did not say where it listens: ' + out + err)), 10000);
    p.stdout.on('data', d => {
      out += d;
      const m = /listening on (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) { clearTimeout(t); resolveStart(m[1]); }
    });
    p.stderr.on('data', d => { err += d; });
    p.on('error', e => { clearTimeout(t); reject(e); });
    p.on('exit', code => { clearTimeout(t); server = null; reject(new Error('radloc serve exited with ' + code + ': ' + err)); });
  });
}

async function stopAll() {
  if (context) { try { await context.close(); } catch (_) { /* gone */ } context = null; }
  if (server) {
    const p = server;
    await new Promise(r => {
      const t = setTimeout(() => { try { p.kill('SIGKILL'); } catch (_) { /* gone */ } r(); }, 3000);
      p.once('exit', () => { clearTimeout(t); r(); });
      try { p.kill('SIGTERM'); } catch (_) { clearTimeout(t); r(); }
    });
    server = null;
  }
  if (profile) { try { rmSync(profile, { recursive: true, force: true }); } catch (_) { /* fine */ } profile = null; }
}

// Whatever happens, stop the server and the browser.
let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  await stopAll();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code !== undefined ? code : failed ? 1 : 0);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { failed++; console.log('FAIL interrupted by ' + sig); finish(1); });
const watchdog = setTimeout(() => { failed++; console.log('FAIL the test took longer than 180 s'); finish(1); }, 180000);

async function regionState(page, id) {
  return page.$eval('#' + id, g => g.getAttribute('aria-label'));
}

// Touch a region on the chart until its label says `want` (the touch steps
// normal -> reduced -> absent -> not examined).
async function touchUntil(page, id, want, how = 'click') {
  for (let i = 0; i < 4; i++) {
    const label = await regionState(page, id);
    if (label.endsWith(': ' + want)) return label;
    if (how === 'click') await page.click('#' + id);
    else { await page.focus('#' + id); await page.keyboard.press(how); }
  }
  return regionState(page, id);
}

async function leader(page) {
  return page.$eval('#leader', e => e.dataset.label).catch(() => null);
}

async function waitLeader(page, label) {
  await page.waitForFunction(l => {
    const e = document.querySelector('#leader');
    const b = document.querySelector('#answer-body');
    return e && e.dataset.label === l && b && !b.classList.contains('updating');
  }, label, { timeout: STEP_MS });
}

async function settled(page) {
  await page.waitForFunction(() => {
    const b = document.querySelector('#answer-body');
    return b && !b.classList.contains('updating') && document.querySelector('#answer-panel').getAttribute('aria-busy') !== 'true';
  }, null, { timeout: STEP_MS });
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const base = await startServer();
  ok(/^http:\/\/127\.0\.0\.1:\d+$/.test(base), 'radloc serve listens on a free port', base);

  profile = mkdtempSync(join(tmpdir(), 'radloc-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    timeout: 30000,
  });
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  page.on('dialog', d => d.accept());   // "New exam" asks first (chart.test.mjs tests the question)

  const problems = [], outside = [];
  page.on('pageerror', e => problems.push('page error: ' + e.message));
  // A failed request the page expects (a refused file: 422) is logged by
  // chromium as "Failed to load resource"; what counts is an uncaught error,
  // another console error, a CSP violation or a 5xx.
  page.on('console', m => {
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
      problems.push('console: ' + m.text());
  });
  // The page's own files (index.html loads page.css and main.js, main.js
  // imports the other scripts), with the type each was served as.
  const parts = new Map();
  page.on('response', r => {
    if (r.status() >= 500) problems.push(r.status() + ' from ' + r.url());
    if (/\.(css|js)$/.test(new URL(r.url()).pathname)) parts.set(new URL(r.url()).pathname, r.status() + ' ' + (r.headers()['content-type'] || ''));
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  page.on('request', r => { if (!r.url().startsWith(base) && !/^(data|blob):/.test(r.url())) outside.push(r.url()); });

  const resp = await page.goto(base + '/');
  ok(resp && resp.status() === 200, 'GET / answers 200', resp && resp.status());
  const csp = resp ? resp.headers()['content-security-policy'] || '' : '';
  ok(/default-src 'none'/.test(csp), 'the page is served with the CSP', csp);
  const directive = name => (csp.split(';').map(d => d.trim()).find(d => d.startsWith(name + ' ')) || '');
  ok(directive('script-src') === "script-src 'self'" && directive('style-src') === "style-src 'self'",
    'the CSP allows scripts and styles from the page\'s own files only (no unsafe-inline)', csp);
  await page.waitForSelector('#motor-great_toe_extension-left', { timeout: STEP_MS });
  ok(true, 'the page builds its lists from /v1/vocabulary');
  const wrong = [...parts].filter(([path, how]) => how !== '200 ' +
    (path.endsWith('.css') ? 'text/css' : 'text/javascript') + '; charset=utf-8');
  ok(parts.has('/page.css') && parts.has('/main.js') && parts.has('/chart.js') && wrong.length === 0,
    'the page\'s styles and scripts are served as text/css and text/javascript', JSON.stringify([...parts]));
  const inline = await page.evaluate(() => ({
    scripts: [...document.scripts].filter(s => !s.src).length,
    styles: document.querySelectorAll('style').length,
    attributes: [...document.querySelectorAll('*')].filter(e => e.hasAttribute('style') ||
      [...e.attributes].some(a => a.name.startsWith('on'))).map(e => e.localName + (e.id ? '#' + e.id : '')) }));
  ok(inline.scripts === 0 && inline.styles === 0 && inline.attributes.length === 0,
    'the markup has no inline script, style or event handler', JSON.stringify(inline));
  // The empty chart (GET /v1/chart.svg) is there before any finding.
  await page.waitForSelector('#region-dorsum_foot-left', { timeout: STEP_MS }).catch(() => null);
  const blank = await page.$$eval('#chart g.region', gs => ({ n: gs.length,
    marked: gs.filter(g => !g.classList.contains('untested') || g.classList.contains('territory')).length,
    buttons: gs.filter(g => g.getAttribute('role') === 'button' && /^(0|-1)$/.test(g.getAttribute('tabindex')) && g.getAttribute('aria-label')).length,
    stops: gs.filter(g => g.getAttribute('tabindex') === '0').map(g => g.id) }));
  ok(blank.n > 70 && blank.marked === 0, 'the empty body chart is drawn before any finding, nothing marked', JSON.stringify(blank));
  ok(blank.buttons === blank.n, 'every region is a focusable, labelled button', JSON.stringify(blank));
  ok(blank.stops.length === 1 && blank.stops[0] === 'region-lateral_shoulder-right',
    'the chart is one Tab stop, on the first region (front view, right shoulder)', blank.stops.join(' '));
  // The page shows the chart's figures as the chart marks them: the part
  // they fill, their labels, no panel.
  const served = await page.evaluate(async () => (await fetch('/v1/chart.svg')).text());
  const box = (/data-figures-viewbox="([^"]+)"/.exec(served) || [])[1];
  const shown = await page.$eval('#chart svg', svg => ({ box: svg.getAttribute('viewBox'),
    texts: [...svg.querySelectorAll(':scope > text')].map(t => t.textContent + (t.classList.contains('view-label') ? '' : ' (not a view label)')),
    panel: svg.querySelectorAll(':scope > line, :scope > rect, :scope > title, :scope > desc').length }));
  ok(box && shown.box === box, 'the chart is cut to the figures as the chart says (data-figures-viewbox)', shown.box + ' vs ' + box);
  ok(shown.texts.join('|') === 'R|L|FRONT|patient\'s left on your right|L|R|BACK|patient\'s left on your left|SOLES|from the foot of the bed|R|L' && shown.panel === 0,
    'only the view labels come with the figures, none of the panels', shown.texts.join('|') + '; ' + shown.panel + ' panel elements');
  await page.screenshot({ path: join(shots, 'empty.png') });

  // ---- Keyboard: one Tab stop, arrows in a fixed anatomical order.
  await check('chart keyboard', async () => {
    const active = () => page.evaluate(() => { const a = document.activeElement; return a ? a.id + ' = ' + (a.getAttribute('aria-label') || '') : ''; });
    const press = async k => { await page.keyboard.press(k); return active(); };
    await page.focus('#brush-cycle');
    let a = await press('Tab');
    ok(a.startsWith('region-lateral_shoulder-right = lateral shoulder right: '), 'Tab from the brush enters the chart on the right lateral shoulder', a);
    const walk = [];
    for (let i = 0; i < 5; i++) walk.push((await press('ArrowDown')).split(' = ')[0]);
    ok(walk.join(' ') === 'region-lateral_arm-right region-lateral_antecubital-right region-lateral_forearm-right region-thumb-right region-lateral_palm-right',
      'ArrowDown walks the right arm in root order (C5 to C6)', walk.join(' '));
    // Each key, the region it must reach, and what that shows.
    for (const [key, want, what] of [
      ['ArrowRight', 'region-index_finger-right = ', 'ArrowRight also moves on, to the index finger'],
      ['ArrowUp', 'region-lateral_palm-right = ', 'ArrowUp moves back'],
      ['ArrowLeft', 'region-thumb-right = ', 'ArrowLeft moves back too'],
      ['PageDown', 'region-groin-right = ', 'PageDown jumps to the next limb: the right leg'],
      ['PageDown', 'region-lateral_shoulder-left = ', 'then the left arm of the front view'],
      ['PageUp', 'region-groin-right = ', 'PageUp jumps back to the start of the previous limb'],
      ['End', 'region-sole-left = ', 'End goes to the last region (left sole)'],
      ['PageUp', 'region-sole-right = ', 'PageUp from the left sole goes to the right sole'],
      ['PageUp', 'region-perianal-midline = ', 'then to the midline of the back view (perianal, saddle)'],
      ['Home', 'region-lateral_shoulder-right = ', 'Home goes back to the first region'],
    ]) {
      a = await press(key);
      ok(a.startsWith(want), what, a);
    }
    // The full order: every region once, views front, back, soles.
    const order = [];
    for (let i = 0; i < blank.n; i++) order.push((i ? await press('ArrowDown') : await active()).split(' = ')[0]);
    ok(new Set(order).size === blank.n, 'the arrows reach every region once', order.length + ' distinct of ' + blank.n);
    const views = await page.$$eval('#chart g.region', gs => Object.fromEntries(gs.map(g => [g.id, g.closest('g[id^="view-"]').id])));
    const seq = order.map(id => views[id]).filter((v, i, l) => i === 0 || l[i - 1] !== v).join(' ');
    ok(seq === 'view-front view-back view-soles', 'the arrows go through the front view, then the back, then the soles', seq);
    ok(await press('ArrowDown') === await active() && (await active()).startsWith('region-sole-left'), 'the arrows stop at the last region');
    // Tab leaves the chart; Shift+Tab comes back to the region left last.
    await press('Home'); await press('ArrowDown'); await press('ArrowDown');
    a = await press('Tab');
    ok(!a.startsWith('region-'), 'Tab leaves the chart in one step', a);
    a = await press('Shift+Tab');
    ok(a.startsWith('region-lateral_antecubital-right = '), 'Shift+Tab comes back to the region focused last', a);
    // A touch re-renders the chart from /v1/map; focus stays on the region.
    await page.evaluate(() => { document.querySelector('#chart svg').dataset.old = '1'; });
    a = await press('Enter');
    ok(/lateral antecubital fossa right: tested normal$/.test(a), 'Enter marks the focused region', a);
    await page.waitForFunction(() => { const s = document.querySelector('#chart svg'); return s && !s.dataset.old; }, null, { timeout: STEP_MS });
    await settled(page);
    a = await active();
    ok(a.startsWith('region-lateral_antecubital-right = '), 'focus stays on the region when the chart is drawn again', a);
    const stops = await page.$$eval('#chart g.region[tabindex="0"]', gs => gs.map(g => g.id));
    ok(stops.join(' ') === 'region-lateral_antecubital-right', 'the redrawn chart keeps one Tab stop, on that region', stops.join(' '));
    a = await press('ArrowDown');
    ok(a.startsWith('region-lateral_forearm-right = '), 'the arrows go on in the same order after the redraw', a);
    await page.screenshot({ path: join(shots, 'keyboard.png') });
    await page.click('#clear');
    await page.waitForFunction(() => !document.querySelector('#leader') && !document.querySelector('#chart g.region:not(.untested)'), null, { timeout: STEP_MS });
  });

  // ---- Small regions have a touch target of at least 24 px.
  await check('hit areas', async () => {
    // How far a touch reaches the region through its centre, across and down
    // (what the browser itself finds under the pointer, hit areas included).
    const reach = await page.evaluate(() => {
      const owner = t => { if (!t || !t.closest) return null; const g = t.closest('#chart g.region'); if (g) return g.id; const h = t.closest('#chart .hit'); return h ? h.dataset.for : null; };
      const out = {};
      for (const g of document.querySelectorAll('#chart g.region')) {
        // Through the centre of the region, or of its hit area when that is a circle on top.
        const over = document.querySelector('#chart .hit.over[data-for="' + g.id + '"]');
        const r = (over || g.querySelector('polygon')).getBoundingClientRect(), cx = r.x + r.width / 2, cy = r.y + r.height / 2;
        const run = (dx, dy) => { let n = 0; for (let d = 0.5; d < 40; d += 0.5) { if (owner(document.elementFromPoint(cx + dx * d, cy + dy * d)) !== g.id) break; n = d; } return n; };
        const d = g.querySelector('polygon').getBoundingClientRect();
        out[g.id] = { drawn: [Math.round(d.width), Math.round(d.height)], across: run(-1, 0) + run(1, 0), down: run(0, -1) + run(0, 1) };
      }
      return out;
    });
    const peri = await page.$eval('#chart .hit[data-for="region-perianal-midline"]', h => { const b = h.getBoundingClientRect(); return { w: b.width, h: b.height }; }).catch(() => null);
    const p = reach['region-perianal-midline'];
    ok(peri && peri.w >= 24 && peri.h >= 24, 'the perianal region (drawn ' + p.drawn.join(' x ') + ' px) has a hit area of at least 24 x 24 px', JSON.stringify(peri));
    ok(p.across >= 24 && p.down >= 24, 'a touch reaches the perianal region over at least 24 px across and down', JSON.stringify(p));
    // The saddle around it keeps most of its area, its top in particular.
    const saddle = await page.evaluate(() => {
      const g = document.querySelector('#region-saddle-midline'), poly = g.querySelector('polygon'), b = poly.getBoundingClientRect();
      const svg = poly.ownerSVGElement, m = poly.getScreenCTM().inverse();
      let drawn = 0, kept = 0, top = 0;
      for (let x = b.x; x <= b.right; x++) for (let y = b.y; y <= b.bottom; y++) {
        const q = new DOMPoint(x, y).matrixTransform(m), p = svg.createSVGPoint(); p.x = q.x; p.y = q.y;
        if (!poly.isPointInFill(p)) continue;
        drawn++;
        const t = document.elementFromPoint(x, y), mine = t && t.closest && t.closest('g.region') === g;
        if (mine) kept++;
        if (mine && y < b.y + b.height * 0.2) top++;
      }
      return { drawn, kept, top, share: kept / drawn };
    });
    ok(saddle.share >= 0.4 && saddle.top > 60, 'the saddle keeps ' + Math.round(saddle.share * 100) + ' % of its area, its top in particular', JSON.stringify(saddle));
    const small = ['great_toe', 'small_toe', 'first_web_space', 'medial_malleolus', 'little_finger', 'index_finger', 'lateral_heel']
      .flatMap(r => ['left', 'right'].map(s => 'region-' + r + '-' + s)).map(id => [id, reach[id]])
      .filter(([, r]) => Math.max(r.across, r.down) < 24);
    ok(small.length === 0, 'toes, fingers, malleoli and heels can be touched over at least 24 px one way', JSON.stringify(small));
    const paint = await page.$$eval('#chart .hit', hs => [...new Set(hs.map(h => { const c = getComputedStyle(h); return c.fill + ' / ' + c.stroke; }))]);
    ok(paint.length === 1 && /^rgba\(0, 0, 0, 0\) \/ rgba\(0, 0, 0, 0\)$/.test(paint[0]), 'the hit areas draw nothing', paint.join(' | '));
    // A touch beside the drawn circle, inside its hit area, marks the perianal skin.
    const spot = await page.evaluate(() => {
      const g = document.querySelector('#region-perianal-midline');
      const r = g.querySelector('polygon').getBoundingClientRect(), cx = r.x + r.width / 2, cy = r.y + r.height / 2;
      for (let d = r.width / 2 + 6; d > r.width / 2 + 1; d--)
        for (let a = 0; a < 16; a++) {
          const x = cx + d * Math.cos(a * Math.PI / 8), y = cy + d * Math.sin(a * Math.PI / 8);
          const t = document.elementFromPoint(x, y);
          if (t && t.classList.contains('hit') && t.dataset.for === g.id) return { x, y, d };
        }
      return null;
    });
    ok(!!spot, 'there is a point beside the drawn perianal circle that belongs to its hit area', JSON.stringify(spot));
    if (spot) {
      await page.mouse.click(spot.x, spot.y);
      const label = await regionState(page, 'region-perianal-midline');
      ok(/^perianal.*: tested normal$/.test(label), 'touching ' + spot.d.toFixed(1) + ' px from the centre of the perianal circle marks it', label);
      await page.click('#clear');
      await page.waitForFunction(() => !document.querySelector('#leader') && !document.querySelector('#chart g.region:not(.untested)'), null, { timeout: STEP_MS });
    }
    await page.mouse.move(0, 0);
  });

  // ---- 1. A left L5 picture: numb dorsum of the foot, weak great-toe extension.
  await check('L5 left', async () => {
    const label = await touchUntil(page, 'region-dorsum_foot-left', 'sensation reduced');
    ok(label === 'dorsum of the foot left: sensation reduced', 'touching the left dorsum of the foot marks it reduced', label);
    await page.selectOption('#motor-great_toe_extension-left', '3');
    ok(await page.$eval('#skin-dorsum_foot-left', s => s.value) === 'reduced', 'the skin list follows the chart');
    await waitLeader(page, 'L5 left');
    ok(await leader(page) === 'L5 left', 'L5 left leads', await leader(page));
    const first = await page.$eval('#ranking li', li => li.dataset.label);
    ok(first === 'L5 left', 'the ranking starts with L5 left', first);
    const rows = await page.$$eval('#ranking li', l => l.length);
    ok(rows >= 2 && rows <= 8, 'the ranking shows at most 8 hypotheses', rows);
    const bar = await page.$eval('#ranking li .track', t => t.getAttribute('aria-label'));
    ok(/%, 90 % interval \S+ to \S+ %/.test(bar), 'the bar states the probability and its 90 % interval', bar);
    await page.waitForFunction(() => { const g = document.querySelector('#region-dorsum_foot-left'); return g && g.classList.contains('territory'); }, null, { timeout: STEP_MS });
    const outline = await page.$eval('#region-dorsum_foot-left', g => {
      const o = g.querySelector('polygon.territory-outline');
      return o ? o.getAttribute('stroke-dasharray') : null;
    });
    ok(!!outline, 'the chart outlines the L5 territory (dashed) on the left dorsum of the foot', outline);
    const right = await page.$eval('#region-dorsum_foot-right', g => g.classList.contains('territory'));
    ok(!right, 'the right dorsum of the foot is not in the territory');
    const evidence = await page.$eval('#evidence', e => e.textContent);
    ok(/likelihood ratio/.test(evidence), 'the evidence gives likelihood ratios');
    const next = await page.$eval('#next-test', e => e.textContent);
    ok(/separates/i.test(next), 'the next best test names the pair it separates', next);
    await page.screenshot({ path: join(shots, 'l5-left.png') });
    await page.screenshot({ path: join(shots, 'l5-left-full.png'), fullPage: true });
  });

  // ---- 2. Clear; a stocking picture entered from the keyboard on the chart.
  await check('stocking-glove', async () => {
    await page.click('#clear');
    await page.waitForFunction(() => !document.querySelector('#leader'), null, { timeout: STEP_MS });
    ok(await page.$eval('#motor-great_toe_extension-left', s => s.value) === '', 'clear exam empties the lists');
    const cleared = await page.$eval('#region-dorsum_foot-left', g => g.getAttribute('aria-label') + (g.querySelector('.territory-outline') ? ' outlined' : ''));
    ok(/not examined$/.test(cleared), 'clear exam empties the chart', cleared);
    for (const side of ['left', 'right']) {
      for (const region of ['great_toe', 'sole']) {
        const label = await touchUntil(page, `region-${region}-${side}`, 'sensation absent', 'Enter');
        ok(/sensation absent$/.test(label), `Enter on the ${side} ${region} steps it to absent`, label);
      }
      await page.selectOption(`#reflex-ankle-${side}`, '0');
    }
    await page.waitForSelector('#flags [data-flag=stocking_glove]', { timeout: STEP_MS });
    await settled(page);
    ok(await page.isVisible('#flags [data-flag=stocking_glove]'), 'the stocking_glove flag is shown');
    ok(await leader(page) === 'polyneuropathy', 'polyneuropathy leads', await leader(page));
    await page.screenshot({ path: join(shots, 'stocking-glove.png') });
  });

  // ---- 3. Saddle loss: the cauda equina banner.
  await check('cauda equina', async () => {
    await page.click('#clear');
    await page.waitForFunction(() => !document.querySelector('#leader'), null, { timeout: STEP_MS });
    ok(await page.$eval('#red-flags', e => e.children.length) === 0, 'no red flag with an empty exam');
    await page.waitForSelector('#region-saddle-midline', { timeout: STEP_MS });
    await page.click('label[for=brush-reduced]');
    // The saddle is an inverted U: touch its top, not the middle of its box.
    const box = await page.$eval('#region-saddle-midline', g => { const r = g.getBoundingClientRect(); return { w: r.width, h: r.height }; });
    await page.click('#region-saddle-midline', { position: { x: box.w / 2, y: box.h * 0.15 } });
    ok(/sensation reduced$/.test(await regionState(page, 'region-saddle-midline')), 'with "reduced" chosen, one touch marks the saddle reduced');
    await page.click('label[for=brush-cycle]');
    await page.waitForSelector('#red-flags [data-flag=cauda_equina_red_flag]', { timeout: STEP_MS });
    await settled(page);
    const banner = await page.$eval('#red-flags', e => ({ role: e.getAttribute('role'), text: e.textContent }));
    ok(banner.role === 'alert', 'the red-flag banner is an alert');
    ok(/RED FLAG/.test(banner.text) && /cauda equina/i.test(banner.text), 'the banner says cauda equina in words', banner.text);
    ok(await page.isVisible('#red-flags .alert.red'), 'the banner is visible');
    await page.screenshot({ path: join(shots, 'cauda-equina.png') });

    // Again after a clear, entered from the list this time.
    await page.click('#clear');
    await page.waitForFunction(() => !document.querySelector('#leader'), null, { timeout: STEP_MS });
    ok(await page.$eval('#red-flags', e => e.children.length) === 0, 'clear exam takes the banner away');
    await page.selectOption('#skin-saddle-midline', 'absent');
    await page.waitForSelector('#red-flags [data-flag=cauda_equina_red_flag]', { timeout: STEP_MS });
    ok(/sensation absent$/.test(await regionState(page, 'region-saddle-midline')), 'the chart follows the skin list');
    ok(true, 'the banner comes back for a saddle loss entered from the list');
  });

  // ---- 3b. Only NT findings: a gentle word, not an error.
  await check('only NT', async () => {
    await page.click('#clear');
    await page.waitForFunction(() => !document.querySelector('#leader'), null, { timeout: STEP_MS });
    await page.selectOption('#motor-hip_flexion-left', 'NT');
    await page.waitForFunction(() => /not testable/.test(document.querySelector('#answer-note').textContent), null, { timeout: STEP_MS });
    ok(true, 'an exam of NT findings only says they are left out');
    await page.click('#clear');
  });

  // ---- 4. Export the exam; load it back; it round-trips through /v1/exam.
  await check('export and load', async () => {
    await page.fill('#exam-id', 'browser-test');
    await page.selectOption('#skin-saddle-midline', 'reduced');
    await page.selectOption('#motor-knee_extension-right', '4');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-yaml')]);
    const yaml = readFileSync(await dl.path(), 'utf8');
    ok(dl.suggestedFilename() === 'browser-test.yaml', 'the YAML file is named after the exam id', dl.suggestedFilename());
    ok(/region: saddle, status: reduced/.test(yaml) && /movement: knee_extension, side: right, grade: 4/.test(yaml),
      'the YAML has the findings in the contract format', yaml);
    const back = await fetch(base + '/v1/exam', { method: 'POST', body: yaml, headers: { 'Content-Type': 'application/yaml' } });
    ok(back.status === 200, 'radloc reads the exported YAML', back.status);
    const [dj] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const json = JSON.parse(readFileSync(await dj.path(), 'utf8'));
    ok(json.id === 'browser-test' && json.sensory[0].region === 'saddle', 'the JSON export is the exam', JSON.stringify(json));

    await page.setInputFiles('#load-file', join(root, 'fixtures', 'exams', 'demo.yaml'));
    await page.waitForFunction(() => document.querySelector('#exam-id').value === 'bed-12-2026-03-04', null, { timeout: STEP_MS });
    ok(await page.$eval('#motor-great_toe_extension-left', s => s.value) === '3', 'loading a YAML exam fills the lists');
    ok(await page.$eval('#skin-saddle-midline', s => s.value) === '', 'loading replaces the previous exam');
    await waitLeader(page, 'L5 left');
    ok(/sensation reduced$/.test(await regionState(page, 'region-dorsum_foot-left')), 'loading a YAML exam fills the chart');
    ok(await page.isVisible('#status button'), 'a load can be undone');

    await page.setInputFiles('#load-file', { name: 'bad.yaml', mimeType: 'text/yaml', buffer: Buffer.from('motor:\n  - {movement: great_toe_extensoin, side: left, grade: 3}\n') });
    await page.waitForFunction(() => /Could not load/.test(document.querySelector('#status').textContent), null, { timeout: STEP_MS });
    const msg = await page.$eval('#status', e => e.textContent);
    ok(/line 2, column/.test(msg), 'a bad file is refused with its line and column', msg);
    ok(await page.$eval('#exam-id', e => e.value) === 'bed-12-2026-03-04', 'a bad file leaves the exam unchanged');
    // Every problem of a bad file at once, and no "?." after a suggestion.
    await page.setInputFiles('#load-file', { name: 'bad3.yaml', mimeType: 'text/yaml', buffer: Buffer.from(
      'motor:\n  - {movement: great_toe_extensoin, side: left, grade: 3}\n  - {movement: knee_extention, side: left, grade: 4}\n' +
      'reflex:\n  - {reflex: ankel, side: left, grade: 1}\n') });
    await page.waitForFunction(() => /bad3\.yaml/.test(document.querySelector('#status').textContent), null, { timeout: STEP_MS });
    const all = await page.$eval('#status', e => e.textContent);
    ok(/3 problems/.test(all) && /line 2, column/.test(all) && /line 3, column/.test(all) && /line 5, column/.test(all),
      'a bad file shows every problem with its place', all);
    ok(!/\?\./.test(all), 'a suggestion ending in "?" gets no full stop after it', all);
  });

  // ---- 5. Print: the summary without the controls.
  await check('print', async () => {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    ok(!(await page.isVisible('#findings')) && !(await page.isVisible('#clear')), 'printing hides the controls');
    ok(await page.isVisible('#ranking') && await page.isVisible('#chart svg'), 'printing keeps the answer and the chart');
    await page.screenshot({ path: join(shots, 'print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  // ---- 6. A tablet.
  await check('tablet', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    ok(overflow <= 0, 'no sideways scrolling at tablet width', overflow);
    await page.screenshot({ path: join(shots, 'tablet.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  const violations = await page.evaluate(() => window.__csp || []);
  ok(violations.length === 0, 'no CSP violations', violations.join(' | '));
  ok(problems.length === 0, 'no script errors', problems.join(' | '));
  ok(outside.length === 0, 'nothing fetched from outside radloc serve', outside.join(' '));
}

main().then(() => { clearTimeout(watchdog); return finish(); },
  e => { failed++; console.log('FAIL ' + (e && e.stack ? e.stack : e)); clearTimeout(watchdog); return finish(1); });
