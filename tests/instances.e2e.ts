import { expect, test } from '@playwright/test';
import { startAppCluster, type AppCluster, type AppInstance } from '../scripts/app-cluster';
import { findPgBin } from '../scripts/pg-cluster';
import { SseClient } from './sse-client';

/*
 * Two app instances (`node build`) on one throw-away PostgreSQL database act as one: live events,
 * the login limit and a database restart. Without PostgreSQL binaries the suite is skipped with a
 * loud notice — but under CI=true it fails, because CI must prove the scale-out.
 */
const hasPostgres = findPgBin() !== undefined;
if (!hasPostgres) {
	if (process.env.CI === 'true') throw new Error('CI=true but no PostgreSQL binaries (initdb, pg_ctl): the two-instance test cannot run');
	console.warn('\n*** PostgreSQL binaries not found: tests/instances.e2e.ts (two app instances) is SKIPPED ***\n');
}

const STAFF = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };
const LOCKED = 'integration@musterstadt.example';
const MAX_FAILURES = 5;

test.describe.configure({ mode: 'serial', timeout: 90_000 });
test.skip(!hasPostgres, 'no PostgreSQL binaries');

let cluster: AppCluster;
let a: AppInstance;
let b: AppInstance;
let staff: string;
let workshop: { id: number; code: string };

async function login(app: AppInstance, email: string, password: string): Promise<Response> {
	return fetch(`${app.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: app.url },
		body: new URLSearchParams({ email, password })
	});
}

const cookieOf = (response: Response, name: RegExp) =>
	response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => name.test(c.split('=')[0]!));

function post(app: AppInstance, path: string, body: unknown, cookie?: string): Promise<Response> {
	return fetch(`${app.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: app.url, ...(cookie ? { cookie } : {}) },
		body: JSON.stringify(body)
	});
}

async function joinOn(app: AppInstance): Promise<string> {
	const reply = await post(app, `/api/w/${workshop.code}/ballot`, { group: null });
	expect(reply.status).toBe(200);
	const cookie = cookieOf(reply, new RegExp(`^ballot_${workshop.id}$`));
	expect(cookie).toBeTruthy();
	return cookie!;
}

test.beforeAll(async () => {
	test.setTimeout(120_000);
	cluster = await startAppCluster({ instances: 2, env: { LOGIN_MAX_FAILURES: String(MAX_FAILURES) } });
	[a, b] = cluster.apps as [AppInstance, AppInstance];
	const session = cookieOf(await login(b, STAFF.email, STAFF.password), /^session$/);
	expect(session).toBeTruthy();
	staff = session!;
	const created = await post(b, '/api/assessments/1/workshops', { title: 'Zwei Instanzen', areas: [1, 2, 3, 4, 5, 6, 7] }, staff);
	expect(created.status).toBe(201);
	workshop = await created.json();
	expect((await post(b, `/api/workshops/${workshop.id}/areas`, { areas: [1, 2, 3, 4, 5, 6, 7], open: true }, staff)).status).toBe(200);
});

test.afterAll(async () => {
	await cluster?.stop();
});

test('a participant joining and rating on instance A shows on the presenter stream of instance B within a second', async () => {
	const presenter = new SseClient(`${b.url}/api/workshops/${workshop.id}/events`, { cookie: staff });
	await presenter.opened;
	const first = await presenter.next((e) => e.event === 'state');
	const before = (first.data as { joined: number }).joined;

	const ballot = await joinOn(a);
	const joinedAt = Date.now();
	const joined = await presenter.next((e) => e.event === 'joined', 1_000);
	expect((joined.data as { joined: number }).joined).toBe(before + 1);
	expect(joined.at - joinedAt).toBeLessThan(1_000);

	const rated = await post(a, `/api/w/${workshop.code}/ratings`, { area: 1, level: 3 }, ballot);
	expect(rated.status).toBe(200);
	const { seq } = (await rated.json()) as { seq: number };
	const ratedAt = Date.now();
	const event = await presenter.next((e) => e.event === 'rating' && (e.data as { seq: number }).seq === seq, 1_000);
	expect(event.data).toMatchObject({ area: 1, joined: before + 1 });
	expect(event.at - ratedAt).toBeLessThan(1_000);
	presenter.close();
});

