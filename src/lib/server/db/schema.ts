import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are ISO-8601 text in UTC; booleans are 0/1 integers (SQLite has neither type). */
export type MunicipalityKind = 'kreisfreie_stadt' | 'landkreis' | 'kreisangehoerige_gemeinde' | 'stadtstaat_bezirk';
export type PopulationBand = 'under_20k' | '20k_50k' | '50k_100k' | '100k_500k' | 'over_500k';

export interface MunicipalityTable {
	id: Generated<number>;
	name: string;
	created_at: string;
	/** What the anonymous comparison groups by; null: not yet described by the operator. */
	kind: MunicipalityKind | null;
	/** Two-letter code of the Land (e.g. 'NW'). */
	land: string | null;
	population_band: PopulationBand | null;
	/** Amtlicher Gemeindeschlüssel, 8 digits, optional. */
	ags: string | null;
	/** Set: nobody of this municipality can log in; its data is kept. */
	deactivated_at: string | null;
	/** 1: its closed rounds count in other municipalities' comparison (and it sees the comparison). */
	comparison_opt_in: Generated<number>;
	comparison_changed_at: string | null;
}

export interface UserTable {
	id: Generated<number>;
	email: string;
	name: string;
	password_hash: string;
	/** 0: the account cannot log in at all. */
	active: Generated<number>;
	/** 1: the password is a one-time one (new account, reset); nothing but changing it is allowed. */
	must_change_password: Generated<number>;
	created_at: string;
	/** 1: runs the installation (Betrieb): creates municipalities, sees their stage — never their content. */
	operator: Generated<number>;
}

export type Role = 'coordinator' | 'editor' | 'facilitator';

export interface MembershipTable {
	user_id: number;
	municipality_id: number;
	role: Role;
	/** 0: the coordinator deactivated this person's access to the municipality. */
	active: Generated<number>;
	created_at: string;
}

export interface SessionTable {
	token_hash: string;
	user_id: number;
	created_at: string;
	expires_at: string;
}

export interface CatalogueTable {
	id: Generated<number>;
	/** null: shipped with the app and visible to every municipality. */
	municipality_id: number | null;
	catalogue_key: string;
	version: string;
	title_de: string;
	title_en: string;
	question_count: number;
	/** The validated catalogue file as JSON text; never changed once stored. */
	content: string;
	imported_by: number | null;
	imported_at: string;
}

/** A coordinator's unpublished next catalogue version: the editor's working copy, JSON that may not validate yet. */
export interface CatalogueDraftTable {
	id: Generated<number>;
	municipality_id: number;
	/** The stored catalogue version it was copied from. */
	based_on: number | null;
	content: string;
	created_by: number | null;
	created_at: string;
	updated_by: number | null;
	updated_at: string;
}

export type AssessmentStatus = 'open' | 'closed';

export interface AssessmentTable {
	id: Generated<number>;
	municipality_id: number;
	name: string;
	catalogue_id: number;
	created_by: number | null;
	created_at: string;
	/** closed: answers are read-only and the result is fixed. */
	status: Generated<AssessmentStatus>;
	closed_at: string | null;
	closed_by: number | null;
	/** The applicability profile (e.g. 'landkreis') it was created for; null: every question applies. */
	profile: string | null;
	/** The round this one follows (same municipality); null: a first round. */
	previous_assessment_id: number | null;
}

export interface AreaAssignmentTable {
	assessment_id: number;
	/** The area's number, 1–7. */
	area: number;
	user_id: number;
}

/** One staff member's answer to one question; `value` null when they left only a comment or evidence. */
export interface AnswerTable {
	assessment_id: number;
	question_id: string;
	user_id: number;
	value: string | null;
	comment: string;
	evidence: string;
	updated_at: string;
}

/** The answer that counts. automatic = 1: all raters agreed; 0: the coordinator chose it. */
export interface AgreedAnswerTable {
	assessment_id: number;
	question_id: string;
	value: string;
	reason: string;
	automatic: number;
	/** Raised by every change; a save must name the version it started from. */
	version: number;
	set_by: number | null;
	set_at: string;
}

export type HistoryKind = 'answer' | 'agreed' | 'closed' | 'reopened';

export interface AnswerHistoryTable {
	id: Generated<number>;
	assessment_id: number;
	question_id: string | null;
	kind: HistoryKind;
	actor_id: number | null;
	rater_id: number | null;
	old_value: string | null;
	new_value: string | null;
	old_comment: string | null;
	new_comment: string | null;
	old_evidence: string | null;
	new_evidence: string | null;
	old_reason: string | null;
	new_reason: string | null;
	created_at: string;
}

export type WorkshopStatus = 'open' | 'ended';

