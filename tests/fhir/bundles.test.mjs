// radloc's FHIR R4 Bundles (docs/fhir.md) against a real client: every
// Bundle `radloc fhir` writes for fixtures/exams is validated by the npm
// `fhir` package's validator (FHIR 4.0.x structure definitions), and read
// back with `radloc score --from fhir` gives the same JSON answer as the
// exam itself. Exams radloc refuses (the misspelt ones) are skipped: there
// is no Bundle to write.
import fhirpkg from 'fhir';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

const { Fhir } = fhirpkg;
const fhir = new Fhir();
const radloc = process.env.RADLOC;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'radloc-fhir-'));
const run = (args) => spawnSync(radloc, args, { cwd: root, encoding: 'utf8' });

function validate(bundle, what) {
  const r = fhir.validate(bundle, { errorOnUnexpected: true });
  const errors = r.messages.filter((m) => m.severity === 'error');
  assert.ok(r.valid && errors.length === 0,
    `${what}: not a valid FHIR R4 Bundle: ${JSON.stringify(errors)}`);
}

let written = 0, observations = 0;
const exams = fs.readdirSync(path.join(root, 'fixtures/exams'))
  .filter((f) => /\.(yaml|json)$/.test(f)).sort();
for (const f of exams) {
  const exam = path.join('fixtures/exams', f);
  const w = run(['fhir', exam]);
  if (w.status !== 0) {
    // Refused as an exam: the same refusal as `radloc score` gives.
    assert.equal(w.status, run(['score', exam]).status, `${f}: fhir and score disagree`);
    continue;
  }
  const bundle = JSON.parse(w.stdout);
  validate(bundle, f);
  assert.equal(bundle.type, 'collection');
  for (const e of bundle.entry) {
    assert.equal(e.resource.resourceType, 'Observation');
    assert.equal(e.resource.component?.length ?? 0, e.resource.component ? 1 : 0);
  }
  observations += bundle.entry.length;
  const file = path.join(tmp, f + '.fhir.json');
  fs.writeFileSync(file, w.stdout);
  const direct = run(['score', '--format', 'json', exam]);
  const back = run(['score', '--from', 'fhir', '--format', 'json', file]);
  assert.equal(back.status, direct.status, `${f}: exit ${back.status}: ${back.stderr}`);
  if (back.stdout !== direct.stdout) {
    const a = back.stdout.split('\n'), b = direct.stdout.split('\n');
    const i = a.findIndex((l, j) => l !== b[j]);
    assert.fail(`${f}: the round trip changed the answer at line ${i + 1}: ` +
      `${JSON.stringify(a[i])} (exam: ${JSON.stringify(b[i])})`);
  }
  // Read as FHIR and written again: the same Bundle.
  assert.equal(run(['fhir', '--from', 'fhir', file]).stdout, w.stdout, `${f}: fhir -> fhir moved`);
  written++;
}
assert.ok(written >= 5, `only ${written} exams written`);

// The validator is real: a broken Bundle fails it.
const demo = JSON.parse(execFileSync(radloc, ['fhir', 'fixtures/exams/demo.yaml'], { cwd: root }));
const broken = structuredClone(demo);
broken.entry[0].resource.status = 'done';
broken.entry[3].resource.valueInteger = 'three';
assert.equal(fhir.validate(broken, {}).valid, false, 'the validator passed a broken Bundle');

// Reading: a Bundle without radloc's codes is refused with exit 3; a
// misspelt id is reported as in an exam file.
const radlocRegion = (obs) => obs.bodySite.coding.find((c) => c.system.endsWith('/CodeSystem/region'));
const bad = structuredClone(demo);
radlocRegion(bad.entry[0].resource).code = 'dorsum_fot';
fs.writeFileSync(path.join(tmp, 'typo.json'), JSON.stringify(bad));
let r = run(['score', '--from', 'fhir', path.join(tmp, 'typo.json')]);
assert.equal(r.status, 3);
assert.match(r.stderr, /dorsum_fot/);
// The coding of rules/coding.yaml: a verified SNOMED CT body site first,
// radloc's own coding kept after it (docs/fhir.md).
const site = demo.entry[0].resource.bodySite.coding;
assert.equal(site[0].system, 'http://snomed.info/sct', 'no standard code before radloc\'s');
assert.ok(radlocRegion(demo.entry[0].resource), 'radloc\'s region coding dropped');
// Either coding is read: radloc's alone scores as the whole Bundle does;
// a wider SNOMED CT code alone (the foot for the dorsum of the foot)
// names no one region and is refused.
const own = structuredClone(demo);
for (const e of own.entry)
  if (e.resource.bodySite) e.resource.bodySite.coding = [radlocRegion(e.resource)];
fs.writeFileSync(path.join(tmp, 'own.json'), JSON.stringify(own));
fs.writeFileSync(path.join(tmp, 'demo.json'), JSON.stringify(demo));
assert.equal(run(['score', '--format', 'json', '--from', 'fhir', path.join(tmp, 'own.json')]).stdout,
  run(['score', '--format', 'json', '--from', 'fhir', path.join(tmp, 'demo.json')]).stdout,
  'radloc\'s coding alone read differently');
const wider = structuredClone(demo);
wider.entry[0].resource.bodySite.coding = [site[0]];
fs.writeFileSync(path.join(tmp, 'wider.json'), JSON.stringify(wider));
r = run(['score', '--from', 'fhir', path.join(tmp, 'wider.json')]);
assert.equal(r.status, 3, 'a wider SNOMED CT code read as one region');
assert.match(r.stderr, /entry 1: a radloc 'sensory' Observation without/);
delete demo.entry[3].resource.code;
fs.writeFileSync(path.join(tmp, 'nocode.json'), JSON.stringify(demo));
r = run(['score', '--from', 'fhir', path.join(tmp, 'nocode.json')]);
assert.equal(r.status, 3);
assert.match(r.stderr, /entry 4: a radloc 'motor' Observation without/);
r = run(['score', '--from', 'fhir', 'fixtures/exams/demo.yaml']);
assert.equal(r.status, 3, 'YAML read as FHIR');
r = run(['score', '--from', 'hl7v2', 'fixtures/exams/demo.yaml']);
assert.equal(r.status, 1);
r = run(['batch', '--from', 'fhir', 'fixtures/exams/demo.yaml']);
assert.equal(r.status, 1, 'batch takes no --from');
assert.match(r.stderr, /--from is for one exam/);

fs.rmSync(tmp, { recursive: true });
console.log(`tests/fhir: ${written} Bundles (${observations} Observations) valid FHIR R4 and ` +
  `scored as their exams; ${exams.length - written} exams refused by both`);
