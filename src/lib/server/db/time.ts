/** The current time as ISO-8601 text in UTC, the one timestamp format stored in the database. */
export function now(): string {
	return new Date().toISOString();
}

/** Today's date in the municipality's time zone, YYYY-MM-DD. */
export function today(): string {
	return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
}
