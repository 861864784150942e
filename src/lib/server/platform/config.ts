import { z } from 'zod';

const flag = z
	.enum(['0', '1', 'true', 'false', ''])
	.optional()
	.transform((value) => value === '1' || value === 'true');

/** An absolute http(s) address, or a path on this server such as /datenschutz. */
const legalUrl = z
	.string()
	.max(2000)
	.refine((value) => /^\/(?!\/)\S*$/.test(value) || z.url({ protocol: /^https?$/ }).safeParse(value).success, {
		message: 'must be an http(s) address or a path starting with /'
	})
	.optional();

/** Every setting the server reads from the environment, validated once at start. */
export const configSchema = z
	.object({
		DATABASE_PATH: z.string().min(1).default('db/data/selbstcheck.db'),
		/** Set: PostgreSQL at this address instead of the SQLite file (postgres://user:password@host:port/database). */
		DATABASE_URL: z
			.string()
			.refine((value) => /^postgres(ql)?:\/\/[^/\s]+\/[^\s]+$/.test(value) && URL.canParse(value), {
				message: 'must be a PostgreSQL address such as postgres://user:password@host:5432/selbstcheck'
			})
			.optional(),
		/** Connections the PostgreSQL pool opens at most (per app instance). */
		DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
		/**
		 * Whether the start applies pending migrations. Default: yes on SQLite (one file, one process),
		 * no on PostgreSQL, where several instances share the database and `npm run db:migrate` runs once
		 * before they start.
		 */
		MIGRATE_ON_START: z.enum(['0', '1', 'true', 'false']).optional(),
		HOST: z.string().min(1).default('127.0.0.1'),
		PORT: z.coerce.number().int().min(1).max(65535).default(3000),
		ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
		SEED_DEMO: flag,
		INITIAL_ADMIN_EMAIL: z.email().optional(),
		INITIAL_ADMIN_PASSWORD: z.string().min(10).max(200).optional(),
		/** The first operator (Betrieb), created while the database has no operator; ignored afterwards. */
		INITIAL_OPERATOR_EMAIL: z.email().optional(),
		INITIAL_OPERATOR_PASSWORD: z.string().min(10).max(200).optional(),
		INITIAL_MUNICIPALITY: z.string().trim().min(2).max(120).default('Meine Kommune'),
		SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
		LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
		LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
		JOIN_CODE_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(30),
		/** Wrong join codes per minute from all addresses together: the bound on guessing codes. */
		JOIN_CODE_GLOBAL_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
		/**
		 * Read by adapter-node: the header the TLS proxy puts the client's address in (e.g.
		 * `x-forwarded-for`, `x-real-ip`). Unset: the TCP peer, which behind a proxy is the proxy itself.
		 */
		ADDRESS_HEADER: z
			.string()
			.regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, { message: 'must be an HTTP header name such as x-forwarded-for' })
			.transform((value) => value.toLowerCase())
			.optional(),
		/** Read by adapter-node with ADDRESS_HEADER=x-forwarded-for: how many trusted proxies append to it. */
		XFF_DEPTH: z.coerce.number().int().min(1).max(20).optional(),
		/** New workshop ballots one client address may create per workshop and minute (a town hall's NAT carries hundreds of phones). */
		BALLOTS_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
		/** Open live streams (SSE) per client address, and per participant's ballot cookie. */
		SSE_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(400),
		SSE_PER_BALLOT: z.coerce.number().int().min(1).max(1000).default(4),
		/** The municipality's or operator's legal pages, linked in the footer of every public page; unset: no link. */
		IMPRESSUM_URL: legalUrl,
		DATENSCHUTZ_URL: legalUrl,
		BARRIEREFREIHEIT_URL: legalUrl,
		/*
		 * The "Erklärung zur Barrierefreiheit" (/barrierefreiheit), which BITV 2.0 § 7 requires of a
		 * public body: who is responsible, where feedback goes, when the accessibility was last checked.
		 */
		/** The public body responsible for this installation, e.g. "Stadt Musterstadt, Integrationsbüro". */
		ACCESSIBILITY_RESPONSIBLE: z.string().trim().min(2).max(200).optional(),
		/** Feedback contact for barriers (at least one of email and URL should be set). */
		ACCESSIBILITY_CONTACT_EMAIL: z.email().optional(),
		ACCESSIBILITY_CONTACT_URL: z.url({ protocol: /^https?$/ }).optional(),
		ACCESSIBILITY_CONTACT_PHONE: z
			.string()
			.trim()
			.regex(/^\+?[0-9 ()/-]{5,30}$/, { message: 'must be a phone number such as +49 30 1234567' })
			.optional(),
		/** Date (YYYY-MM-DD) of the municipality's own last check; default: the date this software was last checked. */
		ACCESSIBILITY_CHECKED_ON: z.iso.date().optional(),
		/**
		 * The enforcement body (Durchsetzungs-/Schlichtungsverfahren). Default: the federal
		 * Schlichtungsstelle nach § 16 BGG; Länder name their own body in their accessibility laws.
		 */
		ACCESSIBILITY_ENFORCEMENT_NAME: z.string().trim().min(2).max(200).optional(),
		ACCESSIBILITY_ENFORCEMENT_URL: z.url({ protocol: /^https?$/ }).optional()
	})
	.refine((c) => c.XFF_DEPTH === undefined || c.ADDRESS_HEADER === 'x-forwarded-for', {
		path: ['XFF_DEPTH'],
		message: 'XFF_DEPTH only applies with ADDRESS_HEADER=x-forwarded-for'
	})
	.refine((c) => (c.ACCESSIBILITY_ENFORCEMENT_NAME === undefined) === (c.ACCESSIBILITY_ENFORCEMENT_URL === undefined), {
		path: ['ACCESSIBILITY_ENFORCEMENT_URL'],
		message: 'ACCESSIBILITY_ENFORCEMENT_NAME and ACCESSIBILITY_ENFORCEMENT_URL must be set together'
	})
	.refine((c) => (c.INITIAL_ADMIN_EMAIL === undefined) === (c.INITIAL_ADMIN_PASSWORD === undefined), {
		path: ['INITIAL_ADMIN_PASSWORD'],
		message: 'INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_PASSWORD must be set together'
	})
	.refine((c) => (c.INITIAL_OPERATOR_EMAIL === undefined) === (c.INITIAL_OPERATOR_PASSWORD === undefined), {
		path: ['INITIAL_OPERATOR_PASSWORD'],
		message: 'INITIAL_OPERATOR_EMAIL and INITIAL_OPERATOR_PASSWORD must be set together'
	});

