// Every JSON result the test suite sees, validated against
// docs/result.schema.json by a real JSON Schema validator (Ajv, draft
// 2020-12): the CLI goldens, the bad-exam goldens, fresh results of every
// exam fixture and teaching case, and a batch of generated exams. Then the
// same validator must reject mutated results, so that this test can fail.
//
// Environment: RADLOC (the CLI), BENCH (build/radloc-bench, for `gen`).
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const RADLOC = process.env.RADLOC || join(root, "build", "radloc");
const BENCH = process.env.BENCH || join(root, "build", "radloc-bench");
const schema = JSON.parse(readFileSync(join(root, "docs", "result.schema.json"), "utf8"));

// strict: a typo in the schema (an unknown keyword) is an error, not a
// silently ignored constraint. (`required` inside if/then names
// properties defined one level up, and "string or null" is a union type.)
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
// `radloc check --format json` verdicts: docs/check.schema.json, which
// borrows the pattern and flag enumerations from the result's schema.
const validateVerdict = ajv.compile(JSON.parse(readFileSync(join(root, "docs", "check.schema.json"), "utf8")));

let failures = 0;
const counts = {};
const bump = (k, n = 1) => { counts[k] = (counts[k] || 0) + n; };

// What the contract says that a schema cannot: labels are unique and
// follow section 3's grammar, probabilities sum to 1 within rounding.
function contractProblems(r) {
	if (!("ranking" in r)) return [];
	const problems = [];
	const labels = new Set();
	const labelOf = (h) => {
		if (h.kind === "root") return `${h.roots.join("+")} ${h.side}`;
		if (h.kind === "nerve") return `${h.nerve} ${h.side}`;
		if (h.kind === "plexus") return `${h.plexus} ${h.side}`;
		if (h.kind === "pattern") return h.pattern;
		return h.parts.map(labelOf).join(" + ");
	};
	let sum = r.other_probability || 0;
	for (const h of r.ranking) {
		if (labels.has(h.label)) problems.push(`label '${h.label}' twice`);
		labels.add(h.label);
		if (labelOf(h) !== h.label) problems.push(`label '${h.label}', expected '${labelOf(h)}'`);
		sum += h.probability;
	}
	// Each value is rounded to 4 decimals: half a unit each at most.
	const slack = 1e-3 + (r.ranking.length + 1) * 5e-5;
	if (Math.abs(sum - 1) > slack) problems.push(`probabilities sum to ${sum.toFixed(4)}`);
	return problems;
}

function check(value, where) {
	const ok = validate(value);
	const problems = ok ? contractProblems(value) : ajv.errorsText(validate.errors, { separator: "; " }).split("; ");
	if (problems.length) {
		failures++;
		console.error(`FAIL ${where}: ${problems.slice(0, 5).join("; ")}`);
	}
	bump("error" in value ? "error lines" : "results");
	// What the results exercised, so that the report shows which of the
	// schema's branches real output reached.
	for (const h of value.ranking || []) {
		seen.add(`kind ${h.kind}`);
		for (const k of ["site", "extent", "level", "form", "parts"]) if (k in h) seen.add(`field ${k}`);
	}
	for (const k of ["other_probability", "input_line"]) if (k in value) seen.add(`field ${k}`);
	if (value.next_test === null) seen.add("next_test null");
}
const seen = new Set();

// A value is radloc's output if it is a result or a batch error line; the
// goldens also hold jq projections of results (json-contract's booleans,
// batch-*'s {id, lead, error}: `lead` is a key radloc never writes), which
// are counted, not validated.
const isOutput = (v) => v && typeof v === "object" && !Array.isArray(v) && !("lead" in v) &&
	("ranking" in v || "input_line" in v || (v.error && typeof v.error === "object"));

