// CDS Hooks 2.0 against `radloc serve` from a Node client (docs/fhir.md):
// discovery, a patient-view request whose prefetch is the Bundle
// `radloc fhir` writes, and the cards: their shapes as the specification
// gives them (summary under 140 characters, indicator info|warning|critical,
// source.label), the answer as `radloc score` gives it, the red flags as a
// critical card, the rule set's version and sha256 as /healthz names them.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import assert from 'node:assert/strict';
import readline from 'node:readline';

const radloc = process.env.RADLOC;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const server = spawn(radloc, ['serve', '--port', '0', '--quiet'], { cwd: root });
const line = await new Promise((resolve, reject) => {
  readline.createInterface({ input: server.stdout }).once('line', resolve);
  server.once('exit', (code) => reject(new Error(`radloc serve exited ${code}`)));
});
const base = line.match(/(http:\/\/\S+?)\/?$/)[1];
const bundle = (exam) => JSON.parse(spawnSync(radloc, ['fhir', exam], { cwd: root, encoding: 'utf8' }).stdout);
const hookRequest = (prefetch) => ({
  hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
  hook: 'patient-view',
  context: { userId: 'Practitioner/example', patientId: 'example' },
  prefetch,
});
const post = (url, body) => fetch(base + url, {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
});

try {
  const disc = await (await fetch(base + '/cds-services')).json();
  assert.equal(disc.services.length, 1);
  const svc = disc.services[0];
  assert.equal(svc.hook, 'patient-view');
  for (const k of ['id', 'title', 'description']) assert.equal(typeof svc[k], 'string');
  assert.match(svc.prefetch.observations, /^Observation\?patient=\{\{context\.patientId\}\}/);

  const health = await (await fetch(base + '/healthz')).json();
  const url = '/cds-services/' + svc.id;
  const checkCards = (cards) => {
    for (const c of cards) {
      assert.ok(c.summary.length > 0 && c.summary.length < 140, c.summary);
      assert.ok(['info', 'warning', 'critical'].includes(c.indicator));
      assert.ok(c.source.label.includes(health.rules.sha256), c.source.label);
      assert.ok(c.source.label.includes(health.rules.version), c.source.label);
    }
  };

  // The demo: L5 left leads, as `radloc score` says; no red flag.
  let r = await post(url, hookRequest({ observations: bundle('fixtures/exams/demo.yaml') }));
  assert.equal(r.status, 200);
  let { cards } = await r.json();
  checkCards(cards);
  const score = JSON.parse(spawnSync(radloc, ['score', '--format', 'json', 'fixtures/exams/demo.yaml'],
    { cwd: root, encoding: 'utf8' }).stdout);
  const lead = score.ranking[0];
  assert.equal(cards.length, 1);
  assert.equal(cards[0].indicator, 'info');
  assert.equal(cards[0].summary,
    `radloc: ${lead.label}, ${Math.round(100 * lead.probability)} % (${score.pattern})`);
  assert.match(cards[0].detail, /\*\*Ranking\*\*[^]*1\. L5 left: 67\.8 %/);
  assert.match(cards[0].detail, /\*\*Reasons\*\*[^]*straight_leg_raise/);
  assert.match(cards[0].detail, /\*\*Next best test\*\*: left medial hamstring reflex/);

  // A sensory level with upper motor neuron signs: a critical card first.
  r = await post(url, hookRequest({ observations: bundle('fixtures/exams/sensory-level-t10.yaml') }));
  ({ cards } = await r.json());
  checkCards(cards);
  assert.equal(cards[0].indicator, 'critical');
  assert.match(cards[0].detail, /Sensory level/);
  assert.match(cards[0].detail, /Upper motor neuron/);
  assert.equal(cards[1].indicator, 'info');

  // A searchset with no radloc Observation: no cards. No prefetch: 412.
  r = await post(url, hookRequest({ observations: { resourceType: 'Bundle', type: 'searchset', entry: [] } }));
  assert.deepEqual(await r.json(), { cards: [] });
  r = await post(url, hookRequest(undefined));
  assert.equal(r.status, 412);
  r = await post(url, { ...hookRequest({}), hook: 'order-sign' });
  assert.equal(r.status, 400);
  const typo = bundle('fixtures/exams/demo.yaml');
  // radloc's own coding (after the SNOMED CT one of rules/coding.yaml).
  typo.entry[0].resource.bodySite.coding.find((c) => c.system.endsWith('/CodeSystem/region')).code = 'dorsum_fot';
  r = await post(url, hookRequest({ observations: typo }));
  assert.equal(r.status, 400);
  assert.match((await r.json()).error.message, /dorsum_fot/);
  console.log(`tests/fhir: CDS Hooks discovery and ${svc.id} answer as specified`);
} finally {
  server.kill('SIGTERM');
}
