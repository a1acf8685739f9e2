// Writes worksheets.json: spinal-cord-injury worksheets in the Praxis
// ISNCSCI exam format (the object the npm `isncsci` library classifies),
// each with the library's own classification stored as the expected
// neurological level and AIS grade. Run after editing a worksheet below:
//   cd tests/isncsci && node make_worksheets.mjs
// The test (worksheets.test.mjs) re-classifies every worksheet and fails if
// the stored answer no longer matches the library's, so an edit here cannot
// silently leave a wrong expectation behind.
import { writeFileSync } from 'node:fs';
import { ISNCSCI } from 'isncsci';

// ISNCSCI key sensory points and key muscles, top to bottom.
export const SENSORY = ['C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'T1', 'T2', 'T3',
	'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'L1', 'L2', 'L3',
	'L4', 'L5', 'S1', 'S2', 'S3', 'S4_5'];
export const MUSCLES = ['C5', 'C6', 'C7', 'C8', 'T1', 'L2', 'L3', 'L4', 'L5', 'S1'];
const rank = (seg) => SENSORY.indexOf(seg);

// One side of a worksheet. `sens`: the lowest segment with normal light
// touch and pin prick; `lt`, `pp`: the value of every point below it
// (a function of the segment, or a constant). `motor`: the lowest key
// muscle segment graded 5; `below`: the grade of every key muscle below it.
// `set` overrides single values: {motor: {C7: 'NT'}, lightTouch: {...}}.
function side({ sens = 'S4_5', lt = '0', pp = '0', motor = 'S1', below = '0', set = {} } = {}) {
	const at = (v, seg) => String(typeof v === 'function' ? v(seg) : v);
	const s = {
		motor: Object.fromEntries(MUSCLES.map((m) => [m, rank(m) <= rank(motor) ? '5' : at(below, m)])),
		lightTouch: Object.fromEntries(SENSORY.map((p) => [p, rank(p) <= rank(sens) ? '2' : at(lt, p)])),
		pinPrick: Object.fromEntries(SENSORY.map((p) => [p, rank(p) <= rank(sens) ? '2' : at(pp, p)])),
	};
	for (const part of ['motor', 'lightTouch', 'pinPrick'])
		Object.assign(s[part], set[part] || {});
	return s;
}
const both = (spec) => ({ left: side(spec), right: side(spec) });
const arm = (seg) => rank(seg) <= rank('T1');
const sacral = (seg) => rank(seg) >= rank('S2');

