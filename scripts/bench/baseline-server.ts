// The floor for `workshop.ts`: the same work per rating as the app (find the ballot by the
// hash of its cookie, upsert the rating, answer JSON) on a bare node:http server, without the
// framework, validation library, live events or access checks. The benchmark spawns it with
// `node --import tsx scripts/bench/baseline-server.ts --db <copy of the app's database> --port <n>`
// and reads "listening <port>" from stdout. With --group-commit it commits the ratings read in one
// turn of the event loop in one transaction, as the app does, to show the framework's share alone. It exits on SIGTERM/SIGINT, when the parent's IPC
// channel closes, and after --max-seconds at the latest, so it never outlives the benchmark.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

const { values: args } = parseArgs({
	options: {
		db: { type: 'string' },
		port: { type: 'string', default: '0' },
		'max-seconds': { type: 'string', default: '600' },
		'group-commit': { type: 'boolean', default: false }
	}
});
if (!args.db) {
	console.error('Aufruf: node --import tsx scripts/bench/baseline-server.ts --db <datei> [--port <n>] [--max-seconds <s>]');
	process.exit(2);
}

const db = new Database(args.db, { fileMustExist: true });
// The app's pragmas, so both servers pay the same price per commit.
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');

const findBallot = db.prepare<[number, string], { id: number }>(
	'select id from ballot where workshop_id = ? and token_hash = ?'
);
const upsertRating = db.prepare<[number, number, number, number | null, string]>(
	`insert into rating (ballot_id, workshop_id, area, level, updated_at) values (?, ?, ?, ?, ?)
	 on conflict (ballot_id, area) do update set level = excluded.level, updated_at = excluded.updated_at`
);

const MAX_BODY = 1024;
const ROUTE = /^\/ratings\/(\d+)$/;

function send(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
	for (const part of (req.headers.cookie ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
	}
	return undefined;
}

function handleRating(req: IncomingMessage, res: ServerResponse, workshopId: number, raw: string): void {
	let body: { area?: unknown; level?: unknown };
	try {
		body = JSON.parse(raw);
	} catch {
		return send(res, 400, { error: 'invalidJson', message: 'Body is not JSON' });
	}
	const { area, level } = body;
	if (typeof area !== 'number' || !Number.isInteger(area) || area < 1 || area > 7) {
		return send(res, 400, { error: 'unknownArea', message: 'area must be 1-7' });
	}
	if (!(level === null || level === 1 || level === 2 || level === 3 || level === 4)) {
		return send(res, 400, { error: 'invalidLevel', message: 'level must be 1-4 or null' });
	}
	const token = cookie(req, `ballot_${workshopId}`);
	if (!token) return send(res, 401, { error: 'noBallot', message: 'No ballot cookie' });
	const ballot = findBallot.get(workshopId, createHash('sha256').update(token).digest('hex'));
	if (!ballot) return send(res, 401, { error: 'noBallot', message: 'Unknown ballot' });
	const write = { ballotId: ballot.id, workshopId, area, level };
	if (!args['group-commit']) {
		storeOne(write);
		return send(res, 200, { status: 'saved' });
	}
	// As the app does: ratings read in the same turn of the event loop share one transaction.
	pending.push({ write, res });
	if (pending.length === 1) setImmediate(commitPending);
}

interface Write {
	ballotId: number;
	workshopId: number;
	area: number;
	level: number | null;
}

function storeOne(write: Write): void {
	upsertRating.run(write.ballotId, write.workshopId, write.area, write.level, new Date().toISOString());
}

let pending: { write: Write; res: ServerResponse }[] = [];
const storeAll = db.transaction((writes: Write[]) => writes.forEach(storeOne));

function commitPending(): void {
	const batch = pending;
	pending = [];
	try {
		storeAll(batch.map((p) => p.write));
	} catch (error) {
		for (const { res } of batch) send(res, 500, { error: 'internal', message: (error as Error).message });
		return;
	}
	for (const { res } of batch) send(res, 200, { status: 'saved' });
}

const server = createServer((req, res) => {
	const match = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null;
	if (!match) {
		req.resume();
		return send(res, 404, { error: 'notFound', message: 'Only POST /ratings/<workshopId>' });
	}
	const chunks: Buffer[] = [];
	let size = 0;
	req.on('data', (chunk: Buffer) => {
		size += chunk.length;
		if (size <= MAX_BODY) chunks.push(chunk);
	});
	req.on('end', () => {
		if (size > MAX_BODY) return send(res, 413, { error: 'tooLarge', message: 'Body too large' });
		try {
			handleRating(req, res, Number(match[1]), Buffer.concat(chunks).toString('utf8'));
		} catch (error) {
			send(res, 500, { error: 'internal', message: (error as Error).message });
		}
	});
});
server.keepAliveTimeout = 10_000;

let stopping = false;
function stop(code: number): void {
	if (stopping) return;
	stopping = true;
	server.close();
	server.closeAllConnections();
	db.close();
	process.exit(code);
}
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
// Spawned with an IPC channel: when the benchmark goes away, so does this server.
process.on('disconnect', () => stop(0));
setTimeout(() => stop(0), Number(args['max-seconds']) * 1000).unref();

server.listen(Number(args.port), '127.0.0.1', () => {
	const address = server.address();
	console.log(`listening ${typeof address === 'object' && address ? address.port : args.port}`);
});