export interface WorkshopTable {
	id: Generated<number>;
	assessment_id: number;
	title: string;
	/** The workshop's date, YYYY-MM-DD. */
	held_on: string;
	code: string;
	/** JSON array of the stakeholder group names offered to participants. */
	stakeholder_groups: string;
	/** JSON array of the area numbers rated in this workshop. */
	areas: string;
	/** Privacy threshold: a group's figures are shown only from k ratings on. */
	k: number;
	status: Generated<WorkshopStatus>;
	created_by: number | null;
	created_at: string;
	ended_at: string | null;
	/** 1 for a rehearsal (Probe-Workshop): never the default for results, reports and exports. */
	rehearsal: Generated<number>;
	/** When it was archived; archived workshops are never the default either. */
	archived_at: string | null;	/** JSON array of the participant language codes offered (see participant-languages.ts). */
	languages: Generated<string>;
	/** 1: in the group phase participants choose one of the named tables; 0: they pick an area. */
	group_tables: Generated<number>;
}

export interface WorkshopAreaTable {
	workshop_id: number;
	area: number;
	is_open: Generated<number>;
}

export interface BallotTable {
	id: Generated<number>;
	workshop_id: number;
	/** SHA-256 of the device's cookie token; null for a paper ballot. */
	token_hash: string | null;
	stakeholder_group: string | null;
	paper: Generated<number>;
	created_at: string;
	/** The void that set this ballot aside (null: it counts). */
	void_id: Generated<number | null>;
}

