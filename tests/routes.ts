import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Database from 'better-sqlite3';

/*
 * The app's routes as the code defines them, read from src/routes at test time, so a new page,
 * action or endpoint is covered by the fuzz and access tests without anyone listing it.
 */

const root = new URL('..', import.meta.url).pathname;
const routesDir = join(root, 'src', 'routes');

export interface RouteFile {
	/** SvelteKit's route id, e.g. `/(app)/(staff)/m/[municipality=id]/staff`. */
	id: string;
	file: string;
	source: string;
}

export interface Action extends RouteFile {
	name: string;
	/** False when the action never reads the request's fields (e.g. `close`, or only drains it): a body cannot reach it. */
	readsBody: boolean;
	/** The action's own source text. */
	text: string;
}

export interface Endpoint extends RouteFile {
	method: string;
	readsBody: boolean;
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

function routeFiles(name: string): RouteFile[] {
	return walk(routesDir)
		.filter((file) => file.endsWith(sep + name))
		.map((file) => {
			const dir = relative(routesDir, file).split(sep).slice(0, -1).join('/');
			return { id: '/' + dir, file, source: readFileSync(file, 'utf8') };
		})
		.sort((a, b) => a.id.localeCompare(b.id));
}

/** Every form action: the top-level keys of `export const actions = { … }`. */
export function listActions(): Action[] {
	return routeFiles('+page.server.ts').flatMap((route) => {
		const start = route.source.search(/export const actions\s*=\s*\{/);
		if (start < 0) return [];
		const body = route.source.slice(start);
		const actions: Action[] = [];
		// Keys at one tab of indentation inside the object literal, up to its closing `}` at column 0.
		const block = body.slice(0, body.search(/\n\}/));
		for (const match of block.matchAll(/^\t(?:async\s+)?([A-Za-z_$][\w$]*)\s*(?::|\()/gm)) {
			const name = match[1]!;
			const rest = block.slice(match.index!);
			const next = rest.slice(1).search(/\n\t(?:async\s+)?[A-Za-z_$][\w$]*\s*(?::|\()/);
			const text = next < 0 ? rest : rest.slice(0, next + 1);
			// The parameter list names `request` also when the body is only drained: look past both.
			const uses = text.replace(/^[^(]*\(\{[^}]*\}\)/, '').replace(/\bdrainBody\(request\)/g, '');
			actions.push({ ...route, name, text, readsBody: /\brequest\b/.test(uses) });
		}
		if (actions.length === 0) throw new Error(`No action names found in ${route.file}: update tests/routes.ts`);
		return actions;
	});
}

/** Every `+server.ts` handler for the given methods. */
export function listEndpoints(methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']): Endpoint[] {
	return routeFiles('+server.ts').flatMap((route) =>
		methods
			.filter((method) => new RegExp(`export (const|async function|function) ${method}\\b`).test(route.source))
			.map((method) => ({ ...route, method, readsBody: /\brequest\b/.test(route.source) }))
	);
}

/** Every page (`+page.svelte`, with or without layout reset), as route ids. */
export function listPages(): RouteFile[] {
	const pages = walk(routesDir).filter((file) => /\+page(@[^/]*)?\.svelte$/.test(file));
	return pages
		.map((file) => {
			const dir = relative(routesDir, file).split(sep).slice(0, -1).join('/');
			return { id: '/' + dir, file, source: '' };
		})
		.sort((a, b) => a.id.localeCompare(b.id));
}

/** Route id → URL path: groups dropped, parameters filled from `values` (by name, or `name=matcher`). */
export function toPath(routeId: string, values: (name: string, routeId: string) => string): string {
	const path = routeId
		.split('/')
		.filter((part) => part !== '' && !/^\(.*\)$/.test(part))
		.map((part) => part.replace(/\[([^\]=]+)(?:=[^\]]+)?\]/g, (_, name: string) => encodeURIComponent(values(name, routeId))))
		.join('/');
	return '/' + path;
}

/** Row counts of every table of a worker's database, read-only. */
export function rowCounts(databasePath: string): Record<string, number> {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const tables = db
			.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
			.all() as { name: string }[];
		return Object.fromEntries(
			tables.map(({ name }) => [name, (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n])
		);
	} finally {
		db.close();
	}
}

/** Runs `read` against the worker's database (read-only). */
export function query<T>(databasePath: string, read: (db: Database.Database) => T): T {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		return read(db);
	} finally {
		db.close();
	}
}