test("the facilitator's \"close area\" on instance B reaches a participant's stream on instance A", async () => {
	const ballot = await joinOn(a);
	const participant = new SseClient(`${a.url}/api/w/${workshop.code}/events`, { cookie: ballot });
	await participant.opened;
	const first = await participant.next((e) => e.event === 'state');
	expect((first.data as { openAreas: number[] }).openAreas).toContain(2);

	const from = participant.events.length;
	const sentAt = Date.now();
	expect((await post(b, `/api/workshops/${workshop.id}/areas`, { areas: [2], open: false }, staff)).status).toBe(200);
	const closed = await participant.next((e) => e.event === 'state' && !(e.data as { openAreas: number[] }).openAreas.includes(2), 1_000, from);
	expect(closed.at - sentAt).toBeLessThan(1_000);
	// And the rating refused on A, whichever instance closed it.
	expect((await post(a, `/api/w/${workshop.code}/ratings`, { area: 2, level: 3 }, ballot)).status).toBe(409);
	participant.close();
});

test('the login limit holds across both instances: parallel wrong passwords split over A and B', async () => {
	const attempts = await Promise.all(Array.from({ length: 4 * MAX_FAILURES }, (_, i) => login(i % 2 ? a : b, LOCKED, `falsch-${i}-Passwort`)));
	const statuses = attempts.map((r) => r.status);
	// Only as many passwords were checked as the limit allows; the rest were refused before the check.
	expect(statuses.filter((s) => s === 400)).toHaveLength(MAX_FAILURES);
	expect(statuses.filter((s) => s === 429)).toHaveLength(3 * MAX_FAILURES);
	// Locked on both instances, even for the right password.
	for (const app of [a, b]) expect((await login(app, LOCKED, STAFF.password)).status).toBe(429);
});

test('a database restart: both instances keep running, open streams get the full state, events flow again', async () => {
	const ballot = await joinOn(a);
	const presenter = new SseClient(`${b.url}/api/workshops/${workshop.id}/events`, { cookie: staff });
	const participant = new SseClient(`${a.url}/api/w/${workshop.code}/events`, { cookie: ballot });
	await Promise.all([presenter.opened, participant.opened]);
	await presenter.next((e) => e.event === 'state');
	await participant.next((e) => e.event === 'state');
	const presenterFrom = presenter.events.length;
	const participantFrom = participant.events.length;

	cluster.pg.restart();

	// The resync: a full state on both streams, without the clients reconnecting.
	await presenter.next((e) => e.event === 'state', 20_000, presenterFrom);
	await participant.next((e) => e.event === 'state', 20_000, participantFrom);
	expect(presenter.closed).toBe(false);
	expect(participant.closed).toBe(false);
	for (const app of [a, b]) {
		expect(app.child.exitCode).toBeNull();
		await expect.poll(async () => (await fetch(`${app.url}/api/health`)).status, { timeout: 10_000 }).toBe(200);
	}

	// A rating after the restart reaches the other instance (the first request may meet a pool
	// connection the restart closed; the participant's page would retry the same way).
	let seq: number | undefined;
	await expect
		.poll(
			async () => {
				const reply = await post(a, `/api/w/${workshop.code}/ratings`, { area: 3, level: 2 }, ballot);
				if (reply.status === 200) seq = ((await reply.json()) as { seq: number }).seq;
				return reply.status;
			},
			{ timeout: 10_000 }
		)
		.toBe(200);
	await presenter.next((e) => e.event === 'rating' && (e.data as { seq: number }).seq === seq, 2_000, presenterFrom);
	presenter.close();
	participant.close();
});