/** All device ballots created in one minute, set aside by the facilitator; undone_at: reversed. */
export interface BallotVoidTable {
	id: Generated<number>;
	workshop_id: number;
	/** The minute's start, ISO-8601 UTC. */
	minute: string;
	ballot_count: number;
	voided_by: number | null;
	voided_at: string;
	undone_by: number | null;
	undone_at: string | null;
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked';

/** An e-mail address invited to a role; only the SHA-256 of the link's token is stored. */
export interface InvitationTable {
	id: Generated<number>;
	municipality_id: number;
	/** Normalised (trimmed, lower case). */
	email: string;
	role: Role;
	token_hash: string;
	status: Generated<InvitationStatus>;
	invited_by: number | null;
	created_at: string;
	expires_at: string;
	closed_at: string | null;
	accepted_by: number | null;
}

export interface RatingTable {
	ballot_id: number;
	workshop_id: number;
	area: number;
	/** 1–4, or null for "kann ich nicht beurteilen". */
	level: number | null;
	updated_at: string;
}

export type MeasureStatus = 'planned' | 'in_progress' | 'done' | 'deferred';
export type MeasurePriority = 'high' | 'medium' | 'low';
export type BudgetKind = 'amount' | 'existing' | 'open';

/** A measure of the Maßnahmenplan; `areas` and `questions` are JSON arrays. */
export interface MeasureTable {
	id: Generated<number>;
	assessment_id: number;
	title: string;
	description: string;
	areas: string;
	questions: string;
	/** The area whose gap the measure responds to. */
	gap_area: number | null;
	owner: string;
	partners: string;
	budget_kind: BudgetKind;
	/** Whole euros, only for budget_kind 'amount'. */
	budget_amount: number | null;
	start_on: string | null;
	due_on: string | null;
	priority: MeasurePriority;
	status: MeasureStatus;
	/** Raised by every change; a save names the version it started from. */
	version: number;
	created_by: number | null;
	created_at: string;
	updated_at: string;
}

/** One changed field of one save (field 'created': the first values as JSON). */
export interface MeasureHistoryTable {
	id: Generated<number>;
	measure_id: number;
	field: string;
	old_value: string | null;
	new_value: string | null;
	actor_id: number | null;
	created_at: string;
}

/** A dated note on a measure's status ("Stand"). */
export interface MeasureNoteTable {
	id: Generated<number>;
	measure_id: number;
	status: MeasureStatus;
	note: string;
	noted_on: string;
	actor_id: number | null;
	created_at: string;
}

/** A workshop's small-group phase; ended_at set when the facilitator ends it. */
export interface GroupPhaseTable {
	workshop_id: number;
	show_comments: number;
	started_by: number | null;
	started_at: string;
	ended_at: string | null;
}

/** The area group a device (ballot) works in. */
export interface GroupMemberTable {
	ballot_id: number;
	workshop_id: number;
	area: number;
	/** The named table the device chose (its area is `area`); null when it picked the area itself. */
	table_id: number | null;
}

/** A named table of the group phase ("Tisch 1 – Rathausfoyer"), working on one area. */
export interface GroupTableTable {
	id: Generated<number>;
	workshop_id: number;
	name: string;
	area: number;
	/** Order on the facilitator's list and the participant's chooser, 0-based. */
	position: number;
}

/** A proposal (Vorschlag) of a small group; created_at to the minute; ballot_id never shown. */
export interface ProposalTable {
	id: Generated<number>;
	workshop_id: number;
	area: number;
	ballot_id: number | null;
	what: string;
	who: string;
	first_step: string;
	created_at: string;
	hidden_at: string | null;
	hidden_by: number | null;
}

export interface ProposalSupportTable {
	proposal_id: number;
	ballot_id: number;
}

/** A question a device marked "sehe ich anders", with an optional reason. */
export interface QuestionFlagTable {
	workshop_id: number;
	ballot_id: number;
	area: number;
	question_id: string;
	reason: string;
	created_at: string;
}

export interface GroupSummaryTable {
	workshop_id: number;
	area: number;
	text: string;
	updated_by: number | null;
	updated_at: string;
}

export interface MeasureProposalTable {
	measure_id: number;
	proposal_id: number;
}

/** A closed round's figures per area, written when it is closed; what the comparison reads. */
export interface AssessmentAreaFigureTable {
	assessment_id: number;
	area: number;
	/** 0–100, unrounded; null: not assessable. */
	score: number | null;
	level: number | null;
	coverage: number;
}

/** The current snapshot of one comparison group: a kind, and a population band or 'all'. */
export interface ComparisonSnapshotTable {
	id: Generated<number>;
	kind: MunicipalityKind;
	band: PopulationBand | 'all';
	taken_at: string;
	/** 1: this or an earlier snapshot of the group published a figure. */
	ever_published: number;
}

/** A snapshot's published figures for one area (whole points; null: too few municipalities). */
export interface ComparisonSnapshotAreaTable {
	snapshot_id: number;
	area: number;
	municipalities: number;
	q1: number | null;
	median: number | null;
	q3: number | null;
}

/** Whom a snapshot was computed from: only to count changes, never shown. */
export interface ComparisonSnapshotMemberTable {
	snapshot_id: number;
	municipality_id: number;
	assessment_id: number;
}

/** An attempt limit shared by every instance (see shared-limits.ts); times in epoch ms. */
export interface SharedLimitTable {
	id: Generated<number>;
	name: string;
	key_hash: string;
	count: number;
	/** bigint: pg returns it as a string, SQLite as a number — shared-limits.ts converts. */
	window_start: number | string;
	locked_until: Generated<number | string>;
}

export interface SharedSecretTable {
	name: string;
	value: string;
}

export interface Database {
	municipality: MunicipalityTable;
	user: UserTable;
	membership: MembershipTable;
	session: SessionTable;
	catalogue: CatalogueTable;
	catalogue_draft: CatalogueDraftTable;
	assessment: AssessmentTable;
	area_assignment: AreaAssignmentTable;
	answer: AnswerTable;
	agreed_answer: AgreedAnswerTable;
	answer_history: AnswerHistoryTable;
	workshop: WorkshopTable;
	workshop_area: WorkshopAreaTable;
	ballot: BallotTable;
	rating: RatingTable;
	ballot_void: BallotVoidTable;
	invitation: InvitationTable;
	measure: MeasureTable;
	measure_history: MeasureHistoryTable;
	measure_note: MeasureNoteTable;
	group_phase: GroupPhaseTable;
	group_member: GroupMemberTable;
	group_table: GroupTableTable;
	proposal: ProposalTable;
	proposal_support: ProposalSupportTable;
	question_flag: QuestionFlagTable;
	group_summary: GroupSummaryTable;
	measure_proposal: MeasureProposalTable;
	assessment_area_figure: AssessmentAreaFigureTable;
	comparison_snapshot: ComparisonSnapshotTable;
	comparison_snapshot_area: ComparisonSnapshotAreaTable;
	comparison_snapshot_member: ComparisonSnapshotMemberTable;
	shared_limit: SharedLimitTable;
	shared_secret: SharedSecretTable;
}

export type Municipality = Selectable<MunicipalityTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Membership = Selectable<MembershipTable>;
export type Session = Selectable<SessionTable>;
export type CatalogueRow = Selectable<CatalogueTable>;
export type CatalogueDraftRow = Selectable<CatalogueDraftTable>;
export type Assessment = Selectable<AssessmentTable>;
export type Answer = Selectable<AnswerTable>;
export type AgreedAnswer = Selectable<AgreedAnswerTable>;
export type HistoryEntry = Selectable<AnswerHistoryTable>;
export type WorkshopRow = Selectable<WorkshopTable>;
export type Ballot = Selectable<BallotTable>;
export type BallotVoid = Selectable<BallotVoidTable>;
export type Invitation = Selectable<InvitationTable>;
export type MeasureRow = Selectable<MeasureTable>;
export type MeasureHistoryRow = Selectable<MeasureHistoryTable>;
export type MeasureNoteRow = Selectable<MeasureNoteTable>;
export type ProposalRow = Selectable<ProposalTable>;
