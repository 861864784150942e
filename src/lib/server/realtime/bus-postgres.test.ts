import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, PostgresBus, decodePayload, encodePayload } from './bus-postgres';
import { describePg, startPgCluster, type PgCluster } from '../testing/postgres';

type Event = { type: 'state'; id: number; note?: string } | { type: 'changed'; id: number };
const compact = (event: Event): Event => ({ type: 'changed', id: event.id });

describe('NOTIFY payloads', () => {
	it('carry the logical channel inside the JSON, whatever characters it has', () => {
		const channel = `workshop:1"; NOTIFY x; -- ${'ü'.repeat(3)}`;
		const decoded = decodePayload(encodePayload(channel, { type: 'state', id: 1 } as Event));
		expect(decoded).toEqual({ channel, event: { type: 'state', id: 1 } });
	});

	it('fall back to the compact "ids only" form above the cap, and refuse what stays too large', () => {
		const big: Event = { type: 'state', id: 7, note: 'x'.repeat(MAX_PAYLOAD_BYTES) };
		const payload = encodePayload('workshop:7', big, compact);
		expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
		expect(decodePayload(payload)?.event).toEqual({ type: 'changed', id: 7 });
		expect(() => encodePayload('workshop:7', big)).toThrow(/exceeds/);
		expect(MAX_PAYLOAD_BYTES).toBeLessThan(8000);
	});

	it('are unique per serial (PostgreSQL folds identical payloads of one transaction)', () => {
		expect(encodePayload('w', { type: 'changed', id: 1 }, undefined, 1)).not.toBe(encodePayload('w', { type: 'changed', id: 1 }, undefined, 2));
	});

	it('ignore anything malformed', () => {
		for (const bad of [undefined, '', 'not json', '42', '{"c":1,"e":{}}', '{"c":"w"}']) expect(decodePayload(bad)).toBeUndefined();
	});
});

const quiet = { warn: () => {}, error: () => {} };

async function until(check: () => boolean, ms = 10_000): Promise<void> {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > ms) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 20));
	}
}

describePg('PostgresBus on a real server', () => {
	let cluster: PgCluster;
	let a: PostgresBus<Event>;
	let b: PostgresBus<Event>;
	beforeAll(async () => {
		cluster = await startPgCluster();
		const connect = () => new pg.Client({ connectionString: cluster.url });
		a = new PostgresBus<Event>({ connect, compact, log: quiet, backoffMs: [50, 500] });
		b = new PostgresBus<Event>({ connect, compact, log: quiet, backoffMs: [50, 500] });
		await Promise.all([a.ready(), b.ready()]);
	}, 60_000);
	afterAll(async () => {
		await a?.close();
		await b?.close();
		cluster?.stop();
	});

	it('delivers an event published on one instance to both, in order, on its logical channel only', async () => {
		const onB: Event[] = [];
		const onA: Event[] = [];
		const other: Event[] = [];
		const offB = b.subscribe('workshop:1', (e) => onB.push(e));
		const offA = a.subscribe('workshop:1', (e) => onA.push(e));
		const offOther = b.subscribe('workshop:2', (e) => other.push(e));
		for (let id = 1; id <= 50; id++) a.publish('workshop:1', { type: 'changed', id: id % 2 });
		await until(() => onB.length === 50 && onA.length === 50);
		expect(onB.map((e) => e.id)).toEqual(Array.from({ length: 50 }, (_, i) => (i + 1) % 2));
		expect(other).toEqual([]);
		offA();
		offB();
		offOther();
	});

	it('reconnects after a database restart, resyncs the subscribers, and carries events again', async () => {
		const heard: Event[] = [];
		let resyncs = 0;
		const off = b.subscribe('workshop:3', (e) => heard.push(e), () => (resyncs += 1));
		const before = b.reconnects;
		cluster.restart();
		await until(() => b.reconnects > before && a.reconnects > 0, 20_000);
		expect(resyncs).toBeGreaterThanOrEqual(1);
		// The sending connection died too; the first publish after the restart may be dropped (and
		// resyncs); keep publishing until one arrives.
		await until(() => {
			a.publish('workshop:3', { type: 'changed', id: 3 });
			return heard.length > 0;
		}, 20_000);
		expect(heard[0]).toEqual({ type: 'changed', id: 3 });
		off();
	}, 60_000);
});
