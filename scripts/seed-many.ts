// `DATABASE_PATH=/tmp/many.db npm run seed:many [-- --municipalities 400] [--demo-db]`: writes 400
// municipalities (varied kinds, Länder and population bands, most opted in to the comparison, a few
// deactivated) with two closed rounds of agreed answers each, through the real migrations and
// repository functions (src/lib/server/seed/many.ts). Refuses the default demo database unless
// `--demo-db` is given; a database that already holds the seed is left as it is (exit 0).
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const ROOT = new URL('..', import.meta.url).pathname;
const DEMO_DB = resolve(ROOT, 'db/data/selbstcheck.db');

const { values: argv } = parseArgs({
	options: { municipalities: { type: 'string', default: '400' }, 'demo-db': { type: 'boolean', default: false } }
});
const count = Number(argv.municipalities);
if (!Number.isInteger(count) || count < 1 || count > 5000) {
	console.error(`--municipalities muss eine ganze Zahl von 1 bis 5000 sein (war: ${argv.municipalities})`);
	process.exit(2);
}
const path = process.env.DATABASE_PATH;
if (!path) {
	console.error('Bitte DATABASE_PATH angeben, z. B. DATABASE_PATH=/tmp/vergleich.db npm run seed:many');
	process.exit(2);
}
if (resolve(path) === DEMO_DB && !argv['demo-db']) {
	console.error(`${path} ist die Demo-Datenbank. Mit --demo-db schreibt seed:many trotzdem hinein.`);
	process.exit(2);
}

// The server modules use `$lib` and Vite's import.meta.glob (the migrations): load them through Vite.
const { module: seed } = await runnerImport<typeof import('../src/lib/server/seed/many')>(join('src/lib/server/seed/many.ts'), {
	configFile: false,
	root: ROOT,
	logLevel: 'warn',
	resolve: { alias: { $lib: resolve(ROOT, 'src/lib') } }
});

function join(relative: string): string {
	return resolve(ROOT, relative);
}

const started = performance.now();
const db = seed.openDatabase({ kind: 'sqlite', path });
try {
	await seed.migrate(db);
	const written = await seed.seedMany(db, count, (done) => {
		if (done % 50 === 0) console.log(`  ${done} von ${count} Kommunen …`);
	});
	if (written === 0) {
		console.log(`${path} enthält die Vergleichskommunen schon; nichts geschrieben.`);
	} else {
		console.log(`${written} Kommunen mit je zwei abgeschlossenen Durchläufen in ${((performance.now() - started) / 1000).toFixed(1)} s nach ${path} geschrieben.`);
	}
	const { coordinator, operator } = seed.SEED_ACCOUNTS;
	console.log(`Koordination aller Vergleichskommunen: ${coordinator.email} / ${coordinator.password}`);
	console.log(`Betrieb: ${operator.email} / ${operator.password}`);
} finally {
	await db.destroy();
}
