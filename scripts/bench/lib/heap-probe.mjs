// Loaded into the benchmarked server with `node --expose-gc --import`: on SIGUSR2 it collects
// garbage and prints the live heap, so a benchmark can tell retained memory from V8's free pages.
process.on('SIGUSR2', () => {
	globalThis.gc?.();
	const { heapUsed, external, arrayBuffers } = process.memoryUsage();
	console.log(`heap-probe ${JSON.stringify({ heapUsed, external, arrayBuffers })}`);
});
