import { missingFeedbackContact } from './accessibility';
import { parseConfig, type Config } from './config';
import { migrate, openDatabase, type Db } from './db';
import { countUsers } from './db/users';
import { DEMO_COORDINATOR, seedDemo, seedInitialAdmin } from './seed';
import { storeShippedCatalogues } from './shipped';
import { deleteExpiredSessions } from './sessions';
import type { LoginThrottles } from './login';
import type { CodeThrottles } from './participant';
import { sharedParts, type SharedParts } from './instances';

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
	/** Memory (one SQLite process) or database (several instances on PostgreSQL). */
	shared: SharedParts;
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
	const db = openDatabase(config.DATABASE_PATH);
	await migrate(db);
	await deleteExpiredSessions(db);
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
				: `Demo-Modus: Datenbank ${config.DATABASE_PATH} enthält schon Daten. Demo-Anmeldung: ${report.email} / ${report.password}`
		);
	} else if (config.INITIAL_ADMIN_EMAIL && config.INITIAL_ADMIN_PASSWORD) {
		const created = await seedInitialAdmin(db, {
			email: config.INITIAL_ADMIN_EMAIL,
			password: config.INITIAL_ADMIN_PASSWORD,
			municipality: config.INITIAL_MUNICIPALITY
		});
		if (created) console.log(`Erste Koordination ${config.INITIAL_ADMIN_EMAIL} für ${config.INITIAL_MUNICIPALITY} angelegt.`);
	} else if ((await countUsers(db)) === 0) {
		console.warn(
			'Die Datenbank enthält noch kein Konto. Setzen Sie INITIAL_ADMIN_EMAIL und INITIAL_ADMIN_PASSWORD ' +
				'für die erste Koordination (oder SEED_DEMO=1 für die Demo-Kommune) und starten Sie neu.'
		);
	}

	if (missingFeedbackContact(config)) {
		console.warn(
			'Erklärung zur Barrierefreiheit (/barrierefreiheit): kein Kontakt für Rückmeldungen. Setzen Sie ' +
				'ACCESSIBILITY_CONTACT_EMAIL, ACCESSIBILITY_CONTACT_URL oder ACCESSIBILITY_CONTACT_PHONE (BITV 2.0 § 7).'
		);
	}

	const shared = await sharedParts(config, db, env.DATABASE_URL);
	app = {
		config,
		db,
		loginThrottle: shared.loginThrottle,
		codeThrottle: shared.codeThrottle,
		admitBallot: shared.admitBallot,
		shared
	};
	return app;
}
