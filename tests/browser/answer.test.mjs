// The answer side of the page of `radloc serve`, in a real browser: the
// version-2 answers (a nerve's site, a myelopathy's level and form, a cauda
// equina's extent, the two parts of a two-lesion answer), nested root
// answers, the quiz from a teaching case, the export of the exam as a
// teaching case and back, the same draws as the CLI, and a phone.
//
//   node tests/browser/answer.test.mjs    (tests/browser/run.sh runs it after page.test.mjs)
//
// Prints "N passed, M failed", exits non-zero on any failure, saves
// screenshots to build/browser/answer-*.png.
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

const fixture = name => join(root, 'fixtures', 'cases', name + '.yaml');
const text = (page, sel) => page.$eval(sel, e => e.textContent).catch(() => null);

// Load a file through the bar (a teaching case loads its exam) and wait
// for the leader.
async function loadCase(page, name, label) {
  await page.setInputFiles('#load-file', fixture(name));
  await waitLeader(page, label);
}

// The exam on the page, as Export JSON writes it.
async function exportedJson(page) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const j = JSON.parse(readFileSync(await d.path(), 'utf8'));
  delete j.id;
  return JSON.stringify(j);
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const base = await startServer();
  profile = mkdtempSync(join(tmpdir(), 'radloc-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport: { width: 1280, height: 800 }, acceptDownloads: true, timeout: 30000,
  });
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  page.on('dialog', d => d.accept());   // "New exam" asks first (chart.test.mjs tests the question)
  const problems = [], scoreUrls = [];
  page.on('pageerror', e => problems.push('page error: ' + e.message));
  page.on('console', m => { if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) problems.push('console: ' + m.text()); });
  page.on('request', r => { if (r.url().includes('/v1/score')) scoreUrls.push(r.url()); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  await page.goto(base + '/');
  await page.waitForSelector('#motor-great_toe_extension-left');
  await page.waitForSelector('#region-dorsum_foot-left');

  // ---- The version-2 answers, each with its own field.
  await check('a nerve with its site', async () => {
    await loadCase(page, 'radial-spiral-groove-left', 'radial left');
    ok(/spiral groove/i.test(await text(page, '#ans-site')), 'the radial nerve answer names its site', await text(page, '#ans-site'));
    ok(/Radial nerve left/.test(await text(page, '#leader-label')), 'the leader is named as a nerve and a side', await text(page, '#leader-label'));
    await page.waitForFunction(() => { const n = document.querySelector('#territory-note'); return n && !n.hidden; });
    ok(await page.$$eval('#chart .territory-outline', o => o.length) > 0, 'the nerve\'s territory is outlined on the chart');
    const rows = await page.$$eval('#ranking .num b', bs => bs.map(b => b.textContent));
    ok(rows.length > 0 && !rows.includes('<0.1 %'), 'no ranking row below 0.1 % is drawn', rows.join(' | '));
    ok(scoreUrls.length > 0 && scoreUrls.every(u => !/draws=/.test(u)), 'the page asks for the server\'s draws (as the CLI)', scoreUrls.join(' '));
    ok(/from 1000 plausible patients/.test(await text(page, '.scale-note')), 'the page says the intervals come from 1000 draws', await text(page, '.scale-note'));
  });
  await check('a myelopathy with its level and form', async () => {
    await loadCase(page, 'myelopathy-hemicord-right', 'myelopathy');
    ok(/^T\d+ /.test(await text(page, '#ans-level')), 'the myelopathy answer names a thoracic level', await text(page, '#ans-level'));
    ok(/hemicord|Brown/i.test(await text(page, '#ans-form')), 'and its form (hemicord)', await text(page, '#ans-form'));
    ok(/Myelopathy at T\d+/.test(await text(page, '#leader-label')), 'the leader reads "Myelopathy at T.."', await text(page, '#leader-label'));
    const rows = await page.$$eval('#ranking .num b', bs => bs.map(b => b.textContent));
    ok(!rows.includes('<0.1 %') && /more below 0\.1 % not shown/.test(await text(page, '.scale-note')),
      'rows below 0.1 % are counted, not drawn', rows.join(' | ') + ' / ' + await text(page, '.scale-note'));
    await page.screenshot({ path: join(shots, 'answer-myelopathy.png') });
  });
  await check('a cauda equina with its extent', async () => {
    await loadCase(page, 'cauda-equina-sacral', 'cauda_equina');
    ok(/^Sacral roots only/.test(await text(page, '#ans-extent')), 'the cauda equina answer names its extent', await text(page, '#ans-extent'));
    ok(await page.$$eval('#red-flags [data-flag=cauda_equina_red_flag]', f => f.length) === 1, 'with its red flag');
  });
  await check('two lesions and their parts', async () => {
    await loadCase(page, 'two-lesions-ulnar-left-common-peroneal-right', 'ulnar left + common_peroneal right');
    ok(/ulnar nerve, left/i.test(await text(page, '#ans-part-1')) && /common peroneal nerve, right/i.test(await text(page, '#ans-part-2')),
      'each of the two lesions is named', (await text(page, '#ans-part-1')) + ' / ' + (await text(page, '#ans-part-2')));
    await page.waitForFunction(() => /each of the two lesions/.test((document.querySelector('#territory-note') || {}).textContent || ''));
    const sides = await page.$$eval('#chart g.region.territory', gs => [...new Set(gs.map(g => g.id.split('-').pop()))].sort().join(','));
    ok(sides === 'left,right', 'both lesions are outlined, one on each side', sides);
    await page.screenshot({ path: join(shots, 'answer-two-lesions.png') });
  });
  await check('nested root answers', async () => {
    await loadCase(page, 'c6-c7-left', 'C6+C7 left');
    const nested = await page.$$eval('#ranking li.nested', ls => ls.map(l => l.dataset.label));
    ok(nested.includes('C6 left'), 'C6 left sits under C6+C7 left as the same lesion', nested.join(' | '));
    ok(/C6\+C7 left or C6 left.*together \d+ %/.test(await text(page, '#same-lesion')), 'the leader says the two are one lesion, with their sum', await text(page, '#same-lesion'));
    const forL = await page.$$eval('#evidence .ev-for li', ls => ls.length);
    ok(forL > 0, 'evidence for the leader is listed', forL);
  });
  await check('other, with what it means', async () => {
    const r = await page.evaluate(async () => (await import('/words.js')).hypWords({ kind: 'pattern', pattern: 'other', label: 'other' }));
    ok(/none of the lesions radloc models/.test(r) && /do not force a root/.test(r), '"other" is said with what it means', r);
  });

  // ---- Export as a teaching case; load it back: the same exam.
  await check('export round trip', async () => {
    const before = await exportedJson(page);
    await page.click('#teach summary');
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('#export-case')]);
    const yaml = readFileSync(await d.path(), 'utf8');
    ok(/^expect:\n  pattern: multiradiculopathy\n  label: "C6\+C7 left"/m.test(yaml) && /^exam:\n  motor:|^exam:\n  sensory:/m.test(yaml),
      'the case has the exam and an expect block with the leader', yaml);
    const back = await fetch(base + '/v1/case', { method: 'POST', body: yaml, headers: { 'Content-Type': 'application/yaml' } });
    ok(back.status === 200, 'radloc reads the exported case', back.status);
    await page.click('#clear');
    await page.waitForFunction(() => !document.querySelector('#leader'));
    await page.setInputFiles('#quiz-file', { name: 'c.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
    await page.waitForSelector('#quiz');
    const after = await exportedJson(page);
    ok(after === before, 'the exported case loads back to the same exam', before + '\n' + after);
    await page.click('#quiz button.quiet');
    await page.waitForSelector('#leader');
  });

  // ---- The quiz: choose first, then see radloc's ranking and the case's answer.
  await check('quiz', async () => {
    await page.setInputFiles('#quiz-file', fixture('cauda-equina-sacral'));
    await page.waitForSelector('#quiz');
    await settled(page);
    ok(!(await page.$('#leader')) && await page.$$eval('#red-flags > *', f => f.length) === 0, 'the quiz hides radloc\'s answer and flags until the student chooses');
    ok(await page.$eval('#quiz-reveal', b => b.disabled), 'the answer cannot be shown before a choice');
    const choices = await page.$$eval('#quiz input[name=quiz-pick]', is => is.map(i => i.value));
    ok(choices.includes('cauda_equina') && choices.includes('normal'), 'the choices include the expected answer and its rival', choices.join(' | '));
    await page.check('#quiz input[value=normal]');
    await page.screenshot({ path: join(shots, 'answer-quiz.png') });
    await page.click('#quiz-reveal');
    await page.waitForSelector('#quiz-verdict');
    ok(/differs/.test(await text(page, '#quiz-verdict')), 'a wrong choice is told so');
    ok(/Expected by the case: Cauda equina syndrome, sacral/.test(await text(page, '#quiz-expected')), 'the case\'s expected answer is shown', await text(page, '#quiz-expected'));
    ok(/radloc ranks it 1st/.test(await text(page, '#quiz-radloc')) && await leader(page) === 'cauda_equina', 'with radloc\'s ranking', await text(page, '#quiz-radloc'));
    await page.screenshot({ path: join(shots, 'answer-quiz-verdict.png') });
    await page.click('#quiz-verdict button');
    await page.waitForFunction(() => !document.querySelector('#quiz-verdict'));
  });

  // ---- A phone: the headline percentage on one line, nothing past the edge.
  await check('phone', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await loadCase(page, 'myelopathy-hemicord-right', 'myelopathy');
    const m = await page.evaluate(() => {
      const pctEl = document.querySelector('.leader .pct');
      const w = window.innerWidth;
      const past = [...document.querySelectorAll('#answer-panel .ival, #answer-panel .num, #answer-panel dd, #answer-panel .pct')]
        .filter(e => e.getBoundingClientRect().right > w + 0.5).map(e => e.className + ':' + e.textContent);
      return { lines: pctEl.getClientRects().length, h: pctEl.getBoundingClientRect().height,
        lh: parseFloat(getComputedStyle(pctEl).lineHeight) || 1.3 * parseFloat(getComputedStyle(pctEl).fontSize),
        overflow: Math.max(document.querySelector('#answer-panel').getBoundingClientRect().right - w,
          document.querySelector('#answer-panel').scrollWidth - document.querySelector('#answer-panel').clientWidth), past };
    });
    ok(m.lines === 1 && m.h < 1.6 * m.lh, 'the headline percentage does not wrap on a phone', JSON.stringify(m));
    ok(m.overflow <= 0 && m.past.length === 0, 'no interval or answer text runs past the phone\'s edge', JSON.stringify(m));
    await page.$eval('#answer-panel', e => e.scrollIntoView());
    await page.screenshot({ path: join(shots, 'answer-phone.png') });
    await page.locator('#answer-panel').screenshot({ path: join(shots, 'answer-phone-panel.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  const violations = await page.evaluate(() => window.__csp || []);
  ok(violations.length === 0, 'no CSP violations', violations.join(' | '));
  ok(problems.length === 0, 'no script errors', problems.join(' | '));
}

main().then(() => { clearTimeout(watchdog); return finish(); },
  e => { failed++; console.log('FAIL ' + (e && e.stack ? e.stack : e)); clearTimeout(watchdog); return finish(1); });