// A golden is one JSON document (pretty printed) or JSON Lines; anything
// else is text output.
function parseOutput(text) {
	if (!text.trim()) return null;
	try { return [JSON.parse(text)]; } catch { /* JSON Lines? */ }
	try { return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)); } catch { return null; }
}

function checkText(text, where, kind) {
	const values = parseOutput(text);
	if (values === null) return false;
	let seen = 0;
	values.forEach((v, i) => {
		if (isOutput(v)) { check(v, values.length > 1 ? `${where}:${i + 1}` : where); seen++; }
		else bump("projections skipped (not results)");
	});
	if (seen) bump(kind);
	return seen > 0;
}

// 1. Goldens.
for (const dir of ["tests/cli/golden", "fixtures/bad/exams"]) {
	for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith(".out")).sort())
		checkText(readFileSync(join(root, dir, f), "utf8"), `${dir}/${f}`, `golden files with results (${dir})`);
}

const run = (args, input) => {
	const p = spawnSync(RADLOC, args, { cwd: root, input, encoding: "utf8", maxBuffer: 1 << 28 });
	return { rc: p.status, out: p.stdout, err: p.stderr };
};

// 2. Fresh results of every exam fixture (with draws, so the intervals are
// real), a --top run (other_probability), and the batch inputs.
const exams = join(root, "fixtures", "exams");
const files = [...readdirSync(exams).map((n) => join(exams, n)), ...readdirSync(join(exams, "dense")).map((n) => join(exams, "dense", n))]
	.filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
for (const f of files) {
	const r = run(["score", f, "--format", "json", "--draws", "200"]);
	const where = f.slice(root.length + 1);
	if (r.rc === 0) {
		if (!checkText(r.out, where, "exam fixtures scored")) { failures++; console.error(`FAIL ${where}: no JSON result`); }
	} else if (r.rc === 3 && r.out === "") {
		bump("exam fixtures refused (input errors, no JSON by design)");
	} else {
		failures++; console.error(`FAIL ${where}: exit ${r.rc}: ${r.err.slice(0, 200)}`);
	}
}
checkText(run(["score", join(exams, "demo.yaml"), "--format", "json", "--top", "3"]).out, "demo.yaml --top 3", "--top runs");
for (const f of readdirSync(exams).filter((n) => /\.jsonl$|^stream\.yaml$/.test(n)).sort()) {
	const r = run(["batch", join(exams, f), "--draws", "50"]);
	checkText(r.out, `batch ${f}`, "batch fixtures");
}

// 3. Every teaching case's exam. `radloc score` takes an exam, not a case,
// so the case's `exam:` block is lifted out (it is two-space indented YAML
// under the top-level key) and given on standard input.
const cases = join(root, "fixtures", "cases");
for (const f of readdirSync(cases).filter((n) => n.endsWith(".yaml")).sort()) {
	const lines = readFileSync(join(cases, f), "utf8").replace(/\r/g, "").split("\n");
	const start = lines.findIndex((l) => /^exam:\s*$/.test(l));
	if (start < 0) { failures++; console.error(`FAIL cases/${f}: no exam block`); continue; }
	const body = [];
	for (const l of lines.slice(start + 1)) {
		if (l !== "" && !l.startsWith(" ") && !l.startsWith("#")) break;
		body.push(l.replace(/^ {2}/, ""));
	}
	const r = run(["score", "-", "--format", "json", "--draws", "100"], body.join("\n") + "\n");
	if (r.rc !== 0 || !checkText(r.out, `cases/${f}`, "teaching cases scored")) {
		failures++; console.error(`FAIL cases/${f}: exit ${r.rc}: ${r.err.slice(0, 200)}`);
	}
}