export type Config = z.infer<typeof configSchema>;

/** Where the data lives: decided here once, from DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite). */
export type StoreConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; poolSize: number };

export function storeOf(config: Pick<Config, 'DATABASE_PATH' | 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>): StoreConfig {
	return config.DATABASE_URL
		? { kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }
		: { kind: 'sqlite', path: config.DATABASE_PATH };
}

/** Whether the start migrates: MIGRATE_ON_START when set, else on SQLite only. */
export function migratesOnStart(config: Pick<Config, 'DATABASE_URL' | 'MIGRATE_ON_START'>): boolean {
	if (config.MIGRATE_ON_START !== undefined) return config.MIGRATE_ON_START === '1' || config.MIGRATE_ON_START === 'true';
	return !config.DATABASE_URL;
}

/** Where a store is, for messages: the file, or the PostgreSQL address without its password. */
export function describeStore(store: StoreConfig): string {
	if (store.kind === 'sqlite') return store.path;
	const url = new URL(store.url);
	if (url.password) url.password = '***';
	return url.toString();
}

export class ConfigError extends Error {}

/**
 * Parses the environment; empty strings count as unset so `FOO= node build` behaves like no FOO.
 * Throws a ConfigError whose message names every bad variable.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
	const cleaned = Object.fromEntries(
		Object.entries(env).filter(([, value]) => value !== undefined && value !== '')
	);
	const result = configSchema.safeParse(cleaned);
	if (!result.success) {
		const lines = result.error.issues.map(
			(issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`
		);
		throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
	}
	return result.data;
}
