import { building } from '$app/environment';
import { error, isHttpError, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { ConfigError } from '$lib/server/platform/config';
import { getApp, startApp } from '$lib/server/platform/app';
import { bodySizeLimitWarning } from '$lib/server/limits/upload-limits';
import { membershipIn } from '$lib/server/accounts/memberships';
import { apiError } from '$lib/server/http/api';
import { drainBody } from '$lib/server/http/forms';
import { SESSION_COOKIE, validateSession } from '$lib/server/accounts/sessions';
import { LANGUAGE_COOKIE, directionOf, pickLanguage, t } from '$lib/i18n/staff';
import { participantDirection, pickParticipantLanguage, rememberedParticipantLanguage } from '$lib/i18n/participant/languages';

export const init: ServerInit = async () => {
	if (building) return;
	const bodyLimitWarning = bodySizeLimitWarning(process.env.BODY_SIZE_LIMIT);
	if (bodyLimitWarning) console.warn(bodyLimitWarning);
	try {
		await startApp(process.env);
	} catch (err) {
		// A bad setting stops the start with a message that names the variable, not a stack trace.
		if (err instanceof ConfigError) {
			console.error(err.message);
			process.exit(1);
		}
		throw err;
	}
};

/**
 * Staff pages speak German or English; participant pages (the (workshop) group) one of eight
 * languages. The participant's language is settled in the workshop layout's load (a workshop may
 * offer fewer), which runs before the page is rendered: the html attributes are read from locals
 * when the first chunk is written.
 */
const language: Handle = ({ event, resolve }) => {
	const acceptLanguage = event.request.headers.get('accept-language');
	event.locals.lang = pickLanguage(event.cookies.get(LANGUAGE_COOKIE), acceptLanguage);
	event.locals.participantLang = pickParticipantLanguage(rememberedParticipantLanguage(event.cookies), acceptLanguage);
	const participantPage = (event.route.id ?? '').startsWith('/(workshop)');
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			const lang = participantPage ? event.locals.participantLang : event.locals.lang;
			const dir = participantPage ? participantDirection(event.locals.participantLang) : directionOf(lang);
			return html.replace('%lang%', lang).replace('%dir%', dir);
		}
	});
};

const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const user = await validateSession(getApp().db, token);
		if (user) event.locals.user = user;
		else event.cookies.delete(SESSION_COOKIE, { path: '/' });
	}
	return resolve(event);
};

const ACCOUNT_ROUTE = '/(app)/(staff)/account';

/** JSON endpoints for staff (session-based); the participants' /api/w/… and the health check are open. */
function isStaffApi(routeId: string): boolean {
	return routeId.startsWith('/api/') && !routeId.startsWith('/api/w/') && routeId !== '/api/health';
}

/**
 * Access rules live here, not in layouts: a layout load does not run for form actions and
 * endpoints, this hook runs for every request. Staff routes need a session; routes with a
 * municipality need an active membership in exactly that municipality.
 */
const access: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id ?? '';
	const isStaffRoute = routeId.includes('/(staff)/');
	if (isStaffRoute && !event.locals.user) {
		if (routeId.includes('/api/') || event.request.method !== 'GET') error(401, 'login');
		redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	// A one-time password (new account, reset) must be replaced first: only the account page is open.
	if (event.locals.user?.mustChangePassword && routeId !== ACCOUNT_ROUTE && (isStaffRoute || isStaffApi(routeId))) {
		if (isStaffApi(routeId)) return apiError(403, 'passwordChangeRequired');
		if (event.request.method !== 'GET') error(403, 'passwordChangeRequired');
		redirect(303, '/account');
	}
	const param = event.params.municipality;
	if (isStaffRoute && param !== undefined && event.locals.user) {
		const membership = await membershipIn(getApp().db, event.locals.user.id, Number(param));
		// 404 rather than 403: do not reveal which municipalities exist.
		if (!membership) error(404, 'notFound');
		event.locals.membership = membership;
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	if (event.locals.user) response.headers.set('cache-control', 'private, no-store');
	return response;
};

let addressProblemLogged = false;

/**
 * Behind a TLS proxy, adapter-node reads the client's address from ADDRESS_HEADER; a request without
 * that header (one that bypassed the proxy, or a misconfigured proxy) makes getClientAddress throw.
 * Answer 400 here, once for every route, instead of a 500 deep inside a login or join.
 */
const clientAddress: Handle = ({ event, resolve }) => {
	if (event.url.pathname === '/api/health') return resolve(event);
	try {
		event.getClientAddress();
	} catch (err) {
		if (!addressProblemLogged) {
			addressProblemLogged = true;
			console.warn(`Client address unavailable, answering 400: ${err instanceof Error ? err.message : String(err)}`);
		}
		const message = t(event.locals.lang).errors.addressMissing;
		if (event.url.pathname.startsWith('/api/')) return apiError(400, 'addressMissing');
		const html = `<!doctype html><html lang="${event.locals.lang}"><meta charset="utf-8"><title>400</title><p>${message}</p></html>`;
		return new Response(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } });
	}
	return resolve(event);
};