// 4. A batch of generated exams (the benchmark's generator, all patterns).
const generated = execFileSync(BENCH, ["gen", "200", "7"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
const b = run(["batch", "-", "--draws", "20", "--jobs", "2"], generated);
if (b.rc !== 0) { failures++; console.error(`FAIL batch of generated exams: exit ${b.rc}`); }
const before = counts.results || 0;
checkText(b.out, "batch gen 200", "generated batches");
if ((counts.results || 0) - before !== 200) { failures++; console.error(`FAIL batch gen 200: ${(counts.results || 0) - before} results, expected 200`); }

// 5. Teaching-case verdicts, good and unreadable cases.
for (const dir of ["fixtures/cases", "fixtures/bad/cases"]) {
	const r = run(["check", dir, "--format", "json"]);
	for (const line of r.out.split("\n").filter((l) => l.trim())) {
		const v = JSON.parse(line);
		if (!validateVerdict(v)) {
			failures++;
			console.error(`FAIL check ${dir} ${v.file}: ${ajv.errorsText(validateVerdict.errors)}`);
		}
		bump("check verdicts");
	}
}
if (validateVerdict({ file: "x.yaml", id: "x", pass: "yes", error: "x" })) {
	failures++; console.error("FAIL: the verdict schema accepts pass: \"yes\"");
} else bump("mutations rejected");

// 6. The schema rejects what breaks the contract: each mutation of a real
// result (and of a real error line) must fail validation.
const good = JSON.parse(run(["score", join(exams, "two-nerves.yaml"), "--format", "json", "--draws", "0"]).out);
const badLine = JSON.parse('{"input_line":3,"id":null,"error":{"line":3,"column":1,"message":"x"}}');
const mutations = {
	"no rules": (r) => { delete r.rules; },
	"a misspelt pattern": (r) => { r.pattern = "radiculopathyy"; },
	"an undocumented field": (r) => { r.certainty = 0.5; },
	"an undocumented hypothesis field": (r) => { r.ranking[0].confidence = 1; },
	"a probability above 1": (r) => { r.ranking[0].probability = 1.5; },
	"an unknown flag": (r) => { r.flags = ["bogus"]; },
	"a root without roots": (r) => { r.ranking[0] = { ...r.ranking[0], kind: "root", pattern: "radiculopathy" }; delete r.ranking[0].roots; },
	"a short sha256": (r) => { r.rules.sha256 = "abc"; },
	"a one-ended interval": (r) => { r.ranking[0].interval = [0.1]; },
	"a side of midline": (r) => { r.ranking[0].side = "midline"; },
	"a myelopathy form outside the contract": (r) => { Object.assign(r.ranking[0], { label: "myelopathy", kind: "pattern", pattern: "myelopathy", form: "patchy" }); for (const k of ["nerve", "side", "site"]) delete r.ranking[0][k]; },
	"two lesions with one part": (r) => { const h = r.ranking.find((x) => x.kind === "two_lesions"); h.parts.pop(); },
	"draws as text": (r) => { r.draws = "0"; },
	"a duplicated label": (r) => { r.ranking[1] = { ...r.ranking[0] }; },
	"probabilities not summing to 1": (r) => { r.ranking[0].probability /= 2; },
	"an error line without message": (_r, e) => { delete e.error.message; return e; },
	"an error line without input_line": (_r, e) => { delete e.input_line; return e; },
};
const accepted = (v) => validate(v) && contractProblems(v).length === 0;
if (!accepted(good) || !accepted(badLine)) { failures++; console.error("FAIL: the unmutated result or error line is rejected"); }
for (const [name, mutate] of Object.entries(mutations)) {
	const r = structuredClone(good), e = structuredClone(badLine);
	const v = mutate(r, e) || r;
	if (accepted(v)) { failures++; console.error(`FAIL: the schema accepts a result with ${name}`); }
	else bump("mutations rejected");
}

for (const [k, n] of Object.entries(counts)) console.log(`  ${k}: ${n}`);
console.log(`  exercised: ${[...seen].sort().join(", ")}`);
if (failures) { console.error(`tests/schema: ${failures} failure(s)`); process.exit(1); }
console.log("tests/schema: every result matches docs/result.schema.json");
