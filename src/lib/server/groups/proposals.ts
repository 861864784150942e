import type { Language } from '$lib/i18n/staff';
import type { ParticipantLanguage } from '$lib/i18n/participant/languages';
import { textIn } from '$lib/schemas/catalogue';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as groupStore from '../db/group-phase';
import { tablesMode, tablesOf } from '../db/group-tables';
import * as questionnaire from '../db/questionnaire';
import type { WorkshopRow } from '../db/schema';
import * as workshopStore from '../db/workshops';
import { minuteOf } from '../db/workshops';
import { gapReport } from '../results/gap-report';
import { transportBus } from '../realtime/live';
import { catalogueOf } from '../catalogues/versions';
import { Refusal } from '../http/refusal';
import { ballotOf } from '../workshops/workshops';
import { lockRow, lockWorkshop } from '../db/locks';
import { clock, now } from '../platform/clock';

/**
 * The workshop's small-group phase: the facilitator starts it; each device (its ballot, still
 * anonymous) joins one area group, writes proposals, supports others' with one tap and marks
 * questions "sehe ich anders". Writes are committed first, then announced on the bus; the live
 * pages reload their data on an announcement (it carries the area only, never content).
 */
export type GroupEvent = { type: 'group'; area: number } | { type: 'phase'; running: boolean } | { type: 'tables' };

export const groupBus = transportBus<GroupEvent>();
export const groupChannel = (workshopId: number) => `groups:${workshopId}`;

/** Proposals one device may write within PROPOSAL_WINDOW_MINUTES (stored, so it holds across instances). */
export const PROPOSALS_PER_DEVICE = 8;
export const PROPOSAL_WINDOW_MINUTES = 10;

/** Proposals and flags are stored to the minute only. */
function thisMinute(): string {
	return minuteOf(now());
}

function areasOf(workshop: WorkshopRow): number[] {
	return JSON.parse(workshop.areas) as number[];
}

/** Whether the group phase runs (started, not ended, workshop open). */
export async function phaseOf(db: Db, workshop: WorkshopRow) {
	const phase = await groupStore.findPhase(db, workshop.id);
	return {
		started: phase !== undefined,
		running: phase !== undefined && phase.ended_at === null && workshop.status === 'open',
		showComments: phase?.show_comments === 1
	};
}

export async function startGroupPhase(db: Db, workshopId: number, userId: number, showComments: boolean): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await lockWorkshop(trx, workshopId, 'update');
		const row = await workshopStore.findWorkshop(trx, workshopId);
		if (!row) throw new Refusal('notFound', 404);
		if (row.status === 'ended') throw new Refusal('workshopEnded', 409);
		const phase = await groupStore.findPhase(trx, workshopId);
		if (phase && phase.ended_at === null) throw new Refusal('groupPhaseRunning', 409);
		await groupStore.startPhase(trx, { workshopId, userId, showComments, at: now() });
	});
	groupBus.publish(groupChannel(workshopId), { type: 'phase', running: true });
}

export async function endGroupPhase(db: Db, workshopId: number): Promise<void> {
	const phase = await groupStore.findPhase(db, workshopId);
	if (!phase || phase.ended_at !== null) throw new Refusal('groupPhaseClosed', 409);
	await groupStore.endPhase(db, workshopId, now());
	groupBus.publish(groupChannel(workshopId), { type: 'phase', running: false });
}

/** The device's ballot, refused unless the phase runs and the device has joined. */
export async function participant(db: Db, workshop: WorkshopRow, token: string | undefined) {
	const ballot = await ballotOf(db, workshop.id, token);
	if (!ballot) throw new Refusal('notJoined', 403);
	if (!(await phaseOf(db, workshop)).running) throw new Refusal('groupPhaseClosed', 409);
	return ballot;
}

async function member(db: Db, workshop: WorkshopRow, token: string | undefined) {
	const ballot = await participant(db, workshop, token);
	const area = await groupStore.memberArea(db, ballot.id);
	if (area === undefined) throw new Refusal('notInGroup', 409);
	return { ballot, area };
}

