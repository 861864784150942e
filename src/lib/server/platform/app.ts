import { missingFeedbackContact } from './accessibility';
import { ConfigError, describeStore, migratesOnStart, parseConfig, storeOf, type Config, type StoreConfig } from './config';
import { withAdvisoryLock } from '../db/locks';
import { migrate, openDatabase, pendingMigrations, type Db } from '../db';
import { countUsers, findUserByEmail } from '../db/users';
import { DEMO_COORDINATOR, DEMO_OPERATOR, seedDemo, seedInitialAdmin, seedOperator } from '../seed/seed';
import { storeShippedCatalogues } from '../catalogues/shipped';
import { deleteExpiredSessions } from '../accounts/sessions';
import type { CodeThrottles, LoginThrottles } from '../limits/throttle';
import { sharedParts, type SharedParts } from './instances';
import { StreamLimits } from '../limits/limits';

/** Everything the running server holds once: settings, the one database instance, the login throttle. */
export interface App {
	config: Config;
	db: Db;
	/** Failed logins per account, and per client address with a higher limit (a town hall shares one). */
	loginThrottle: LoginThrottles;
	/** Wrong join codes per client address and all together per minute: guessing codes is bounded. */
	codeThrottle: CodeThrottles;
	/** New ballots per workshop and client address (BALLOTS_PER_ADDRESS_PER_MINUTE); see instances.ts. */
	admitBallot: SharedParts['admitBallot'];
	/** Open live streams per client address and ballot (SSE_PER_ADDRESS, SSE_PER_BALLOT), per instance. */
	streams: StreamLimits;
	/** Memory (one SQLite process) or database (several instances on PostgreSQL). */
	shared: SharedParts;
}

/** The advisory lock key under which a start prepares the data (any fixed number of ours). */
const START_LOCK = 0x5e1b_c0de;

/**
 * The first operator from INITIAL_OPERATOR_*; in demo mode without them the demo operator, whose
 * credentials are printed beside the demo coordinator's.
 */
async function startOperator(db: Db, config: Config): Promise<void> {
	const own = config.INITIAL_OPERATOR_EMAIL && config.INITIAL_OPERATOR_PASSWORD
		? { email: config.INITIAL_OPERATOR_EMAIL, password: config.INITIAL_OPERATOR_PASSWORD }
		: undefined;
	const credentials = own ?? (config.SEED_DEMO ? DEMO_OPERATOR : undefined);
	if (!credentials) return;
	const outcome = await seedOperator(db, credentials);
	if (outcome === 'emailTaken') {
		console.warn(`INITIAL_OPERATOR_EMAIL ${credentials.email} gehört schon zu einem Konto; es wird nicht zum Betrieb gemacht.`);
	} else if (outcome === 'created') {
		console.log(own ? `Betrieb ${credentials.email} angelegt (/betrieb).` : `Demo-Betrieb (/betrieb). Anmeldung: ${credentials.email} / ${credentials.password}`);
	} else if (!own && (await findUserByEmail(db, credentials.email))?.operator === 1) {
		console.log(`Demo-Betrieb (/betrieb). Anmeldung: ${credentials.email} / ${credentials.password}`);
	}
}

/** Stores the shipped catalogues and seeds the demo or the first coordinator, as configured. */
async function prepareData(db: Db, config: Config, store: StoreConfig): Promise<void> {
	await storeShippedCatalogues(db);
	if (config.SEED_DEMO) {
		const credentials =
			config.INITIAL_ADMIN_EMAIL && config.INITIAL_ADMIN_PASSWORD
				? { email: config.INITIAL_ADMIN_EMAIL, password: config.INITIAL_ADMIN_PASSWORD }
				: DEMO_COORDINATOR;
		const report = await seedDemo(db, credentials);
		console.log(
			report.seeded
				? `Demo-Kommune Musterstadt angelegt. Anmeldung: ${report.email} / ${report.password}`
				: `Demo-Modus: Datenbank ${describeStore(store)} enthält schon Daten. Demo-Anmeldung: ${report.email} / ${report.password}`
		);
	} else if (config.INITIAL_ADMIN_EMAIL && config.INITIAL_ADMIN_PASSWORD) {
		const created = await seedInitialAdmin(db, {
			email: config.INITIAL_ADMIN_EMAIL,
			password: config.INITIAL_ADMIN_PASSWORD,
			municipality: config.INITIAL_MUNICIPALITY
		});
		if (created) console.log(`Erste Koordination ${config.INITIAL_ADMIN_EMAIL} für ${config.INITIAL_MUNICIPALITY} angelegt.`);
	}
	await startOperator(db, config);
	if (!config.SEED_DEMO && (await countUsers(db)) === 0) {
		console.warn(
			'Die Datenbank enthält noch kein Konto. Setzen Sie INITIAL_ADMIN_EMAIL und INITIAL_ADMIN_PASSWORD ' +
				'für die erste Koordination, INITIAL_OPERATOR_EMAIL und INITIAL_OPERATOR_PASSWORD für den Betrieb ' +
				'vieler Kommunen (oder SEED_DEMO=1 für die Demo-Kommune) und starten Sie neu.'
		);
	}
}

let app: App | undefined;

/** The app started by `startApp`; calling it earlier is a bug. */
export function getApp(): App {
	if (!app) throw new Error('The app has not been started (hooks.server.ts init)');
	return app;
}

/**
 * Parses the environment, opens and migrates the database, stores the shipped catalogues and seeds
 * the demo or the first coordinator. Prints what a person starting the server needs to know.
 */
export async function startApp(env: Record<string, string | undefined>): Promise<App> {
	const config = parseConfig(env);
	const store = storeOf(config);
	const db = openDatabase(store);
	if (migratesOnStart(config)) {
		await migrate(db);
	} else {
		const pending = await pendingMigrations(db);
		if (pending.length > 0) {
			await db.destroy();
			throw new ConfigError(
				`Die Datenbank ${describeStore(store)} ist nicht auf dem Stand dieser Version (${pending.length} Migrationen fehlen, ` +
					`zuerst ${pending[0]}). Führen Sie einmal \`npm run db:migrate\` aus (oder starten Sie mit MIGRATE_ON_START=1).`
			);
		}
	}
	await deleteExpiredSessions(db);
	// Several instances may start at once on one PostgreSQL database: one at a time stores the
	// shipped catalogues and seeds, the others then find it done.
	await withAdvisoryLock(db, START_LOCK, (db) => prepareData(db, config, store));

	if (missingFeedbackContact(config)) {
		console.warn(
			'Erklärung zur Barrierefreiheit (/barrierefreiheit): kein Kontakt für Rückmeldungen. Setzen Sie ' +
				'ACCESSIBILITY_CONTACT_EMAIL, ACCESSIBILITY_CONTACT_URL oder ACCESSIBILITY_CONTACT_PHONE (BITV 2.0 § 7).'
		);
	}

	const shared = await sharedParts(config, db, store.kind === 'postgres' ? store.url : undefined);
	app = {
		config,
		db,
		loginThrottle: shared.loginThrottle,
		codeThrottle: shared.codeThrottle,
		admitBallot: shared.admitBallot,
		streams: new StreamLimits(config.SSE_PER_ADDRESS, config.SSE_PER_BALLOT),
		shared
	};
	return app;
}
