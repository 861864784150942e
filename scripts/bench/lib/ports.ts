import net from 'node:net';

/** Every server of a benchmark listens here, and only here. */
export const HOST = '127.0.0.1';

/** A port that is free right now, chosen by the system, so parallel runs never collide. */
export function freePort(host = HOST): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, host, () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}
