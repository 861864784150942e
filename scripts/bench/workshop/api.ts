// Setup against the app's API: the facilitator logs in, creates the workshop and opens its areas;
// participants join (each gets its ballot cookie).
import type { RunningServer } from '../lib/app.js';
import { RunBroke } from '../lib/lifecycle.js';
import { describe, jsonHeaders, request, setCookie, type Reply } from './http.js';
import { AREAS } from './settings.js';

const STAFF = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };
const ASSESSMENT_ID = 1;

export interface Workshop {
	id: number;
	code: string;
}

export async function login(app: RunningServer): Promise<string> {
	const body = new URLSearchParams(STAFF).toString();
	const reply = await request(app.port, 'POST', '/login', {
		// As a browser's form submission: without `accept: text/html` SvelteKit answers an action with JSON.
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: app.origin },
		body
	});
	const session = setCookie(reply, /^session$/);
	if (reply.status !== 303 || !session) throw new RunBroke(`POST /login: erwartet 303 mit set-cookie session, bekommen ${describe(reply)}`);
	return `session=${session.value}`;
}

export async function createWorkshop(app: RunningServer, staffCookie: string): Promise<Workshop> {
	const path = `/api/assessments/${ASSESSMENT_ID}/workshops`;
	const reply = await request(app.port, 'POST', path, {
		headers: jsonHeaders(app.origin, staffCookie),
		body: JSON.stringify({ title: 'Benchmark', areas: AREAS })
	});
	let workshop: Partial<Workshop> = {};
	try {
		workshop = JSON.parse(reply.body);
	} catch {
		// Reported below.
	}
	if (reply.status !== 201 || typeof workshop.id !== 'number' || typeof workshop.code !== 'string' || workshop.code.length !== 6) {
		throw new RunBroke(`POST ${path}: erwartet 201 {"id","code"}, bekommen ${describe(reply)}`);
	}
	return { id: workshop.id, code: workshop.code };
}

export async function openAreas(app: RunningServer, staffCookie: string, workshop: Workshop): Promise<boolean> {
	const path = `/api/workshops/${workshop.id}/areas`;
	const reply = await request(app.port, 'POST', path, {
		headers: jsonHeaders(app.origin, staffCookie),
		body: JSON.stringify({ areas: AREAS, open: true })
	});
	if (reply.status !== 200) console.log(`  ✗ POST ${path}: erwartet 200, bekommen ${describe(reply)}`);
	return reply.status === 200;
}

export interface Ballot {
	/** The cookie header to send, `ballot_<id>=<token>`. */
	cookie: string;
	/** The token as the server hashes it. */
	token: string;
}

/** Joins as a participant; returns the ballot, or the reply that refused it. */
export async function joinWorkshop(app: RunningServer, workshop: Workshop, group: string | null): Promise<Ballot | Reply> {
	const reply = await request(app.port, 'POST', `/api/w/${workshop.code}/ballot`, {
		headers: jsonHeaders(app.origin),
		body: JSON.stringify({ group })
	});
	const cookie = setCookie(reply, new RegExp(`^ballot_${workshop.id}$`));
	if (reply.status !== 200 || !cookie) return reply;
	return { cookie: `${cookie.name}=${cookie.value}`, token: decodeURIComponent(cookie.value) };
}
