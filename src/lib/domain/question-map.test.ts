import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCatalogue, type Catalogue } from '$lib/schemas/catalogue';
import { catalogueProblemTexts } from '$lib/i18n/staff/catalogue-problems';
import { describeProblems, problemLine } from './catalogue-problems';
import { carryReferences, chainMap, comparablePairs, editionPath, identityMap, previousProblems, stepMap } from './question-map';

const source = readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8');
const v2026 = (): Catalogue => JSON.parse(source);

/**
 * 2028.1 follows 2026.1: 1.01 reworded as 1.01r, 1.02 split into 1.02a + 1.02b, 1.03 dropped,
 * 1.04 kept without an entry, and a new question 1.99.
 */
function v2028(): Catalogue {
	const c = v2026();
	c.version = '2028.1';
	const area = c.areas[0]!;
	const q = (id: string) => area.questions.find((x) => x.id === id)!;
	const split = q('1.02');
	q('1.01').id = '1.01r';
	area.questions.splice(area.questions.indexOf(split), 1, { ...split, id: '1.02a' }, { ...split, id: '1.02b' });
	area.questions.splice(area.questions.indexOf(q('1.03')), 1);
	area.questions.push({ ...q('1.04'), id: '1.99' });
	c.previous = {
		catalogueId: c.id,
		version: '2026.1',
		questionMap: [
			{ from: '1.01', kind: 'reworded', to: ['1.01r'] },
			{ from: '1.02', kind: 'split', to: ['1.02a', '1.02b'] },
			{ from: '1.03', kind: 'dropped' }
		]
	};
	return c;
}

const lines = (json: unknown, lang: 'de' | 'en' = 'de') => {
	const result = validateCatalogue(json);
	return result.ok ? [] : describeProblems(result.problems, result.json, catalogueProblemTexts(lang)).map(problemLine);
};