/**
 * A refusal sent before the body was read (by a hook like `access`, or an action that refuses
 * before it reads its form) would leave the rest of a large body in the connection: the client
 * sees a reset, or its next request on that keep-alive connection waits. Whatever answered, the
 * body is read to its end first; `drainBody` does nothing when it was read already.
 */
const drainedBody: Handle = async ({ event, resolve }) => {
	try {
		return await resolve(event);
	} finally {
		await drainBody(event.request).catch(() => {});
	}
};

/** Message keys for the errors SvelteKit raises itself; see handleError. */
const ERROR_KEYS: Record<number, string> = { 400: 'badForm', 404: 'notFound', 405: 'methodNotAllowed', 413: 'tooLarge', 415: 'badForm' };

/**
 * Every /api answer is JSON, also those SvelteKit gives by itself: a path no route matches (or
 * whose parameter matcher refuses it, as /api/measures/abc) would get the HTML error page, a method
 * the endpoint does not export a text 405, and an `error(…)` an error page when the client accepts HTML.
 */
const apiJson: Handle = async ({ event, resolve }) => {
	if (!event.url.pathname.startsWith('/api/')) return resolve(event);
	if (event.route.id === null) return apiError(404, 'notFound');
	let response: Response;
	try {
		response = await resolve(event);
	} catch (err) {
		if (isHttpError(err)) return apiError(err.status, err.body.message);
		throw err;
	}
	if (response.status < 400 || /^application\/json\b/.test(response.headers.get('content-type') ?? '')) return response;
	const answer = apiError(response.status, ERROR_KEYS[response.status] ?? 'invalid');
	const allow = response.headers.get('allow');
	if (allow) answer.headers.set('allow', allow);
	return answer;
};

const everyRoute = sequence(drainedBody, securityHeaders, apiJson, language, clientAddress, session, access);

/**
 * The participants' API (`/api/w/…`: joining, rating, live streams) is anonymous and answers JSON
 * or events, never a page: it needs no session, no staff access check and no page language (its
 * errors are codes with German text, like every API error). Skipping them keeps the rating path
 * short during a burst; the security headers and the client-address check stay.
 */
const participantApi = sequence(drainedBody, securityHeaders, apiJson, clientAddress);

export const handle: Handle = (input) => {
	if (!(input.event.route.id ?? '').startsWith('/api/w/')) return everyRoute(input);
	input.event.locals.lang = 'de';
	input.event.locals.participantLang = 'de';
	return participantApi(input);
};

/**
 * Errors SvelteKit raises itself (415 for a body that is not a form, 413 over BODY_SIZE_LIMIT,
 * 404/405) carry English text; give them message keys like our own `error(…)` calls, so the
 * error page and JSON clients get one vocabulary. Unexpected errors are logged, not shown.
 */
export const handleError: HandleServerError = ({ error: err, status }) => {
	if (status >= 500) {
		console.error(err);
		return { message: 'internal' };
	}
	return { message: ERROR_KEYS[status] ?? 'invalid' };
};
