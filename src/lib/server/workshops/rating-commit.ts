import type { Db } from '../db';
import * as ratings from '../db/ratings';
import { GroupCommit, GroupCommitFailed } from '../platform/group-commit';
import { Refusal } from '../http/refusal';

const writers = new WeakMap<Db, GroupCommit<ratings.RatingWrite, ratings.RatingOutcome>>();

/** The database's one group commit for device ratings (tests pass their own database). */
function writerOf(db: Db): GroupCommit<ratings.RatingWrite, ratings.RatingOutcome> {
	let writer = writers.get(db);
	if (!writer) {
		const statements = ratings.ratingStatements(db);
		writer = new GroupCommit((writes) => db.transaction().execute((trx) => statements.storeAll(trx, writes)));
		writers.set(db, writer);
	}
	return writer;
}

/**
 * Stores a device's rating together with the ratings arriving at the same moment (one transaction).
 * Resolves after that transaction committed; a rating that could not be committed, even alone,
 * is refused with `notSaved` (409: the participant sees "not saved, please choose again").
 */
export async function commitRating(db: Db, write: ratings.RatingWrite): Promise<ratings.RatingOutcome> {
	try {
		return await writerOf(db).submit(write);
	} catch (err) {
		if (err instanceof GroupCommitFailed) throw new Refusal('notSaved', 409);
		throw err;
	}
}
