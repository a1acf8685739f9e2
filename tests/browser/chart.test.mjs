// The exam-entry side of the page in a real browser: the "both sides"
// tool, a stocking and a sensory level marked at once, the modality of a
// finding, names on hover, the enlarged hands and feet, undo and redo, the
// exam kept across a reload, the question before a new exam; screenshots
// at desktop and phone width in build/browser/chart-*.png.
//
//   node tests/browser/chart.test.mjs     (tests/browser/run.sh runs it)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

let passed = 0, failed = 0, server = null, context = null, profile = null;
function ok(cond, what, detail) {
  if (cond) { passed++; console.log('ok   ' + what); }
  else { failed++; console.log('FAIL ' + what + (detail !== undefined ? ': ' + detail : '')); }
  return cond;
}
async function check(what, fn) {
  try { await fn(); } catch (e) { ok(false, what, e && e.message ? e.message.split('\n')[0] : String(e)); }
}
function startServer() {
  return new Promise((done, reject) => {
    const p = spawn(radloc, ['serve', '--port', '0', '--quiet'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    server = p;
    let out = '';
    const t = setTimeout(() => reject(new Error('radloc serve did not start: ' + out)), 10000);
    p.stdout.on('data', d => { out += d; const m = /listening on (http:\/\/\S+?)\/?\s/.exec(out); if (m) { clearTimeout(t); done(m[1]); } });
    p.on('exit', code => { clearTimeout(t); server = null; reject(new Error('radloc serve exited with ' + code)); });
  });
}
let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  if (context) { try { await context.close(); } catch (_) { /* gone */ } }
  if (server) { const p = server; await new Promise(r => { p.once('exit', r); try { p.kill('SIGTERM'); } catch (_) { r(); } setTimeout(r, 3000); }); }
  if (profile) { try { rmSync(profile, { recursive: true, force: true }); } catch (_) { /* fine */ } }
  console.log(`chart: ${passed} passed, ${failed} failed`);
  process.exit(code !== undefined ? code : failed ? 1 : 0);
}
const watchdog = setTimeout(() => { failed++; console.log('FAIL the test took longer than 180 s'); finish(1); }, 180000);

const label = (page, id) => page.$eval('#' + id, g => g.getAttribute('aria-label'));
async function settled(page) {
  await page.waitForFunction(() => {
    const b = document.querySelector('#answer-body');
    return b && !b.classList.contains('updating') && document.querySelector('#answer-panel').getAttribute('aria-busy') !== 'true';
  }, null, { timeout: STEP_MS });
}
/* The next /v1/score the page sends after `act`: the exam it sent and the answer. */
async function scored(page, act) {
  const wait = page.waitForResponse(r => r.url().includes('/v1/score') && r.request().method() === 'POST', { timeout: STEP_MS });
  await act();
  const r = await wait;
  return { exam: JSON.parse(r.request().postData()), result: await r.json() };
}
async function newExam(page) {
  await page.click('#clear');
  await page.waitForFunction(() => !document.querySelector('#chart g.region.reduced, #chart g.region.absent, #chart g.region.normal'), null, { timeout: STEP_MS });
}
async function mark(page, choice, status) {
  await page.selectOption('#level', choice);
  await page.selectOption('#level-status', status);
  return scored(page, () => page.click('#mark-level'));
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const base = await startServer();
  profile = mkdtempSync(join(tmpdir(), 'radloc-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true, viewport: { width: 1280, height: 800 }, timeout: 30000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  const problems = [];
  page.on('pageerror', e => problems.push('page error: ' + e.message));
  page.on('console', m => { if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) problems.push('console: ' + m.text()); });
  let answerDialog = true, dialogs = 0;
  page.on('dialog', d => { dialogs++; return answerDialog ? d.accept() : d.dismiss(); });
  await page.goto(base + '/');
  await page.waitForSelector('#chart svg g.region');

  await check('names on hover and focus', async () => {
    await page.hover('#region-lateral_thigh-right');
    await page.waitForSelector('#chart-tip:not([hidden])');
    const tip = await page.$eval('#chart-tip', e => e.textContent);
    ok(/lateral thigh right/i.test(tip), 'hovering a region shows its name', tip);
    ok(/not examined$/.test(await label(page, 'region-lateral_thigh-right')), 'hovering changes nothing');
    await page.focus('#region-thumb-left');
    ok(/thumb left/i.test(await page.$eval('#chart-tip', e => e.textContent)), 'focus shows the name too');
  });

  await check('both sides', async () => {
    await page.check('#mirror');
    await page.click('label[for=brush-reduced]');
    const { exam } = await scored(page, () => page.click('#region-dorsum_foot-left'));
    ok(/sensation reduced$/.test(await label(page, 'region-dorsum_foot-right')), 'a touch on the left marks the right too');
    const s = (exam.sensory || []).filter(o => o.region === 'dorsum_foot').map(o => o.side + ' ' + o.status).sort().join(', ');
    ok(s === 'left reduced, right reduced', 'both sides go to the server', s);
    await page.selectOption('#motor-ankle_dorsiflexion-right', '4');
    ok(await page.$eval('#motor-ankle_dorsiflexion-left', s => s.value) === '4', 'a grade in the list is mirrored too');
    await page.uncheck('#mirror');
  });

  await check('undo and redo', async () => {
    await page.click('#undo');
    ok(await page.$eval('#motor-ankle_dorsiflexion-left', s => s.value) === '', 'undo takes the mirrored grade back (both sides)');
    ok(await page.$eval('#motor-ankle_dorsiflexion-right', s => s.value) === '', 'undo is one step for both sides');
    await page.keyboard.press('Control+z');
    ok(/not examined$/.test(await label(page, 'region-dorsum_foot-right')), 'Ctrl+Z undoes the touch');
    await page.click('#redo');
    ok(/sensation reduced$/.test(await label(page, 'region-dorsum_foot-left')), 'redo puts it back');
  });

  await check('new exam asks', async () => {
    answerDialog = false;
    await page.click('#clear');
    ok(dialogs === 1 && /sensation reduced$/.test(await label(page, 'region-dorsum_foot-left')), 'refusing the question keeps the exam');
    answerDialog = true;
    await newExam(page);
    ok(/not examined$/.test(await label(page, 'region-dorsum_foot-left')), 'accepting it clears the exam');
  });

  await check('stocking to mid-shin', async () => {
    const { exam, result } = await mark(page, 'stocking:mid_shin', 'reduced');
    const regs = new Set((exam.sensory || []).filter(o => o.status === 'reduced').map(o => o.region));
    const above = (exam.sensory || []).filter(o => o.status === 'normal').map(o => o.region).sort();
    ok(['lateral_leg', 'medial_leg', 'posterior_calf', 'great_toe', 'middle_toes', 'sole', 'medial_malleolus'].every(r => regs.has(r)), 'the stocking takes the foot, ankle and mid-leg', [...regs].join(' '));
    ok(!regs.has('medial_knee') && !regs.has('anterior_thigh'), 'and stops below the knee', [...regs].join(' '));
    ok((exam.sensory || []).length === 2 * (regs.size + new Set(above).size), 'on both sides', (exam.sensory || []).length);
    ok(above.join(' ') === 'medial_knee medial_knee popliteal_fossa popliteal_fossa', 'the skin just above it (the knee) is marked normal', above.join(' '));
    const top = result.ranking[0];
    ok(top.pattern === 'polyneuropathy', 'radloc reads a polyneuropathy', JSON.stringify(top).slice(0, 160));
    await settled(page);
    await page.screenshot({ path: join(shots, 'chart-stocking.png') });
  });

  await check('enlarged hands and feet', async () => {
    const n = await page.$$eval('#chart-insets svg g.region-copy', l => l.length);
    ok(n === 32, 'the insets copy the hand and foot regions', n);
    await page.click('label[for=brush-absent]');
    await page.click('#chart-insets g.region-copy[data-region=middle_toes][data-side=right]');
    ok(/middle_toes|second to fourth toes/i.test(await label(page, 'region-middle_toes-right')) && /absent$/.test(await label(page, 'region-middle_toes-right')),
      'a touch on the enlarged foot marks the chart\'s region', await label(page, 'region-middle_toes-right'));
    const box = await page.$eval('#chart-insets g.region-copy[data-region=middle_finger][data-side=right]', g => { const r = g.getBoundingClientRect(); return [r.width, r.height]; });
    ok(box[0] >= 14 && box[1] >= 54, 'an inset finger is a usable target at desktop width', box.map(Math.round).join('x'));
  });

  await check('sensory level', async () => {
    await newExam(page);
    const { exam, result } = await mark(page, 'level:umbilicus', 'absent');
    const at = (r, s) => (exam.sensory || []).find(o => o.region === r && o.side === s);
    ok(at('umbilicus', 'left').status === 'absent' && at('lower_abdomen', 'right').status === 'absent', 'the level and the trunk below it are marked');
    ok(at('above_umbilicus', 'left').status === 'normal' && at('axilla', 'right').status === 'normal', 'the trunk points above the level are normal');
    ok(exam.sensory.some(o => o.region === 'saddle' && o.status === 'absent'), 'the saddle is below the level too');
    const top = result.ranking[0];
    ok(top.pattern === 'myelopathy' && /^T\d+$/.test(top.level || ''), 'radloc reads a myelopathy with its level', JSON.stringify(top).slice(0, 160));
    ok((result.flags || []).includes('sensory_level'), 'and flags the sensory level', (result.flags || []).join(' '));
    await settled(page);
    await page.screenshot({ path: join(shots, 'chart-level.png'), fullPage: true });
  });

  await check('modality', async () => {
    await newExam(page);
    await page.selectOption('#modality', 'pin_prick');
    await page.click('label[for=brush-reduced]');
    await scored(page, () => page.click('#region-lateral_leg-left'));
    await settled(page);
    await page.selectOption('#modality', 'vibration');
    const { exam } = await scored(page, () => page.click('#region-lateral_leg-left'));
    const got = (exam.sensory || []).map(o => o.region + ' ' + o.side + ' ' + o.status + ' ' + o.modality).sort().join(', ');
    ok(got === 'lateral_leg left reduced pin_prick, lateral_leg left reduced vibration', 'one finding per modality goes to the server', got);
    await page.selectOption('#modality', '');
    ok(/not examined$/.test(await label(page, 'region-lateral_leg-left')), 'the chart shows the chosen modality only');
    ok(/2 findings of other modalities/.test(await page.$eval('#modality-note', e => e.textContent)), 'and says what it hides');
    await page.selectOption('#modality', 'pin_prick');
    ok(/reduced$/.test(await label(page, 'region-lateral_leg-left')), 'back to pin prick: the finding is there');
  });

  await check('undo after a reload', async () => {
    await page.selectOption('#motor-great_toe_extension-left', '3');
    await settled(page);
    await page.reload();
    await page.waitForSelector('#chart svg g.region');
    ok(await page.$eval('#motor-great_toe_extension-left', s => s.value) === '3', 'the exam is kept across a reload');
    await page.selectOption('#modality', 'vibration');
    ok(/reduced$/.test(await label(page, 'region-lateral_leg-left')), 'with its modalities');
    await page.click('#undo');
    ok(await page.$eval('#motor-great_toe_extension-left', s => s.value) === '', 'undo after the reload takes back the last change');
    const kept = await page.evaluate(() => Object.keys(localStorage));
    ok(kept.length === 1 && kept[0] === 'radloc.page.exam.v1', 'kept in this browser only, under one key', kept.join(' '));
  });

  await check('findings tables follow the chart', async () => {
    const heads = await page.$$eval('#group-leg table.grid thead tr:first-child th', l => l.map(e => e.textContent));
    ok(/right/i.test(heads[1]) && /left/i.test(heads[2]), 'the patient\'s right first, as on the front chart', heads.join(' | '));
    const trunk = await page.$$eval('#group-skin select[data-id=umbilicus]', l => l.length);
    ok(trunk === 2, 'the trunk points are in the sensation list', trunk);
  });

  await check('phone', async () => {
    await newExam(page);
    await mark(page, 'glove:wrist', 'reduced');
    await settled(page);
    await page.screenshot({ path: join(shots, 'chart-desktop.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    ok(overflow <= 0, 'no sideways scrolling at phone width', overflow);
    const box = await page.$eval('#chart-insets g.region-copy[data-region=index_finger][data-side=left]', g => { const r = g.getBoundingClientRect(); return [r.width, r.height]; });
    ok(box[0] >= 8 && box[1] >= 30, 'an inset finger is larger than the chart\'s 4x15 px on a phone', box.map(Math.round).join('x'));
    await page.screenshot({ path: join(shots, 'chart-phone.png') });
    await page.locator('#chart-panel').screenshot({ path: join(shots, 'chart-phone-panel.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  ok(problems.length === 0, 'no script errors', problems.join(' | '));
}

main().then(() => { clearTimeout(watchdog); return finish(); },
  e => { failed++; console.log('FAIL ' + (e && e.stack ? e.stack : e)); clearTimeout(watchdog); return finish(1); });
