/**
 * Why a change was refused; `code` is a key of the `errors` messages and `status` the HTTP status
 * (4xx). Thrown inside a transaction, it rolls the whole change back.
 */
export class Refusal extends Error {
	constructor(
		readonly code: string,
		readonly status: 400 | 403 | 404 | 409 | 422 | 429
	) {
		super(code);
	}
}
