import { describe, expect, it } from 'vitest';
import { GroupCommit, GroupCommitFailed } from './group-commit';

/** A fake store: each commit is a transaction that logs its items once it has committed. */
function fakeStore(fails: (items: string[]) => boolean = () => false) {
	const log: string[] = [];
	const commit = async (items: string[]) => {
		await new Promise((resolve) => setTimeout(resolve, 5));
		if (fails(items)) {
			log.push(`rollback ${items.join(',')}`);
			throw new Error('disk full');
		}
		log.push(`commit ${items.join(',')}`);
		return items.map((item) => item.toUpperCase());
	};
	return { log, commit };
}

/** Submits and logs the acknowledgement (or refusal) of each item when it arrives. */
function submitLogged(writer: GroupCommit<string, string>, log: string[], item: string) {
	return writer.submit(item).then(
		(result) => log.push(`ack ${item}=${result}`),
		(error: unknown) => log.push(`fail ${item} ${error instanceof GroupCommitFailed ? 'GroupCommitFailed' : String(error)}`)
	);
}

const quiet = () => {};

describe('group commit', () => {
	it('commits items submitted together in one transaction and acknowledges each only after it committed', async () => {
		const { log, commit } = fakeStore();
		const writer = new GroupCommit(commit);
		await Promise.all(['a', 'b', 'c'].map((item) => submitLogged(writer, log, item)));
		expect(log).toEqual(['commit a,b,c', 'ack a=A', 'ack b=B', 'ack c=C']);
	});

	it('puts items that arrive while a batch commits into the next batch', async () => {
		const { log, commit } = fakeStore();
		const writer = new GroupCommit(commit);
		const first = submitLogged(writer, log, 'a');
		// After the first batch has started (next turn of the event loop), before it committed.
		await new Promise((resolve) => setImmediate(resolve));
		const second = [submitLogged(writer, log, 'b'), submitLogged(writer, log, 'c')];
		await Promise.all([first, ...second]);
		expect(log).toEqual(['commit a', 'ack a=A', 'commit b,c', 'ack b=B', 'ack c=C']);
	});

	it('splits a large burst into batches of at most maxBatch', async () => {
		const { log, commit } = fakeStore();
		const writer = new GroupCommit(commit, { maxBatch: 2 });
		await Promise.all(['a', 'b', 'c'].map((item) => submitLogged(writer, log, item)));
		expect(log.filter((line) => line.startsWith('commit'))).toEqual(['commit a,b', 'commit c']);
	});

	it('acknowledges nothing of a failed batch; retried alone, the good items commit and only the bad one fails', async () => {
		const { log, commit } = fakeStore((items) => items.includes('bad'));
		const failures: number[] = [];
		const writer = new GroupCommit(commit, { onBatchFailed: (_error, size) => failures.push(size) });
		await Promise.all(['a', 'bad', 'c'].map((item) => submitLogged(writer, log, item)));
		expect(log).toEqual([
			'rollback a,bad,c',
			'commit a',
			'ack a=A',
			'rollback bad',
			'fail bad GroupCommitFailed',
			'commit c',
			'ack c=C'
		]);
		// Reported once, for the batch (the single retries are the callers' business).
		expect(failures).toEqual([3]);
	});

	it('fails every item when the store keeps failing, and acknowledges none', async () => {
		const { log, commit } = fakeStore(() => true);
		const writer = new GroupCommit(commit, { onBatchFailed: quiet });
		await Promise.all(['a', 'b'].map((item) => submitLogged(writer, log, item)));
		expect(log.filter((line) => line.startsWith('ack'))).toEqual([]);
		expect(log.filter((line) => line.startsWith('fail'))).toEqual(['fail a GroupCommitFailed', 'fail b GroupCommitFailed']);
	});

	it('keeps working after a failed batch', async () => {
		let broken = true;
		const { log, commit } = fakeStore(() => broken);
		const writer = new GroupCommit(commit, { onBatchFailed: quiet });
		await submitLogged(writer, log, 'a');
		broken = false;
		await submitLogged(writer, log, 'b');
		expect(log.slice(-2)).toEqual(['commit b', 'ack b=B']);
	});
});
