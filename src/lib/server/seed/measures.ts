import { measureInputSchema } from '$lib/schemas/measures';
import type { Db } from '../db';
import * as groupStore from '../db/group-phase';
import type { Assessment, WorkshopRow } from '../db/schema';
import * as users from '../db/users';
import { addStatusNote, createMeasure, updateMeasure } from '../measures/measures';
import { shiftDate, today } from '../platform/clock';
import { chooseGroup, endGroupPhase, flagQuestion, propose, saveSummary, startGroupPhase, supportProposal } from '../groups/proposals';

/** The demo's small groups on areas 1 and 7: proposals with support, "sehe ich anders" marks, summaries. */
const DEMO_PROPOSALS: Record<number, { what: string; who: string; firstStep: string; support: number }[]> = {
	1: [
		{ what: 'Eine Steuerungsgruppe Vielfalt mit Migrantenorganisationen einrichten, die zweimal im Jahr berichtet.', who: 'Bürgermeisterbüro und Integrationsbeirat', firstStep: 'Mitglieder bis zum Frühjahr benennen', support: 9 },
		{ what: 'Interkulturelle Ziele in die Zielvereinbarungen der Fachbereiche aufnehmen.', who: 'Personalamt', firstStep: 'Zwei Pilotfachbereiche gewinnen', support: 6 },
		{ what: 'Ein jährlicher Integrationsbericht, der öffentlich im Rat besprochen wird.', who: 'Integrationsbüro', firstStep: '', support: 3 }
	],
	7: [
		{ what: 'Eine Anlaufstelle für Konflikte im Quartier mit mehrsprachigen Mediatorinnen und Mediatoren.', who: 'Ordnungsamt mit freien Trägern', firstStep: 'Bedarf in zwei Stadtteilen erheben', support: 8 },
		{ what: 'Wichtige Informationen der Stadt in Leichter Sprache und den fünf häufigsten Sprachen.', who: 'Pressestelle', firstStep: 'Die zehn meistgelesenen Seiten übersetzen', support: 7 }
	]
};

export async function seedDemoGroups(db: Db, workshop: WorkshopRow, facilitatorId: number, tokens: string[]): Promise<void> {
	await startGroupPhase(db, workshop.id, facilitatorId, true);
	// People 0–11 work on area 1, people 12–21 on area 7.
	const members: Record<number, string[]> = { 1: tokens.slice(0, 12), 7: tokens.slice(12, 22) };
	for (const [area, list] of Object.entries(members)) for (const token of list) await chooseGroup(db, workshop, token, Number(area));
	for (const [areaText, proposals] of Object.entries(DEMO_PROPOSALS)) {
		const group = members[Number(areaText)]!;
		for (const [i, p] of proposals.entries()) {
			const id = await propose(db, workshop, group[i]!, { what: p.what, who: p.who, firstStep: p.firstStep });
			for (const token of group.slice(0, p.support)) await supportProposal(db, workshop, token, id);
		}
	}
	const flags: [number, string, string][] = [
		[1, '1.01', 'Das Leitbild kennt außerhalb der Verwaltung kaum jemand.'],
		[1, '1.01', ''],
		[1, '1.03', 'Es gibt Ziele, aber niemand prüft sie.'],
		[7, '7.02', 'Beschwerden versanden.'],
		[7, '7.02', '']
	];
	for (const [i, [area, questionId, reason]] of flags.entries()) {
		await flagQuestion(db, workshop, members[area]![i]!, { questionId, reason, remove: false });
	}
	await saveSummary(db, workshop, 1, 'Die Gruppe sieht Steuerung vor allem als Frage der Verbindlichkeit: Ziele gibt es, aber keine regelmäßige Berichterstattung und keine Beteiligung der Migrantenorganisationen.', facilitatorId);
	await saveSummary(db, workshop, 7, 'Konflikte werden oft erst spät bemerkt. Gewünscht sind eine Anlaufstelle im Quartier und mehrsprachige Informationen.', facilitatorId);
	await endGroupPhase(db, workshop.id);
}

/**
 * Six demo measures in different states; two come from the groups' proposals. Their dates lie around
 * the day the demo is seeded (one overdue on purpose), so a demo started in any year reads the same.
 */
export async function seedDemoMeasures(db: Db, assessment: Assessment): Promise<void> {
	const day = (offset: number) => shiftDate(today(), offset);
	const coordinator = (await users.listStaff(db, assessment.municipality_id)).find((s) => s.role === 'coordinator');
	if (!coordinator) throw new Error('Demo seed: the municipality has no coordinator');
	const userId = coordinator.id;
	const proposals = await groupStore.listProposalAreas(db, assessment.id);
	const first = (area: number) => proposals.find((p) => p.area === area)?.id;
	const make = (values: Record<string, unknown>) => createMeasure(db, assessment, userId, measureInputSchema.parse(values));
	const steering = await make({
		title: 'Steuerungsgruppe Vielfalt einrichten',
		description: 'Verwaltung, Politik und Migrantenorganisationen steuern die Umsetzung gemeinsam und berichten zweimal im Jahr.',
		areas: [1], questions: ['1.01'], gapArea: 1, owner: 'Büro des Bürgermeisters', partners: 'Integrationsbeirat, Migrantenorganisationen',
		budgetKind: 'existing', startOn: day(-37), dueOn: day(113), priority: 'high', proposalIds: first(1) ? [first(1)] : []
	});
	await updateMeasure(db, assessment, steering.id, userId, { status: 'in_progress', note: 'Auftaktsitzung mit 14 Mitgliedern hat stattgefunden.' });
	await make({
		title: 'Integrationsbericht jährlich im Rat',
		areas: [1], gapArea: 1, owner: 'Integrationsbüro', budgetKind: 'amount', budgetAmount: 8000, startOn: day(24), dueOn: day(296), priority: 'medium'
	});
	const mediation = await make({
		title: 'Konfliktanlaufstelle im Quartier',
		description: 'Mehrsprachige Mediation für Nachbarschaftskonflikte, zunächst in zwei Stadtteilen.',
		areas: [7], gapArea: 7, owner: 'Ordnungsamt', partners: 'Freie Träger der Gemeinwesenarbeit', budgetKind: 'amount', budgetAmount: 45000,
		startOn: day(-98), dueOn: day(-38), priority: 'high', proposalIds: first(7) ? [first(7)] : []
	});
	await updateMeasure(db, assessment, mediation.id, userId, { status: 'in_progress' });
	const info = await make({
		title: 'Mehrsprachige Bürgerinformation', areas: [7, 2], gapArea: 7, owner: 'Pressestelle', budgetKind: 'amount', budgetAmount: 12000, dueOn: day(-161), priority: 'medium'
	});
	await addStatusNote(db, assessment, info.id, userId, { status: 'done', note: 'Die zehn wichtigsten Seiten sind in fünf Sprachen online.', notedOn: day(-171) });
	const training = await make({
		title: 'Fortbildung interkulturelle Kompetenz für Führungskräfte', areas: [2], gapArea: 2, owner: 'Personalamt', budgetKind: 'amount', budgetAmount: 15000, dueOn: day(388), priority: 'low'
	});
	await addStatusNote(db, assessment, training.id, userId, { status: 'deferred', note: `Zurückgestellt bis zum Haushalt ${Number(day(0).slice(0, 4)) + 1}.`, notedOn: day(-18) });
	await make({ title: 'Willkommensmappe für Neuzugezogene', areas: [6], owner: 'Bürgeramt', budgetKind: 'existing', dueOn: day(174), priority: 'medium' });
}
