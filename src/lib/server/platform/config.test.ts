import { describe, expect, it } from 'vitest';
import { ConfigError, describeStore, migratesOnStart, parseConfig, storeOf } from './config';

describe('parsing the environment', () => {
	it('gives the embedded defaults when nothing is set', () => {
		const config = parseConfig({});
		expect(config).toMatchObject({
			DATABASE_PATH: 'db/data/selbstcheck.db',
			HOST: '127.0.0.1',
			PORT: 3000,
			SEED_DEMO: false,
			SESSION_HOURS: 12
		});
	});

	it('treats empty values as unset and reads SEED_DEMO as a flag', () => {
		expect(parseConfig({ PORT: '', SEED_DEMO: '1' })).toMatchObject({ PORT: 3000, SEED_DEMO: true });
		expect(parseConfig({ SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
	});

	it('names every bad variable in one message', () => {
		const attempt = () => parseConfig({ PORT: 'achtzig', ORIGIN: 'nicht-url', SEED_DEMO: 'ja' });
		expect(attempt).toThrow(ConfigError);
		expect(attempt).toThrow(/PORT/);
		expect(attempt).toThrow(/ORIGIN/);
		expect(attempt).toThrow(/SEED_DEMO/);
	});

	it('takes the legal pages as http(s) addresses or local paths, and refuses anything else', () => {
		expect(
			parseConfig({ IMPRESSUM_URL: 'https://www.musterstadt.de/impressum', DATENSCHUTZ_URL: '/datenschutz.html' })
		).toMatchObject({ IMPRESSUM_URL: 'https://www.musterstadt.de/impressum', DATENSCHUTZ_URL: '/datenschutz.html' });
		expect(() => parseConfig({ BARRIEREFREIHEIT_URL: 'javascript:alert(1)' })).toThrow(/BARRIEREFREIHEIT_URL/);
		expect(() => parseConfig({ IMPRESSUM_URL: '//evil.example/x' })).toThrow(/IMPRESSUM_URL/);
	});

	it('needs the initial coordinator email and password together', () => {
		expect(() => parseConfig({ INITIAL_ADMIN_EMAIL: 'a@b.de' })).toThrow(/INITIAL_ADMIN_PASSWORD/);
		expect(() => parseConfig({ INITIAL_ADMIN_EMAIL: 'a@b.de', INITIAL_ADMIN_PASSWORD: 'kurz' })).toThrow(
			/INITIAL_ADMIN_PASSWORD/
		);
		expect(parseConfig({ INITIAL_ADMIN_EMAIL: 'a@b.de', INITIAL_ADMIN_PASSWORD: 'lang-genug-1' }).INITIAL_ADMIN_EMAIL).toBe(
			'a@b.de'
		);
	});

	it('validates the proxy address settings adapter-node reads (finding 7)', () => {
		expect(parseConfig({}).ADDRESS_HEADER).toBeUndefined();
		expect(parseConfig({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '2' })).toMatchObject({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: 2 });
		expect(parseConfig({ ADDRESS_HEADER: 'x-real-ip' }).ADDRESS_HEADER).toBe('x-real-ip');
		expect(() => parseConfig({ ADDRESS_HEADER: 'x forwarded' })).toThrow(/ADDRESS_HEADER/);
		expect(() => parseConfig({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '0' })).toThrow(/XFF_DEPTH/);
		expect(() => parseConfig({ XFF_DEPTH: '1' })).toThrow(/XFF_DEPTH only applies/);
		expect(() => parseConfig({ ADDRESS_HEADER: 'x-real-ip', XFF_DEPTH: '1' })).toThrow(/XFF_DEPTH only applies/);
	});

	it('has a global budget of wrong join codes per minute (finding 8)', () => {
		expect(parseConfig({}).JOIN_CODE_GLOBAL_PER_MINUTE).toBe(600);
		expect(parseConfig({ JOIN_CODE_GLOBAL_PER_MINUTE: '120' }).JOIN_CODE_GLOBAL_PER_MINUTE).toBe(120);
		expect(() => parseConfig({ JOIN_CODE_GLOBAL_PER_MINUTE: '0' })).toThrow(/JOIN_CODE_GLOBAL_PER_MINUTE/);
	});

	it('chooses PostgreSQL by DATABASE_URL alone, refuses other addresses and migrates at start by default only on SQLite', () => {
		const sqlite = parseConfig({});
		expect(storeOf(sqlite)).toEqual({ kind: 'sqlite', path: 'db/data/selbstcheck.db' });
		expect(migratesOnStart(sqlite)).toBe(true);
		const postgres = parseConfig({ DATABASE_URL: 'postgres://app:geheim@db.intern:5432/selbstcheck', DATABASE_POOL_SIZE: '20' });
		expect(storeOf(postgres)).toEqual({ kind: 'postgres', url: 'postgres://app:geheim@db.intern:5432/selbstcheck', poolSize: 20 });
		expect(migratesOnStart(postgres)).toBe(false);
		expect(migratesOnStart(parseConfig({ DATABASE_URL: 'postgresql://db/x', MIGRATE_ON_START: '1' }))).toBe(true);
		expect(describeStore(storeOf(postgres))).not.toContain('geheim');
		expect(() => parseConfig({ DATABASE_URL: 'mysql://db/x' })).toThrow(/DATABASE_URL/);
		expect(() => parseConfig({ DATABASE_URL: 'postgres://db' })).toThrow(/DATABASE_URL/);
		expect(() => parseConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
	});
});
