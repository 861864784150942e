import { beforeEach, expect } from 'vitest';

// A test that asserts nothing proves nothing: make every test assert at least once.
beforeEach(() => {
	expect.hasAssertions();
});