/** Puts the device into an area's group (or moves it). */
export async function chooseGroup(db: Db, workshop: WorkshopRow, token: string | undefined, area: number): Promise<void> {
	const ballot = await participant(db, workshop, token);
	if (!areasOf(workshop).includes(area)) throw new Refusal('unknownArea', 422);
	// With named tables the device chooses its table (which names the area); a stale chooser is told so.
	if (await tablesMode(db, workshop.id)) throw new Refusal('chooseTable', 409);
	await groupStore.setMember(db, workshop.id, ballot.id, area);
	groupBus.publish(groupChannel(workshop.id), { type: 'group', area });
}

/** A proposal of the device's group; at most PROPOSALS_PER_DEVICE per PROPOSAL_WINDOW_MINUTES. */
export async function propose(db: Db, workshop: WorkshopRow, token: string | undefined, input: { what: string; who: string; firstStep: string }): Promise<number> {
	const { ballot, area } = await member(db, workshop, token);
	const id = await db.transaction().execute(async (trx) => {
		// The device's proposals are counted and added one at a time (parallel requests cannot pass the limit together).
		await lockRow(trx, 'ballot', ballot.id);
		const since = new Date(clock().getTime() - PROPOSAL_WINDOW_MINUTES * 60_000).toISOString();
		if ((await groupStore.proposalsSince(trx, ballot.id, minuteOf(since))) >= PROPOSALS_PER_DEVICE) throw new Refusal('tooManyProposals', 429);
		return groupStore.insertProposal(trx, { workshopId: workshop.id, area, ballotId: ballot.id, ...input, at: thisMinute() });
	});
	groupBus.publish(groupChannel(workshop.id), { type: 'group', area });
	return id;
}

/** One support per device for a visible proposal of its group; a second tap changes nothing. */
export async function supportProposal(db: Db, workshop: WorkshopRow, token: string | undefined, proposalId: number): Promise<void> {
	const { ballot, area } = await member(db, workshop, token);
	const proposal = await groupStore.findProposal(db, workshop.id, proposalId);
	if (!proposal || proposal.area !== area || proposal.hidden_at !== null) throw new Refusal('unknownProposalHere', 404);
	if (await groupStore.support(db, proposalId, ballot.id)) groupBus.publish(groupChannel(workshop.id), { type: 'group', area });
}

/** Marks a question of the group's area "sehe ich anders" (with an optional reason), or takes the mark back. */
export async function flagQuestion(db: Db, workshop: WorkshopRow, token: string | undefined, input: { questionId: string; reason: string; remove: boolean }): Promise<void> {
	const { ballot, area } = await member(db, workshop, token);
	const assessment = await assessments.getAssessment(db, workshop.assessment_id);
	const catalogue = await catalogueOf(db, assessment);
	if (!catalogue.areas.find((a) => a.number === area)?.questions.some((q) => q.id === input.questionId)) throw new Refusal('unknownQuestion', 422);
	if (input.remove) await groupStore.removeFlag(db, workshop.id, ballot.id, input.questionId);
	else await groupStore.setFlag(db, { workshopId: workshop.id, ballotId: ballot.id, area, questionId: input.questionId, reason: input.reason, at: thisMinute() });
	groupBus.publish(groupChannel(workshop.id), { type: 'group', area });
}

/** Hides an abusive proposal (kept, with who hid it) or shows it again. */
export async function setProposalHidden(db: Db, workshopId: number, proposalId: number, userId: number, hidden: boolean): Promise<void> {
	const proposal = await groupStore.findProposal(db, workshopId, proposalId);
	if (!proposal) throw new Refusal('unknownProposalHere', 404);
	await groupStore.setHidden(db, proposalId, userId, hidden ? now() : null);
	groupBus.publish(groupChannel(workshopId), { type: 'group', area: proposal.area });
}

export async function saveSummary(db: Db, workshop: WorkshopRow, area: number, text: string, userId: number): Promise<void> {
	if (!areasOf(workshop).includes(area)) throw new Refusal('unknownArea', 422);
	await groupStore.setSummary(db, { workshopId: workshop.id, area, text, userId, at: now() });
	groupBus.publish(groupChannel(workshop.id), { type: 'group', area });
}

/**
 * What a group's page shows: the area with the administration's agreed answers per question (and
 * their reasons when the facilitator allows it), the room's figures, the group's proposals (most
 * supported, then newest) and this device's own marks. No ballot id leaves this function.
 */
