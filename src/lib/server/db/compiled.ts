import type { CompiledQuery } from 'kysely';

const MARK = '\u0000param:';

/** A placeholder for the named parameter, for queries built once and compiled by `compiledWith`. */
export function param<T>(name: string): T {
	return `${MARK}${name}` as T;
}

/**
 * A query built and compiled once, run many times with new values: for hot paths where Kysely's
 * builder and compiler cost more than the database's own work. Build the query with `param(name)`
 * where a value goes; the result fills the values in by position, in whatever SQL dialect the query
 * was compiled for (the statement text stays the same, so the driver's prepared statement is reused).
 */
export function compiledWith<V extends Record<string, unknown>, R>(compiled: CompiledQuery<R>): (values: V) => CompiledQuery<R> {
	const slots = compiled.parameters.map((value) => (typeof value === 'string' && value.startsWith(MARK) ? value.slice(MARK.length) : null));
	return (values) => {
		const parameters = compiled.parameters.map((value, i) => {
			const name = slots[i];
			if (name === null) return value;
			if (!(name in values)) throw new Error(`compiledWith: no value for ${name}`);
			return values[name];
		});
		return { ...compiled, parameters };
	};
}
