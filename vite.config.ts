import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { host: '127.0.0.1' },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['./vitest.setup.ts'],
		// On PostgreSQL (TEST_DATABASE_URL) every statement is a round trip to the server instead of a
		// call into the process; a test that seeds the demo needs more than the default 5 s.
		...(process.env.TEST_DATABASE_URL ? { testTimeout: 30_000, hookTimeout: 30_000 } : {})
	}
});
