import { migrate, openDatabase, type Db } from './index';

/** A fresh in-memory database built by the real migrations, for vitest. */
export async function createTestDb(path = ':memory:'): Promise<Db> {
	const db = openDatabase(path);
	await migrate(db);
	return db;
}
