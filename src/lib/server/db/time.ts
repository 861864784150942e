/** The current time as ISO-8601 text in UTC, the one timestamp format stored in the database. */
export function now(): string {
	return new Date().toISOString();
}