// Each: id, what it is (the clinical picture the worksheet was written as),
// and the worksheet. VAC and DAP: 'Yes', 'No' or 'NT'.
const WORKSHEETS = [
	{ id: 'intact', what: 'normal examination', exam: { ...both({}), voluntaryAnalContraction: 'Yes', deepAnalPressure: 'Yes' } },
	{ id: 'intact-nt', what: 'normal examination, left elbow flexors and right T4 light touch not testable (a cast, a dressing)',
		exam: { left: side({ set: { motor: { C5: 'NT' } } }), right: side({ set: { lightTouch: { T4: 'NT' } } }), voluntaryAnalContraction: 'Yes', deepAnalPressure: 'Yes' } },
	{ id: 'intact-nonsci-hand', what: 'normal cord; right hand weak and numb from a hand injury, tagged ** (consider normal)',
		exam: { left: side({}), right: side({ set: { motor: { C8: '2**', T1: '2**' }, lightTouch: { C8: '1**' }, pinPrick: { C8: '1**' } } }), voluntaryAnalContraction: 'Yes', deepAnalPressure: 'Yes' } },
	{ id: 'c3-complete', what: 'C3 complete tetraplegia', exam: { ...both({ sens: 'C3', motor: 'C4' }), voluntaryAnalContraction: 'No', deepAnalPressure: 'No' } },
	{ id: 'c4-complete', what: 'C4 complete tetraplegia', exam: { ...both({ sens: 'C4', motor: 'C4' }), voluntaryAnalContraction: 'No', deepAnalPressure: 'No' } },
	{ id: 'c5-complete-zpp', what: 'C5 complete, C6 partial preservation (wrist extensors 2, thumb light touch impaired)',
		exam: { ...both({ sens: 'C5', motor: 'C5', set: { motor: { C6: '2' }, lightTouch: { C6: '1' } } }), voluntaryAnalContraction: 'No', deepAnalPressure: 'No' } },
	{ id: 'c6-complete', what: 'C6 complete tetraplegia, triceps flicker', exam: { ...both({ sens: 'C6', motor: 'C6', set: { motor: { C7: '1' } } }), voluntaryAnalContraction: 'No', deepAnalPressure: 'No' } },
	{ id: 'c7-sensory-incomplete', what: 'C7 sensory incomplete: no movement below, touch impaired down to the perianal skin, pin prick lost',
		exam: { ...both({ sens: 'C7', motor: 'C7', lt: '1', pp: '0' }), voluntaryAnalContraction: 'No', deepAnalPressure: 'Yes' } },
	{ id: 'c5-motor-incomplete', what: 'C5 motor incomplete, weak flickers in arms and legs, sensation impaired below C5, anal contraction kept',
		exam: { ...both({ sens: 'C5', motor: 'C5', lt: '1', pp: '1', below: (m) => (arm(m) ? 2 : 1) }), voluntaryAnalContraction: 'Yes', deepAnalPressure: 'Yes' } },
	{ id: 'c6-motor-incomplete-d', what: 'C6 incomplete, useful strength below (grade 4), sensation impaired',
		exam: { ...both({ sens: 'C6', motor: 'C6', lt: '1', pp: '1', below: '4' }), voluntaryAnalContraction: 'Yes', deepAnalPressure: 'Yes' } },
	{ id: 'central-cord-c4', what: 'central cord syndrome: hands and arms weaker than legs, pin prick lost in a cape over the arms, sacral sparing',
		exam: { ...both({ sens: 'C4', motor: 'C4', lt: (p) => (arm(p) ? 1 : 2), pp: (p) => (arm(p) ? 0 : p === 'T2' ? 1 : 2),
			below: (m) => ({ C5: 3, C6: 2, C7: 2, C8: 1, T1: 1 }[m] ?? 4) }), voluntaryAnalContraction: 'Yes', deepAnalPressure: 'Yes' } },
	{ id: 'brown-sequard-c6', what: 'hemicord (Brown-Sequard) at C6: right weakness and touch loss, left pin prick lost from C8 down',
		exam: { right: side({ sens: 'C6', motor: 'C6', below: (m) => (arm(m) ? 2 : 1), lt: '1', pp: '2' }),
			left: side({ sens: 'C7', motor: 'S1', lt: '2', pp: '0' }), voluntaryAnalContraction: 'Yes', deepAnalPressure: 'Yes' } },
	{ id: 'c8-incomplete-nt', what: 'C8 sensory incomplete with not-testable right T1 muscle, left S1 muscle and deep anal pressure',
		exam: { left: side({ sens: 'C8', motor: 'C8', lt: '1', pp: '0', set: { motor: { S1: 'NT' } } }),
			right: side({ sens: 'C8', motor: 'C8', lt: '1', pp: '0', set: { motor: { T1: 'NT' } } }), voluntaryAnalContraction: 'No', deepAnalPressure: 'NT' } },
	{ id: 't1-motor-incomplete-nt', what: 'T1 motor incomplete paraplegia, legs grade 2, right knee extensors not testable (fracture)',
		exam: { left: side({ sens: 'T1', motor: 'T1', lt: '1', pp: '1', below: '2' }),
			right: side({ sens: 'T1', motor: 'T1', lt: '1', pp: '1', below: '2', set: { motor: { L3: 'NT' } } }), voluntaryAnalContraction: 'Yes', deepAnalPressure: 'Yes' } },
	{ id: 't4-complete', what: 'T4 complete paraplegia', exam: { ...both({ sens: 'T4', motor: 'T1' }), voluntaryAnalContraction: 'No', deepAnalPressure: 'No' } },
	{ id: 't6-complete-zpp', what: 'T6 complete paraplegia, touch and pin prick impaired at T7-T8',
		exam: { ...both({ sens: 'T6', motor: 'T1', lt: (p) => (p === 'T7' || p === 'T8' ? 1 : 0), pp: (p) => (p === 'T7' ? 1 : 0) }), voluntaryAnalContraction: 'No', deepAnalPressure: 'No' } },
	{ id: 't10-sensory-incomplete', what: 'T10 sensory incomplete: legs paralysed, touch impaired below T10 and at the perianal skin',
		exam: { ...both({ sens: 'T10', motor: 'T1', lt: '1', pp: '0' }), voluntaryAnalContraction: 'No', deepAnalPressure: 'No' } },
	{ id: 't8-incomplete-sacral-nt', what: 'T8 incomplete, legs grade 3-4, sacral points and anal examination not testable',
		exam: { ...both({ sens: 'T8', motor: 'T1', lt: '1', pp: '1', below: (m) => (m === 'L2' || m === 'L3' ? 4 : 3),
			set: { lightTouch: { S3: 'NT', S4_5: 'NT' }, pinPrick: { S3: 'NT', S4_5: 'NT' } } }), voluntaryAnalContraction: 'NT', deepAnalPressure: 'NT' } },
	{ id: 't12-complete', what: 'T12 complete paraplegia', exam: { ...both({ sens: 'T12', motor: 'T1' }), voluntaryAnalContraction: 'No', deepAnalPressure: 'No' } },
	{ id: 'l1-complete', what: 'L1 complete (conus and cauda at the thoracolumbar junction)', exam: { ...both({ sens: 'L1', motor: 'T1' }), voluntaryAnalContraction: 'No', deepAnalPressure: 'No' } },
	{ id: 'l2-motor-incomplete', what: 'L2 motor incomplete: hip flexors strong, legs grade 1-2 below, anal contraction kept',
		exam: { ...both({ sens: 'L2', motor: 'L2', lt: '1', pp: '1', below: (m) => (m === 'L3' ? 2 : 1) }), voluntaryAnalContraction: 'Yes', deepAnalPressure: 'Yes' } },
	{ id: 'l3-incomplete-d', what: 'L3 incomplete: grade 4 below the knee, sensation impaired, sphincters weak but present',
		exam: { ...both({ sens: 'L3', motor: 'L3', lt: '1', pp: '1', below: '4' }), voluntaryAnalContraction: 'Yes', deepAnalPressure: 'Yes' } },
	{ id: 'conus-s1', what: 'conus medullaris: legs strong, S2 down to the perianal skin lost on both sides, no anal contraction or deep pressure',
		exam: { ...both({ sens: 'S1', motor: 'S1' }), voluntaryAnalContraction: 'No', deepAnalPressure: 'No' } },
	{ id: 'cauda-l4-asymmetric', what: 'cauda equina from L5: left foot weaker and number than the right, saddle touch impaired, pin prick lost',
		exam: { left: side({ sens: 'L4', motor: 'L4', lt: (p) => (sacral(p) ? 1 : 0), pp: '0', below: '1' }),
			right: side({ sens: 'L4', motor: 'L4', lt: '1', pp: (p) => (sacral(p) ? 0 : 1), below: (m) => (m === 'L5' ? 4 : 3) }),
			voluntaryAnalContraction: 'No', deepAnalPressure: 'Yes' } },
	{ id: 'c5-incomplete-tagged', what: 'C5 incomplete (grade 4 below), left wrist extensors 3* (a wrist fracture: consider not normal), right S1 light touch 1** (a heel wound: consider normal)',
		exam: { left: side({ sens: 'C5', motor: 'C5', lt: '1', pp: '1', below: '4', set: { motor: { C6: '3*' } } }),
			right: side({ sens: 'C5', motor: 'C5', lt: '1', pp: '1', below: '4', set: { lightTouch: { S1: '1**' } } }),
			voluntaryAnalContraction: 'Yes', deepAnalPressure: 'Yes' } },
];

const out = WORKSHEETS.map(({ id, what, exam }) => {
	const c = new ISNCSCI(exam).classification;
	return { id, what, exam, expected: {
		neurologicalLevelOfInjury: c.neurologicalLevelOfInjury,
		ASIAImpairmentScale: c.ASIAImpairmentScale,
		injuryComplete: c.injuryComplete,
		neurologicalLevels: c.neurologicalLevels,
	} };
});
if (import.meta.url === `file://${process.argv[1]}`) {
	writeFileSync(new URL('worksheets.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
	for (const w of out)
		console.log(w.id.padEnd(26), w.expected.neurologicalLevelOfInjury.padEnd(12), w.expected.ASIAImpairmentScale);
}
