import { afterAll, beforeEach, expect } from 'vitest';

// A test that asserts nothing proves nothing: make every test assert at least once.
beforeEach(() => {
	expect.hasAssertions();
});

// On PostgreSQL each test file has a database of its own (src/lib/server/db/testing.ts): drop it.
afterAll(async () => {
	if (process.env.TEST_DATABASE_URL) await (await import('./src/lib/server/db/testing')).dropFileDatabase();
});
