import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/**
 * The few places where SQLite and PostgreSQL must be told apart in DDL. The store is chosen by
 * configuration (DATABASE_URL); Kysely's adapter is what that configuration created, so asking it is
 * asking the configuration — nothing is guessed from errors.
 */
export function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A generated integer key: AUTOINCREMENT on SQLite, an identity column on PostgreSQL. */
export function identity(db: Kysely<any>) {
	return (col: ColumnDefinitionBuilder) =>
		isPostgres(db) ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}
