import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './index';
import { compiledWith, param } from './compiled';
import { createTestDb } from './testing';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});
afterEach(async () => {
	await db.destroy();
});

describe('a query compiled once', () => {
	it('fills in its named values by position and keeps the values written into it', async () => {
		const query = compiledWith<{ name: string }, { name: string }>(
			db.selectFrom('municipality').select('name').where('name', '=', param<string>('name')).where('id', '>', 0).compile()
		);
		await db.insertInto('municipality').values({ name: 'Teststadt', created_at: new Date().toISOString() }).execute();
		const first = query({ name: 'Teststadt' });
		expect(first.parameters).toEqual(['Teststadt', 0]);
		expect((await db.executeQuery(first)).rows).toEqual([{ name: 'Teststadt' }]);
		expect((await db.executeQuery(query({ name: 'Anderswo' }))).rows).toEqual([]);
		// The same statement text every time, so the driver reuses its prepared statement.
		expect(query({ name: 'x' }).sql).toBe(first.sql);
	});

	it('refuses to run without a value for every placeholder', () => {
		const query = compiledWith<{ name: string }, unknown>(db.selectFrom('municipality').select('id').where('name', '=', param<string>('name')).compile());
		expect(() => query({} as { name: string })).toThrow(/no value for name/);
	});
});
