import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const lib = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

describe('library code and the app object', () => {
	it('only routes and hooks read getApp(): services receive db, config, throttles and limits as parameters', () => {
		const readers = sources(lib)
			.filter((file) => !file.endsWith(join('platform', 'app.ts')))
			.filter((file) => /\bgetApp\b/.test(readFileSync(file, 'utf8')))
			.map((file) => relative(lib, file));
		expect(readers).toEqual([]);
	});
});
