import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are ISO-8601 text in UTC; booleans are 0/1 integers (SQLite has neither type). */
export interface MunicipalityTable {
	id: Generated<number>;
	name: string;
	created_at: string;
}

export interface UserTable {
	id: Generated<number>;
	email: string;
	name: string;
	password_hash: string;
	/** 0: the account cannot log in at all. */
	active: Generated<number>;
	created_at: string;
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

export interface AssessmentTable {
	id: Generated<number>;
	municipality_id: number;
	name: string;
	catalogue_id: number;
	created_by: number | null;
	created_at: string;
}

export interface Database {
	municipality: MunicipalityTable;
	user: UserTable;
	membership: MembershipTable;
	session: SessionTable;
	catalogue: CatalogueTable;
	assessment: AssessmentTable;
}

export type Municipality = Selectable<MunicipalityTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Membership = Selectable<MembershipTable>;
export type Session = Selectable<SessionTable>;
export type CatalogueRow = Selectable<CatalogueTable>;
export type Assessment = Selectable<AssessmentTable>;
