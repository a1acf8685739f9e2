// An ISNCSCI worksheet (Praxis exam format) as a radloc exam (contract
// section 4 vocabulary, docs/exam-format.md). Reading the worksheet format
// itself belongs to the pipelines issue; until then the test translates.

// Key sensory points: regions of the contract. C2 (occipital protuberance)
// has no region in the vocabulary: its values are left out. S3 (ischial
// tuberosity) and S4-5 (perianal) are midline regions in radloc: the two
// sides are folded into one finding, the worse of the two.
export const POINT_REGION = {
	C2: null, C3: 'supraclavicular', C4: 'top_of_shoulder', C5: 'lateral_antecubital',
	C6: 'thumb', C7: 'middle_finger', C8: 'little_finger', T1: 'medial_antecubital',
	T2: 'axilla', T3: 'upper_chest', T4: 'nipple_line', T5: 'lower_chest', T6: 'xiphoid',
	T7: 'below_xiphoid', T8: 'upper_abdomen', T9: 'above_umbilicus', T10: 'umbilicus',
	T11: 'lower_abdomen', T12: 'inguinal', L1: 'upper_anterior_thigh', L2: 'anterior_thigh',
	L3: 'medial_knee', L4: 'medial_malleolus', L5: 'dorsum_foot', S1: 'lateral_heel',
	S2: 'popliteal_fossa', S3: 'saddle', S4_5: 'perianal',
};
const MIDLINE = new Set(['saddle', 'perianal']);

// Key muscles: movements of the contract.
export const MUSCLE_MOVEMENT = {
	C5: 'elbow_flexion', C6: 'wrist_extension', C7: 'elbow_extension', C8: 'finger_flexion',
	T1: 'finger_abduction', L2: 'hip_flexion', L3: 'knee_extension', L4: 'ankle_dorsiflexion',
	L5: 'great_toe_extension', S1: 'ankle_plantarflexion',
};

const MODALITY = { lightTouch: 'light_touch', pinPrick: 'pin_prick' };
const STATUS = ['absent', 'reduced', 'normal'];

// A worksheet value: its number, or null when not testable. A value tagged
// `**` ("consider normal": the impairment is not from the cord injury, e.g.
// a hand fracture) is not evidence about the lesion and reads as not
// testable; `*` ("consider not normal") keeps its number.
function value(v) {
	if (v.endsWith('**') || v.startsWith('NT')) return null;
	return Number(v.replace(/\*+$/, ''));
}

// Returns the radloc exam and, per side and midline, whether any finding
// given to radloc is abnormal (a deficit the worksheet records).
export function translate(id, ws) {
	const exam = { id, sensory: [], motor: [] };
	const deficit = { left: false, right: false, midline: false };
	const midline = {};
	for (const side of ['left', 'right']) {
		for (const [part, modality] of Object.entries(MODALITY)) {
			for (const [point, raw] of Object.entries(ws[side][part])) {
				const region = POINT_REGION[point];
				const v = value(raw);
				if (!region || v === null) continue;
				if (MIDLINE.has(region)) {
					const key = `${region} ${modality}`;
					midline[key] = Math.min(midline[key] ?? 2, v);
					continue;
				}
				exam.sensory.push({ region, side, status: STATUS[v], modality });
				if (v < 2) deficit[side] = true;
			}
		}
		for (const [muscle, raw] of Object.entries(ws[side].motor)) {
			const v = value(raw);
			exam.motor.push({ movement: MUSCLE_MOVEMENT[muscle], side, grade: v === null ? 'NT' : v });
			if (v !== null && v < 5) deficit[side] = true;
		}
	}
	for (const [key, v] of Object.entries(midline)) {
		const [region, modality] = key.split(' ');
		exam.sensory.push({ region, side: 'midline', status: STATUS[v], modality });
		if (v < 2) deficit.midline = true;
	}
	// Voluntary anal contraction: present or absent (ISNCSCI records no
	// grade), so present reads as 5 and absent as 0. Deep anal pressure has
	// no id in the contract's vocabulary and is left out.
	const vac = ws.voluntaryAnalContraction;
	if (vac !== 'NT') {
		exam.motor.push({ movement: 'anal_contraction', side: 'midline', grade: vac === 'Yes' ? 5 : 0 });
		if (vac === 'No') deficit.midline = true;
	}
	return { exam, deficit };
}