export async function groupPage(db: Db, workshop: WorkshopRow, token: string | undefined, lang: ParticipantLanguage) {
	const phase = await phaseOf(db, workshop);
	const ballot = await ballotOf(db, workshop.id, token);
	const membership = ballot ? await groupStore.membership(db, ballot.id) : undefined;
	const area = membership?.area;
	const assessment = await assessments.getAssessment(db, workshop.assessment_id);
	const catalogue = await catalogueOf(db, assessment);
	const counts = await groupStore.memberCounts(db, workshop.id);
	const areaName = (n: number) => textIn(catalogue.areas.find((a) => a.number === n)!.name, lang);
	const areas = areasOf(workshop).map((n) => ({ number: n, name: areaName(n), members: counts[n] ?? 0 }));
	const seating = await tablesOf(db, workshop.id);
	const tables = { on: seating.on, list: seating.on ? seating.tables.map((t) => ({ ...t, areaName: areaName(t.area) })) : [] };
	if (!ballot || area === undefined) return { phase, joined: ballot !== undefined, areas, tables, group: null };
	const table = seating.tables.find((t) => t.id === membership?.tableId);
	const catalogueArea = catalogue.areas.find((a) => a.number === area)!;
	const agreed = new Map((await questionnaire.listAgreed(db, assessment.id)).map((a) => [a.question_id, a]));
	const report = await gapReport(db, assessment, String(workshop.id));
	const figures = report.areas.find((a) => a.area === area)!;
	const flags = await groupStore.flagsOf(db, workshop.id, ballot.id);
	const proposals = await groupStore.listProposals(db, workshop.id, { area, ballotId: ballot.id });
	return {
		phase,
		joined: true,
		areas,
		tables,
		group: {
			area,
			name: textIn(catalogueArea.name, lang),
			/** The named table the device chose, if any. */
			table: table?.name ?? null,
			tableId: table?.id ?? null,
			adminLevel: figures.adminLevel,
			median: figures.tooFewRatings ? null : figures.stakeholderMedian,
			gap: figures.tooFewRatings ? null : figures.gap,
			tooFewRatings: figures.tooFewRatings,
			questions: catalogueArea.questions.map((q) => {
				const a = agreed.get(q.id);
				const step = a ? catalogue.scale.find((s) => s.value === a.value) : undefined;
				return {
					id: q.id,
					text: textIn(q.text, lang),
					answer: step ? textIn(step.label, lang) : null,
					reason: phase.showComments && a?.reason ? a.reason : null,
					flagged: q.id in flags,
					flagReason: flags[q.id] ?? ''
				};
			}),
			proposals: proposals.map(({ hidden: _h, hiddenBy: _b, measureIds: _m, ...p }) => p)
		}
	};
}

/** The facilitator's overview: per area the devices, most-marked questions, proposals (hidden ones too) and the summary. */
export async function groupOverview(db: Db, workshop: WorkshopRow, lang: Language) {
	const assessment = await assessments.getAssessment(db, workshop.assessment_id);
	const catalogue = await catalogueOf(db, assessment);
	const [counts, flags, proposals, summaries, phase] = await Promise.all([
		groupStore.memberCounts(db, workshop.id),
		groupStore.flagCounts(db, workshop.id),
		groupStore.listProposals(db, workshop.id, { withHidden: true }),
		groupStore.listSummaries(db, workshop.id),
		phaseOf(db, workshop)
	]);
	return {
		phase,
		assessmentId: assessment.id,
		areas: areasOf(workshop).map((n) => {
			const area = catalogue.areas.find((a) => a.number === n)!;
			return {
				number: n,
				name: area.name[lang],
				members: counts[n] ?? 0,
				flags: flags
					.filter((f) => f.area === n)
					.slice(0, 10)
					.map((f) => ({ ...f, text: area.questions.find((q) => q.id === f.questionId)?.text[lang] ?? f.questionId })),
				proposals: proposals.filter((p) => p.area === n),
				summary: summaries.find((s) => s.area === n)?.text ?? ''
			};
		})
	};
}

/** The workshop's proposals for staff, hidden ones too, most supported first. */
export async function staffProposals(db: Db, workshopId: number): Promise<groupStore.ProposalView[]> {
	return groupStore.listProposals(db, workshopId, { withHidden: true });
}

/** A proposal of any workshop of the assessment (to prefill a measure); undefined otherwise. */
export async function findProposalOfAssessment(db: Db, assessmentId: number, proposalId: number) {
	return groupStore.findProposalOfAssessment(db, assessmentId, proposalId);
}
