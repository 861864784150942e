/**
 * Group commit: writes that arrive together are committed in one transaction, so a burst of
 * ratings pays for one durable commit (one fsync with synchronous=FULL) instead of one each.
 *
 * - `submit` resolves only after the transaction holding the item has committed: an acknowledgement
 *   sent after it still means "committed".
 * - Items submitted within one turn of the event loop (everything whose request body was read in
 *   the same poll phase) form one batch; while a batch commits, new items wait for the next one.
 * - When a batch's transaction fails, nothing of it was committed and nothing is acknowledged: each
 *   item is then retried alone in its own transaction, so one item that cannot be written (or a
 *   passing failure) does not take the others down. An item whose own retry fails too rejects with
 *   `GroupCommitFailed`; the caller reports it, it is never acknowledged.
 */
export class GroupCommit<I, O> {
	readonly #commit: (items: I[]) => Promise<O[]>;
	readonly #maxBatch: number;
	readonly #onBatchFailed: (error: unknown, size: number) => void;
	#queue: Pending<I, O>[] = [];
	#scheduled = false;
	#running = false;

	/**
	 * @param commit writes the items in ONE transaction and returns one result per item, in order;
	 *   it must throw (rolling the transaction back) if anything in it failed.
	 */
	constructor(
		commit: (items: I[]) => Promise<O[]>,
		options: { maxBatch?: number; onBatchFailed?: (error: unknown, size: number) => void } = {}
	) {
		this.#commit = commit;
		this.#maxBatch = options.maxBatch ?? 256;
		this.#onBatchFailed = options.onBatchFailed ?? ((error, size) => console.error(`group commit: a batch of ${size} failed; retrying each alone`, error));
	}

	/** Resolves with the item's result once its transaction has committed. */
	submit(item: I): Promise<O> {
		return new Promise<O>((resolve, reject) => {
			this.#queue.push({ item, resolve, reject });
			this.#schedule();
		});
	}

	#schedule(): void {
		if (this.#scheduled || this.#running) return;
		this.#scheduled = true;
		setImmediate(() => void this.#drain());
	}

	async #drain(): Promise<void> {
		this.#scheduled = false;
		this.#running = true;
		try {
			while (this.#queue.length > 0) {
				const batch = this.#queue.splice(0, this.#maxBatch);
				await this.#run(batch);
			}
		} finally {
			this.#running = false;
		}
	}

	async #run(batch: Pending<I, O>[]): Promise<void> {
		let results: O[];
		try {
			results = await this.#commit(batch.map((entry) => entry.item));
			if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
		} catch (error) {
			this.#onBatchFailed(error, batch.length);
			for (const entry of batch) {
				try {
					const [result] = await this.#commit([entry.item]);
					entry.resolve(result!);
				} catch (alone) {
					entry.reject(new GroupCommitFailed(alone));
				}
			}
			return;
		}
		batch.forEach((entry, i) => entry.resolve(results[i]!));
	}
}

interface Pending<I, O> {
	item: I;
	resolve: (out: O) => void;
	reject: (error: unknown) => void;
}

/** An item's transaction failed, also when retried alone: nothing of it was committed. */
export class GroupCommitFailed extends Error {
	constructor(cause: unknown) {
		super('not committed', { cause });
	}
}
