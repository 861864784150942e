/**
 * The one clock of the server. Every timestamp the app stores and every "today" it compares with
 * comes from here, so a test can set the time instead of depending on the day it runs
 * (`useClock(fixedClock('2026-11-28T09:00:00Z'))`, `useClock(systemClock)` afterwards).
 */
export type Clock = () => Date;

/** The wall clock: what production runs on. */
export const systemClock: Clock = () => new Date();

let current: Clock = systemClock;

/** Sets the clock `now()` and `today()` read; tests set a fixed one and put `systemClock` back. */
export function useClock(clock: Clock): void {
	current = clock;
}

/** A clock standing still at `instant` (ISO text or a Date). */
export function fixedClock(instant: string | Date): Clock {
	const at = new Date(instant).getTime();
	return () => new Date(at);
}

/** A clock that starts at `instant` and then runs at the wall clock's pace (order of writes stays visible). */
export function clockStartingAt(instant: string | Date): Clock {
	const offset = new Date(instant).getTime() - Date.now();
	return () => new Date(Date.now() + offset);
}

/** The current clock, for code that takes a clock parameter and defaults to the app's one. */
export function clock(): Date {
	return current();
}

/** The current time as ISO-8601 text in UTC, the one timestamp format stored in the database. */
export function now(): string {
	return current().toISOString();
}

/** Today's date in the municipality's time zone, YYYY-MM-DD. */
export function today(): string {
	return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(current());
}

/** The calendar date `days` after (or before) a YYYY-MM-DD date. */
export function shiftDate(date: string, days: number): string {
	const at = new Date(`${date}T12:00:00.000Z`);
	at.setUTCDate(at.getUTCDate() + days);
	return at.toISOString().slice(0, 10);
}
