import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAIR_ACCESS_TOPICS, OFFICIAL_AREAS } from '$lib/domain/areas';
import { countQuestions, validateCatalogue, validateCatalogueText, type Catalogue } from './catalogue';

const source = readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8');
const shipped = (): Catalogue => JSON.parse(source);

/** Every `{ de, en }` text object anywhere in the file, with its path. */
function texts(value: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
	if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}[${i}]`));
	if (typeof value !== 'object' || value === null) return [];
	const object = value as Record<string, unknown>;
	if ('de' in object || 'en' in object) return [{ path, text: object }];
	return Object.entries(object).flatMap(([key, child]) => texts(child, path ? `${path}.${key}` : key));
}

describe('the shipped default catalogue', () => {
	it('validates', () => {
		const result = validateCatalogueText(source);
		expect(result.ok ? [] : result.problems).toEqual([]);
	});

	it('has 105 questions in the 7 official areas, in the official order', () => {
		const catalogue = shipped();
		expect(countQuestions(catalogue)).toBe(105);
		expect(catalogue.areas.map((a) => a.name.de)).toEqual([...OFFICIAL_AREAS]);
		expect(catalogue.areas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('makes area 3 the largest, with its 9 topics each asked about', () => {
		const [, , fairAccess, ...rest] = shipped().areas;
		expect(fairAccess!.topics.map((t) => t.name.de)).toEqual([...FAIR_ACCESS_TOPICS]);
		for (const topic of fairAccess!.topics) {
			expect(fairAccess!.questions.filter((q) => q.topic === topic.id).length).toBeGreaterThan(0);
		}
		for (const area of [...shipped().areas.slice(0, 2), ...rest]) {
			expect(area.questions.length).toBeGreaterThanOrEqual(10);
			expect(area.questions.length).toBeLessThanOrEqual(15);
			expect(area.questions.length).toBeLessThan(fairAccess!.questions.length);
			expect(area.topics).toEqual([]);
		}
	});

	it('has unique question ids', () => {
		const ids = shipped().areas.flatMap((a) => a.questions.map((q) => q.id));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('has every text in German and English', () => {
		const all = texts(shipped());
		// title, 5 scale labels, 4 level names + descriptions, 7 × (name, description, 4 recommendations),
		// 9 topics, 105 questions: at least this many.
		expect(all.length).toBeGreaterThan(1 + 5 + 8 + 42 + 9 + 105);
		const missing = all.filter(({ text }) =>
			['de', 'en'].some((lang) => typeof text[lang] !== 'string' || (text[lang] as string).trim() === '')
		);
		expect(missing.map((m) => m.path)).toEqual([]);
	});

	it('keeps the scoring numbers of DESIGN.md in the data', () => {
		const catalogue = shipped();
		expect(catalogue.levels.map((l) => [l.level, l.name.de, l.minScore])).toEqual([
			[1, 'Weltoffen', 75],
			[2, 'Gut unterwegs', 50],
			[3, 'Auf dem Weg', 25],
			[4, 'Am Anfang', 0]
		]);
		expect(catalogue.scale.map((s) => s.points)).toEqual([3, 2, 1, 0, null, null]);
		// "weiß nicht" (an information gap) and "trifft nicht zu" (not our task) are two answers.
		expect(catalogue.scale.slice(4).map((s) => [s.value, s.kind, s.label.de])).toEqual([
			['unknown', 'unknown', 'weiß nicht'],
			['na', 'notApplicable', 'trifft nicht zu']
		]);
	});
});

describe('validating a catalogue file', () => {
	const problemsOf = (json: unknown) => {
		const result = validateCatalogue(json);
		return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.code}`);
	};

	it('names a missing text by its path in the file', () => {
		const c = shipped() as any;
		delete c.areas[2].questions[4].text.de;
		expect(problemsOf(c)).toEqual(['areas[2].questions[4].text.de: required']);
	});

	it('lists structural and semantic problems together', () => {
		const c = shipped() as any;
		c.areas[1].questions[0].text.en = '';
		c.areas[0].questions[2].id = c.areas[0].questions[0].id;
		c.areas[6].name.de = 'Kommunikation';
		c.areas[2].questions[0].topic = 'raumfahrt';
		c.levels[2].minScore = 60;
		expect(problemsOf(c)).toEqual([
			'areas[1].questions[0].text.en: empty',
			'levels[2].minScore: levelThresholds',
			'areas[0].questions[2].id: duplicateQuestionId',
			'areas[2].questions[0].topic: unknownTopic',
			'areas[6].name.de: areaName'
		]);
	});

	it('refuses areas out of the official order', () => {
		const c = shipped();
		[c.areas[0], c.areas[1]] = [c.areas[1]!, c.areas[0]!];
		expect(problemsOf(c)).toEqual(['areas[1].number: areaOrder']);
	});

	it('refuses unknown fields, a wrong area count and a question without its area topic', () => {
		const c = shipped() as any;
		c.areas[0].questions[0].tekst = 'Tippfehler';
		delete c.areas[2].questions[5].topic;
		c.areas.pop();
		expect(problemsOf(c)).toEqual([
			'areas[0].questions[0]: unknownKeys',
			'areas: areaMissing',
			'areas[2].questions[5].topic: topicRequired'
		]);
	});

	it('refuses text that is not JSON, and accepts a byte order mark', () => {
		const broken = validateCatalogueText('{ "id": ');
		expect(broken.ok).toBe(false);
		expect(!broken.ok && broken.problems[0]?.code).toBe('invalidJson');
		expect(validateCatalogueText('\uFEFF' + source).ok).toBe(true);
	});

	it('refuses a scale value twice and a scale without points', () => {
		const c = shipped() as any;
		c.scale = c.scale.map((s: any) => ({ ...s, value: 'x', points: s.points === null ? null : 0 }));
		expect(problemsOf(c)).toEqual([
			'scale[1].value: duplicateValue',
			'scale[2].value: duplicateValue',
			'scale[3].value: duplicateValue',
			'scale[4].value: duplicateValue',
			'scale[5].value: duplicateValue',
			'scale: scaleWithoutPoints'
		]);
	});

	it('refuses a kind on a step with points and the same kind twice', () => {
		const c = shipped() as any;
		for (const area of c.areas) for (const q of area.questions) delete q.notApplicableFor;
		c.scale[0].kind = 'unknown';
		c.scale[5].kind = 'unknown';
		expect(problemsOf(c)).toEqual(['scale[0].kind: kindWithPoints', 'scale[4].kind: duplicateKind', 'scale[5].kind: duplicateKind']);
	});
});