describe('the question map between catalogue editions', () => {
	it('accepts a declared edition and maps reworded, split, dropped and kept questions', () => {
		expect.hasAssertions();
		expect(lines(v2028())).toEqual([]);
		const map = stepMap(v2026(), v2028());
		expect(map.get('1.01')).toEqual({ kind: 'reworded', to: ['1.01r'] });
		expect(map.get('1.02')).toEqual({ kind: 'split', to: ['1.02a', '1.02b'] });
		expect(map.get('1.03')).toEqual({ kind: 'dropped', to: [] });
		expect(map.get('1.04')).toEqual({ kind: 'same', to: ['1.04'] });
		expect(map.size).toBe(105);
	});

	it('uses the identity map for the same version', () => {
		expect.hasAssertions();
		const map = identityMap(v2026());
		expect(map.size).toBe(105);
		expect([...map.values()].every((s) => s.kind === 'same')).toBe(true);
		expect(chainMap([v2026()])).toEqual(map);
	});

	it('carries old agreed answers as references: on the successor, on each part of a split, dropped listed', () => {
		expect.hasAssertions();
		const agreed = new Map([
			['1.01', '2'],
			['1.02', '3'],
			['1.03', '1'],
			['1.05', 'unknown']
		]);
		const { references, dropped } = carryReferences(stepMap(v2026(), v2028()), agreed);
		expect(references.get('1.01r')).toEqual([{ questionId: '1.01', kind: 'reworded', value: '2' }]);
		expect(references.get('1.02a')).toEqual([{ questionId: '1.02', kind: 'split', value: '3' }]);
		expect(references.get('1.02b')).toEqual([{ questionId: '1.02', kind: 'split', value: '3' }]);
		expect(references.get('1.05')).toEqual([{ questionId: '1.05', kind: 'same', value: 'unknown' }]);
		// A question without last round's answer and a new question get no reference.
		expect(references.has('1.04')).toBe(false);
		expect(references.has('1.99')).toBe(false);
		expect(dropped).toEqual([{ questionId: '1.03', value: '1' }]);
	});

	it('compares only same and reworded questions one to one, never the parts of a split', () => {
		expect.hasAssertions();
		const pairs = comparablePairs(stepMap(v2026(), v2028()));
		expect(pairs).toContainEqual({ from: '1.01', to: '1.01r', kind: 'reworded' });
		expect(pairs).toContainEqual({ from: '1.04', to: '1.04', kind: 'same' });
		expect(pairs.some((p) => p.from === '1.02' || p.from === '1.03')).toBe(false);
		expect(pairs).toHaveLength(103);
	});

	it('composes a chain of editions: reworded stays reworded, a split part dropped later leaves the rest', () => {
		expect.hasAssertions();
		const v2030 = v2028();
		v2030.version = '2030.1';
		const area = v2030.areas[0]!;
		area.questions.splice(area.questions.findIndex((q) => q.id === '1.02b'), 1);
		v2030.previous = { catalogueId: v2030.id, version: '2028.1', questionMap: [{ from: '1.02b', kind: 'dropped' }] };
		const map = chainMap([v2026(), v2028(), v2030]);
		expect(map.get('1.01')).toEqual({ kind: 'reworded', to: ['1.01r'] });
		expect(map.get('1.02')).toEqual({ kind: 'split', to: ['1.02a'] });
		expect(map.get('1.03')).toEqual({ kind: 'dropped', to: [] });
		expect(map.get('1.04')).toEqual({ kind: 'same', to: ['1.04'] });
	});

	it('finds the path from an older edition to a newer one, never backwards', () => {
		expect.hasAssertions();
		const stored = new Map([['2026.1', v2026()], ['2028.1', v2028()]]);
		const lookup = (_id: string, version: string) => stored.get(version);
		expect(editionPath(v2026(), v2028(), lookup)?.map((c) => c.version)).toEqual(['2026.1', '2028.1']);
		expect(editionPath(v2026(), v2026(), lookup)?.map((c) => c.version)).toEqual(['2026.1']);
		expect(editionPath(v2028(), v2026(), lookup)).toBeNull();
		const unrelated = v2026();
		unrelated.version = '2026.1-musterstadt-1';
		expect(editionPath(v2026(), unrelated, lookup)).toBeNull();
		const otherKey = v2028();
		otherKey.id = 'anderer-katalog';
		expect(editionPath(v2026(), otherKey, lookup)).toBeNull();
	});

	it('refuses a map whose new ids are not in this version, with the place named', () => {
		expect.hasAssertions();
		const c = v2028();
		c.previous!.questionMap.push({ from: '1.05', kind: 'same', to: ['9.99'] });
		expect(lines(c)).toEqual(['Fragenzuordnung, Eintrag 4 (alte Frage 1.05): neue Frage „9.99“ gibt es in diesem Katalog nicht']);
		expect(lines(c, 'en')).toEqual(['Question map, entry 4 (old question 1.05): new question "9.99" does not exist in this catalogue']);
	});

	it('refuses target counts that do not fit the kind, duplicates, another catalogue and the same version', () => {
		expect.hasAssertions();
		const c = v2028() as any;
		c.previous.questionMap.push(
			{ from: '1.05', kind: 'split', to: ['1.05'] },
			{ from: '1.06', kind: 'dropped', to: ['1.06'] },
			{ from: '1.01', kind: 'same', to: ['1.07'] },
			{ from: '1.08', kind: 'same', to: ['1.01r'] },
			{ from: '1.09', kind: 'moved', to: ['1.09'] }
		);
		c.previous.catalogueId = 'anderer';
		c.previous.version = '2028.1';
		expect(lines(c)).toEqual([
			'Fragenzuordnung, Eintrag 8 (alte Frage 1.09): Art: "moved" ist nicht erlaubt (erlaubt: same, reworded, split, dropped)',
			'Vorgängerversion (previous): Vorgängerversion „anderer“ ist ein anderer Katalog; eine neue Ausgabe folgt nur einer Version desselben Katalogs („weltoffene-kommune“)',
			'Vorgängerversion (previous): Vorgängerversion 2028.1 ist diese Version selbst; nennen Sie die ältere Version, der diese folgt',
			'Fragenzuordnung, Eintrag 4 (alte Frage 1.05): „split“ (geteilt) braucht mindestens 2 neue Fragen, hier sind es 1',
			'Fragenzuordnung, Eintrag 5 (alte Frage 1.06): „dropped“ (entfallen) hat keine neuen Fragen, hier sind es 1',
			'Fragenzuordnung, Eintrag 6 (alte Frage 1.01): alte Frage „1.01“ ist schon in einem anderen Eintrag zugeordnet',
			'Fragenzuordnung, Eintrag 7 (alte Frage 1.08): neue Frage „1.01r“ ist schon der alten Frage „1.01“ zugeordnet'
		]);
	});

	it('refuses old ids that the older version does not have, and an older version that is not stored', () => {
		expect.hasAssertions();
		const c = v2028();
		c.previous!.questionMap.push({ from: 'X-1', kind: 'dropped' });
		const described = (problems: ReturnType<typeof previousProblems>, lang: 'de' | 'en' = 'de') =>
			describeProblems(problems, c, catalogueProblemTexts(lang)).map(problemLine);
		expect(described(previousProblems(c, v2026()))).toEqual(['Fragenzuordnung, Eintrag 4 (alte Frage X-1): alte Frage „X-1“ gibt es in Version 2026.1 nicht']);
		expect(described(previousProblems(c, v2026()), 'en')).toEqual(['Question map, entry 4 (old question X-1): old question "X-1" does not exist in version 2026.1']);
		expect(described(previousProblems(c, undefined))).toEqual([
			'Vorgängerversion (previous): Version 2026.1 von „weltoffene-kommune“ ist hier nicht gespeichert; importieren Sie zuerst die ältere Version, auf die sich die Fragenzuordnung bezieht'
		]);
		expect(previousProblems(v2026(), undefined)).toEqual([]);
	});
});
