import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layering rules of the house (routes → services → server/db → store), checked on the source
 * text so a break shows up in `npm test` with the file to fix:
 *  (a) routes and hooks never import the store (`$lib/server/db`) or Kysely;
 *  (b) only src/lib/server/db builds queries or imports 'kysely' — type-only imports included:
 *      services name the store by the `Db` type of `$lib/server/db`, which a transaction satisfies;
 *  (c) no import cycle among the modules of src/ (type-only imports count: they tie the files
 *      together for every reader and for svelte-check just the same).
 * Test files (*.test.ts) are exempt from (b): they may build fixture rows directly.
 */

const ROOT = resolve(__dirname, '..');
const SRC = join(ROOT, 'src');
const DB_DIR = join(SRC, 'lib', 'server', 'db');
const ROUTES = join(SRC, 'routes');
const HOOKS = join(SRC, 'hooks.server.ts');

const SOURCE = /\.(ts|js|svelte)$/;
const QUERY_BUILDER = /\.\s*(selectFrom|insertInto|updateTable|deleteFrom)\s*\(|\bsql\s*(<[^`;]*>)?\s*`/;
const IMPORT = /(?:\bimport|\bexport)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
	});
}

/** The text without comments, so a JSDoc that mentions `selectFrom(` or an import is not read as code. */
function code(path: string): string {
	return readFileSync(path, 'utf8')
		.replace(/\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->/g, keepLineBreaks)
		.replace(/(^|[\s;])\/\/.*$/gm, '$1');
}

/** A removed comment leaves its line breaks, so reported line numbers stay those of the file. */
const keepLineBreaks = (comment: string) => comment.replace(/[^\n]/g, '');

function specifiers(text: string): string[] {
	return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]!);
}

const CANDIDATES = ['', '.ts', '.js', '.svelte.ts', '.svelte.js', '/index.ts', '/index.js'];

/** The file an import names, or undefined for packages and SvelteKit's virtual modules ($app, $env, ./$types). */
function resolveImport(from: string, specifier: string): string | undefined {
	let base: string;
	if (specifier === '$lib' || specifier.startsWith('$lib/')) base = join(SRC, 'lib', specifier.slice('$lib'.length));
	else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
	else return undefined;
	for (const suffix of CANDIDATES) {
		const path = base + suffix;
		if (existsSync(path) && statSync(path).isFile()) return path;
	}
	return undefined;
}

const files = walk(SRC);
const isTest = (path: string) => /\.test\.ts$/.test(path);
const inside = (dir: string, path: string) => !relative(dir, path).startsWith('..');
const rel = (path: string) => relative(SRC, path);

const graph = new Map<string, { specifier: string; target: string | undefined }[]>(
	files.map((file) => [file, specifiers(code(file)).map((specifier) => ({ specifier, target: resolveImport(file, specifier) }))])
);

/** Routes that import the store or Kysely, as "route → import". */
function routesReachingTheStore(): string[] {
	return files
		.filter((file) => inside(ROUTES, file) || file === HOOKS)
		.flatMap((file) =>
			graph
				.get(file)!
				.filter(({ specifier, target }) => specifier === 'kysely' || (target !== undefined && inside(DB_DIR, target)))
				.map(({ specifier }) => `${rel(file)} → ${specifier}`)
		);
}

/** Non-test modules outside server/db that build queries or import Kysely, as "file:line: code". */
function queriesOutsideTheStore(): string[] {
	return files
		.filter((file) => !inside(DB_DIR, file) && !isTest(file))
		.flatMap((file) =>
			code(file)
				.split('\n')
				.map((line, i) => ({ line, number: i + 1 }))
				.filter(({ line }) => QUERY_BUILDER.test(line) || /['"]kysely['"]/.test(line))
				.map(({ line, number }) => `${rel(file)}:${number}: ${line.trim()}`)
		);
}

interface Cycle {
	/** Every file of the strongly connected component, relative to src/. */
	files: string[];
	/** One closed path through it, "a → b → a". */
	path: string;
}

/** Every import cycle: the strongly connected components of the import graph (Tarjan). */
function importCycles(): Cycle[] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const components: string[][] = [];
	const edges = (file: string) => (graph.get(file) ?? []).flatMap(({ target }) => (target && graph.has(target) ? [target] : []));
	const visit = (file: string) => {
		index.set(file, index.size);
		low.set(file, index.get(file)!);
		stack.push(file);
		onStack.add(file);
		for (const next of edges(file)) {
			if (!index.has(next)) {
				visit(next);
				low.set(file, Math.min(low.get(file)!, low.get(next)!));
			} else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
		}
		if (low.get(file) === index.get(file)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== file);
			if (component.length > 1 || edges(file).includes(file)) components.push(component);
		}
	};
	for (const file of files) if (!index.has(file)) visit(file);
	return components.map((component) => ({ files: component.map(rel).sort(), path: closedPath(component, edges).join(' → ') }));
}

/** One path through the component back to its start, so the report reads "a → b → a". */
function closedPath(component: string[], edges: (file: string) => string[]): string[] {
	const members = new Set(component);
	const start = [...component].sort()[0]!;
	const path = [start];
	const seen = new Set([start]);
	const walkFrom = (file: string): boolean => {
		for (const next of edges(file).filter((n) => members.has(n))) {
			if (next === start && path.length > 1) return true;
			if (seen.has(next)) continue;
			seen.add(next);
			path.push(next);
			if (walkFrom(next)) return true;
			path.pop();
		}
		return false;
	};
	walkFrom(start);
	return [...path, start].map(rel);
}

describe('architecture', () => {
	it('keeps routes away from the store: they call services', () => {
		const offenders = routesReachingTheStore();
		expect(offenders, `Routes must call a service in $lib/server/<feature>, not the store:\n${offenders.join('\n')}`).toEqual([]);
	});

	it('builds queries only in src/lib/server/db', () => {
		const offenders = queriesOutsideTheStore();
		expect(offenders, `Move these queries into a module of src/lib/server/db:\n${offenders.join('\n')}`).toEqual([]);
	});

	it('has no import cycle among the modules of src/', () => {
		const cycles = importCycles();
		const paths = cycles.map((c) => c.path);
		expect(paths, `Import cycles (break each, e.g. by moving the shared part into its own module):\n${paths.join('\n')}`).toEqual([]);
	});
});