describe('catalogue languages', () => {
	const problemsOf = (json: unknown) => {
		const result = validateCatalogue(json);
		return result.ok ? [] : result.problems;
	};

	it('ships every participant-visible text in all eight languages, marked as our drafts', () => {
		const result = validateCatalogueText(source);
		expect(result.ok && result.warnings).toEqual([]);
		const catalogue = shipped();
		expect(catalogue.translations).toEqual({ ar: 'draft', fa: 'draft', tr: 'draft', uk: 'draft', ru: 'draft', 'de-x-ls': 'draft' });
		for (const text of [...catalogue.levels.map((l) => l.name), ...catalogue.areas.flatMap((a) => [a.name, a.description])]) {
			expect(Object.keys(text)).toEqual(['de', 'en', 'ar', 'fa', 'tr', 'uk', 'ru', 'de-x-ls']);
		}
	});

	it('requires German', () => {
		const catalogue = shipped() as unknown as { areas: { name: Record<string, string> }[] };
		delete catalogue.areas[1]!.name.de;
		expect(problemsOf(catalogue)).toContainEqual({ path: 'areas[1].name.de', code: 'required', params: {} });
	});

	it('takes a catalogue without the participant languages, with one warning per missing language', () => {
		const catalogue = shipped();
		delete catalogue.translations;
		for (const level of catalogue.levels) delete level.name.fa;
		for (const area of catalogue.areas) {
			delete area.name.ar;
			delete area.description.ar;
		}
		delete catalogue.areas[6]!.description['de-x-ls'];
		const result = validateCatalogue(catalogue);
		expect(result.ok).toBe(true);
		expect(result.ok && result.warnings).toEqual([
			{ path: 'areas[0].name.ar', code: 'missingTranslation', params: { language: 'ar', count: 14 } },
			{ path: 'levels[0].name.fa', code: 'missingTranslation', params: { language: 'fa', count: 4 } },
			{ path: 'areas[6].description.de-x-ls', code: 'missingTranslation', params: { language: 'de-x-ls', count: 1 } }
		]);
	});

	it('refuses a language it does not know and a translation status other than reviewed or draft', () => {
		const unknownLanguage = shipped() as unknown as { areas: { name: Record<string, string> }[] };
		unknownLanguage.areas[0]!.name.pl = 'Zarządzanie';
		expect(problemsOf(unknownLanguage)).toContainEqual({ path: 'areas[0].name', code: 'unknownKeys', params: { keys: 'pl' } });
		const badStatus = { ...shipped(), translations: { ar: 'final' } };
		expect(problemsOf(badStatus).map((p) => p.path)).toEqual(['translations.ar']);
	});
});
