// HTTP for the workshop benchmark: node:http rather than fetch, lighter on the two cores the server
// shares with this client; Server-Sent Events parsed by hand for the same reason.
import http from 'node:http';
import { HOST } from '../lib/ports.js';
import { REQUEST_TIMEOUT_MS } from './settings.js';

/** Short requests reuse sockets; event streams each get their own, never pooled. */
const requestAgent = new http.Agent({ keepAlive: true, maxSockets: 1024, maxFreeSockets: 1024 });
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

export interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export function request(
	port: number,
	method: string,
	path: string,
	options: { headers?: Record<string, string>; body?: string; timeoutMs?: number; agent?: http.Agent } = {}
): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string | number> = { ...options.headers };
		if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
		const req = http.request(
			{ host: HOST, port, method, path, headers, agent: options.agent ?? requestAgent, timeout: options.timeoutMs ?? REQUEST_TIMEOUT_MS },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			}
		);
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
		req.end(options.body);
	});
}

export function jsonHeaders(origin: string, cookie?: string): Record<string, string> {
	const headers: Record<string, string> = { 'content-type': 'application/json', origin, accept: 'application/json' };
	if (cookie) headers.cookie = cookie;
	return headers;
}

/** The `name=value` pair of the first set-cookie whose name matches. */
export function setCookie(reply: Reply, name: RegExp): { name: string; value: string } | undefined {
	for (const header of reply.headers['set-cookie'] ?? []) {
		const pair = header.split(';', 1)[0];
		const eq = pair.indexOf('=');
		const cookieName = pair.slice(0, eq).trim();
		if (eq > 0 && name.test(cookieName)) return { name: cookieName, value: pair.slice(eq + 1).trim() };
	}
	return undefined;
}

export function describe(reply: Reply): string {
	return `${reply.status} ${reply.body.slice(0, 300).replace(/\s+/g, ' ')}`;
}

/** "rate 409 areaClosed": the step, the status and the app's error code, for the error tally. */
export function errorKey(step: string, reply: Reply): string {
	try {
		const body = JSON.parse(reply.body);
		if (body && typeof body.error === 'string') return `${step} ${reply.status} ${body.error}`;
	} catch {
		// Not JSON: the status says enough.
	}
	return `${step} ${reply.status}`;
}

/**
 * A Server-Sent Events connection. With `onEvent` it parses every event; without, it only
 * watches for the first `state` event and then discards the bytes (1,000 participants' streams
 * should cost the client next to nothing).
 */
export class EventStream {
	readonly opened: Promise<void>;
	readonly firstState: Promise<void>;
	/** The server ended the stream after its first state event (the client did not close it). */
	closedByServer = false;
	#req: http.ClientRequest;
	#closing = false;
	#stateSeen = false;
	#lost = false;

	constructor(port: number, path: string, cookie: string, onEvent?: (event: string, data: string) => void, onLost?: (why: string) => void) {
		let resolveOpened!: () => void, rejectOpened!: (e: Error) => void;
		let resolveState!: () => void, rejectState!: (e: Error) => void;
		this.opened = new Promise((res, rej) => ((resolveOpened = res), (rejectOpened = rej)));
		this.firstState = new Promise((res, rej) => ((resolveState = res), (rejectState = rej)));
		// Unhandled rejections of these are reported by the caller's awaits, not by Node.
		this.opened.catch(() => {});
		this.firstState.catch(() => {});
		const sawState = () => {
			this.#stateSeen = true;
			resolveState();
		};
		const fail = (why: string) => {
			const error = new Error(why);
			rejectOpened(error);
			rejectState(error);
			// A stream that never delivered its first state is reported by whoever awaits firstState.
			if (this.#closing || this.#lost || !this.#stateSeen) return;
			this.#lost = true;
			this.closedByServer = true;
			onLost?.(why);
		};

		this.#req = http.get(
			{ host: HOST, port, path, agent: streamAgent, headers: { accept: 'text/event-stream', cookie, 'cache-control': 'no-cache' } },
			(res) => {
				if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
					res.resume();
					fail(`${res.statusCode} ${res.headers['content-type'] ?? ''}`.trim());
					this.#req.destroy();
					return;
				}
				resolveOpened();
				res.on('end', () => fail('closed by server'));
				res.on('error', () => fail('stream error'));
				if (onEvent) {
					let buffer = '';
					res.setEncoding('utf8');
					res.on('data', (chunk: string) => {
						buffer += chunk.replace(/\r\n?/g, '\n');
						let end: number;
						while ((end = buffer.indexOf('\n\n')) !== -1) {
							const block = buffer.slice(0, end);
							buffer = buffer.slice(end + 2);
							let event = 'message';
							const data: string[] = [];
							for (const line of block.split('\n')) {
								if (line.startsWith(':')) continue;
								const colon = line.indexOf(':');
								const field = colon === -1 ? line : line.slice(0, colon);
								const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
								if (field === 'event') event = value;
								else if (field === 'data') data.push(value);
							}
							if (data.length === 0) continue;
							if (event === 'state') sawState();
							onEvent(event, data.join('\n'));
						}
					});
				} else {
					let tail = '';
					let seen = false;
					res.on('data', (chunk: Buffer) => {
						if (seen) return;
						const text = tail + chunk.toString('latin1');
						if (text.includes('event: state')) {
							seen = true;
							sawState();
						} else tail = text.slice(-16);
					});
				}
			}
		);
		this.#req.on('error', (error) => fail(error.message));
	}

	close(): void {
		this.#closing = true;
		this.#req.destroy();
	}
}

/** Rejects with "<what>: timeout" when the promise takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout;
	return Promise.race([
		promise.finally(() => clearTimeout(timer)),
		new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: timeout`)), ms)))
	]);
}

/** Counts errors by kind ("rate 409 areaClosed"), to print the most frequent first. */
export class Tally {
	readonly counts = new Map<string, number>();
	total = 0;
	add(key: string): void {
		this.total++;
		this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
	}
	print(indent = '  '): void {
		for (const [key, n] of [...this.counts].sort((a, b) => b[1] - a[1])) console.log(`${indent}${n} × ${key}`);
	}
}

/** Closes the pooled sockets, so the process can end. */
export function closeAgents(): void {
	requestAgent.destroy();
	streamAgent.destroy();
}
