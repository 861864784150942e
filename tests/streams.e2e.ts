import { expect, login, test } from './fixtures';

const FACILITATOR = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };

/** Opens a live stream and waits for its status; the AbortController closes it. */
async function open(url: string, cookie: string) {
	const controller = new AbortController();
	const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
	return { status: response.status, response, close: () => controller.abort() };
}

test('one device gets at most SSE_PER_BALLOT live streams; closing one frees its slot', async ({ page, baseURL }) => {
	await login(page, FACILITATOR.email, FACILITATOR.password);
	const created = await page.request.post('/api/assessments/1/workshops', { data: { title: 'Stream-Test', areas: [1] } });
	const { code } = await created.json();

	const joined = await fetch(`${baseURL}/api/w/${code}/ballot`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ group: null })
	});
	expect(joined.status).toBe(200);
	const cookie = joined.headers.get('set-cookie')!.split(';')[0]!;
	const url = `${baseURL}/api/w/${code}/events`;

	const streams = [];
	for (let i = 0; i < 4; i++) streams.push(await open(url, cookie));
	expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200]);
	const first = await streams[0]!.response.body!.getReader().read();
	expect(new TextDecoder().decode(first.value)).toContain('retry: 2000');

	const refused = await open(url, cookie);
	expect(refused.status).toBe(429);
	expect((await refused.response.json()).error).toBe('tooManyStreams');

	// Closing one stream frees its slot (as soon as the server notices the closed connection).
	streams[0]!.close();
	await expect
		.poll(async () => {
			const attempt = await open(url, cookie);
			if (attempt.status === 200) streams.push(attempt);
			else await attempt.response.arrayBuffer();
			return attempt.status;
		}, { timeout: 5000 })
		.toBe(200);
	for (const stream of streams) stream.close();
});
