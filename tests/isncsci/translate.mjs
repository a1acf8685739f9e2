// Which sides of an ISNCSCI worksheet (Praxis exam format) record a
// deficit, for the test's expectation (a deficit on both sides must come
// out as a cord or cauda equina lesion). The worksheet itself is read by
// radloc (`radloc score --from isncsci`, cli/isncsci.c): this file no
// longer translates it.

// C2 has no region in radloc's vocabulary; S3 and S4_5 are midline.
const MIDLINE = new Set(['S3', 'S4_5']);

// A value's number, or null when not testable: `**` ("consider normal")
// reads as not testable, `*` keeps its number.
function value(v) {
	if (v.endsWith('**') || v.startsWith('NT')) return null;
	return Number(v.replace(/\*+$/, ''));
}

export function deficits(ws) {
	const deficit = { left: false, right: false, midline: false };
	for (const side of ['left', 'right']) {
		for (const part of ['lightTouch', 'pinPrick'])
			for (const [point, raw] of Object.entries(ws[side][part])) {
				const v = value(raw);
				if (point === 'C2' || v === null || v >= 2) continue;
				deficit[MIDLINE.has(point) ? 'midline' : side] = true;
			}
		for (const raw of Object.values(ws[side].motor)) {
			const v = value(raw);
			if (v !== null && v < 5) deficit[side] = true;
		}
	}
	if (ws.voluntaryAnalContraction === 'No') deficit.midline = true;
	return deficit;
}
