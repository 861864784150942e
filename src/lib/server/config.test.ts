import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

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

	it('needs the initial coordinator email and password together', () => {
		expect(() => parseConfig({ INITIAL_ADMIN_EMAIL: 'a@b.de' })).toThrow(/INITIAL_ADMIN_PASSWORD/);
		expect(() => parseConfig({ INITIAL_ADMIN_EMAIL: 'a@b.de', INITIAL_ADMIN_PASSWORD: 'kurz' })).toThrow(
			/INITIAL_ADMIN_PASSWORD/
		);
		expect(parseConfig({ INITIAL_ADMIN_EMAIL: 'a@b.de', INITIAL_ADMIN_PASSWORD: 'lang-genug-1' }).INITIAL_ADMIN_EMAIL).toBe(
			'a@b.de'
		);
	});
});
