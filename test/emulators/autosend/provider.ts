/**
 * AutoSend API emulator: routing, auth, validation and state behind `startServer`.
 *
 * Behaviour the docs leave open, and what this emulator does (options in options.ts change most):
 * - Create (`POST /contacts`) on an existing email: 409 CONTACT_ALREADY_EXISTS (`duplicateCreateStatus`).
 * - `ASA_` account key without `x-project-id`: 401 UNAUTHORIZED (`missingProjectIdStatus` 400 gives
 *   VALIDATION_FAILED); an `x-project-id` other than this project: 403 FORBIDDEN.
 * - A read-only key (`readOnlyApiKey`) gets 403 FORBIDDEN "Insufficient permissions" on writes.
 * - Emails are trimmed, then lower-cased; max 254 characters, 64 before the @.
 * - firstName, lastName, userId: strings of at most 255 characters; `null` clears a value; other
 *   top-level keys are ignored. Custom string values: at most 1000 characters.
 * - Undeclared custom field keys: rejected with 400 VALIDATION_FAILED naming the field
 *   (`unknownCustomFieldPolicy`: 'reject' | 'accept' | 'drop'). Reserved names are always rejected.
 *   Date values must be ISO 8601 strings (YYYY-MM-DD with optional time). Names match case-insensitively.
 * - Upsert and bulk-update merge: omitted fields and custom fields keep their value.
 * - bulk-update: per-contact failures are counted in failedCount, never fail the call; contacts are
 *   applied in order, so a duplicate email in one batch is created then updated (last wins) and
 *   totalCount is the array length. Per-contact `listIds` are not part of the documented schema and are ignored.
 *   `bulkUpdateCounts` makes the counts follow other readings of the seed page (zeros, total = stored,
 *   failures uncounted; see options.ts). The outcome log records each call's `runWorkflow` flag, so
 *   tests can count how often a contact's automations were started.
 * - bulk-add: duplicates (after normalising) count once; suppressed emails are listed in
 *   `validation.suppressed` and not added; invalid emails go to `validation.invalid` with a reason;
 *   unknown contactIds go to `errors` as `{contactId, error}`; a segment id is a 400; `contacts[]`
 *   holds the contacts added or created (not those already in the list).
 * - list contacts/remove (Convex SDK call, S2): exactly one of emails / contactIds, 1..500
 *   (`maxListRemoveItems`, a guess); members leave the list, contacts stay; unknown emails / non-members
 *   are reported, not errors; the answer follows `listRemoveAnswer` (detailed / counts / bare, all guesses).
 * - `listIds` on create/upsert: an unknown id is a 404 (like bulk-add), a segment id a 400.
 * - search/emails: 1..100 emails (`maxSearchEmails`); invalid or unknown emails are simply absent.
 *   It sees every write at once unless `searchLagMs` hides contacts created that recently.
 * - `date` custom fields are answered as sent unless `storedDateFormat: 'isoTimestamp'`.
 * - Create list answers 201 (the official Convex SDK's mock); names unique case-insensitively (409).
 * - GET /contact-lists without `type` returns lists and segments; segments are not evaluated
 *   (contactCount 0). GLOBAL_CONTACT_LIST cannot be the target of bulk-add (404, it is virtual).
 * - GET /custom-fields lists reserved fields (`isReserved: true`) unless includeReservedFields=false.
 * - Body limit 1 MB (`maxBodyBytes`) → 413 PAYLOAD_TOO_LARGE; malformed JSON → 400 VALIDATION_FAILED,
 *   checked before auth as a global JSON body parser would.
 * - Unknown route or method: 404 NOT_FOUND. 404/403/409 codes (NOT_FOUND, FORBIDDEN, CONFLICT) are guesses.
 * - Rate limit: token bucket of 2/s, burst 2 per key; 429 RATE_LIMIT_EXCEEDED with `retryAfter`
 *   (seconds) in the body and a `Retry-After` header; X-RateLimit-Limit/Remaining/Reset (epoch
 *   seconds) on every answer, counting the bucket, not the documented "120" per-minute figure.
 */
import type { EmuRequest, EmuResponse, ProviderEmulator, RateLimitDecision } from '../common';
import { authorize, insufficientPermissions } from './auth';
import { errorBodyFor, errorEnvelope, fail, notFound, validationFailed } from './errors';
import type { ResolvedOptions } from './options';
import { Router } from './router';
import { contactRoutes } from './routes/contacts';
import { customFieldRoutes } from './routes/customFields';
import { deleteContactRoutes } from './routes/deleteContacts';
import { listRoutes } from './routes/lists';
import { listRemoveRoutes } from './routes/listRemove';
import { applySeed, defaultStore } from './seed';
import type { AutoSendStore } from './store';
import { contactView, customFieldView, globalListView, listView } from './views';

const API_PREFIX = '/v1';
/** Enough of each collection for a readable snapshot, even with 100k contacts stored. */
const SNAPSHOT_LIMIT = 1000;

function firstN<T, R>(items: Iterable<T>, n: number, map: (item: T) => R): R[] {
	const out: R[] = [];
	for (const item of items) {
		if (out.length >= n) break;
		out.push(map(item));
	}
	return out;
}

export class AutoSendProvider implements ProviderEmulator {
	readonly name = 'autosend';
	store: AutoSendStore = defaultStore();
	private readonly router = new Router([...contactRoutes, ...deleteContactRoutes, ...listRoutes, ...listRemoveRoutes, ...customFieldRoutes]);

	constructor(private readonly options: ResolvedOptions) {}

	handle(req: EmuRequest): EmuResponse {
		if (req.path !== API_PREFIX && !req.path.startsWith(`${API_PREFIX}/`)) return notFound('Route not found');
		if (req.rawBody.length > this.options.maxBodyBytes) {
			return fail(413, 'PAYLOAD_TOO_LARGE', `Request body larger than ${this.options.maxBodyBytes} bytes`);
		}
		if (req.jsonInvalid) return validationFailed([{ field: 'body', message: 'Malformed JSON in request body' }]);
		const access = authorize(req, this.options, this.store.projectId);
		if (access.kind === 'denied') return access.answer;
		const found = this.router.match(req.method, req.path.slice(API_PREFIX.length));
		if (!('route' in found)) return notFound(`Route not found: ${req.method} ${req.path}`);
		if (found.route.writes && !access.canWrite) return insufficientPermissions();
		return found.route.handle({ req, params: found.params, store: this.store, options: this.options });
	}

	rateLimitKey(req: EmuRequest): string | undefined {
		return req.bearer;
	}

	rateLimited(decision: RateLimitDecision): EmuResponse {
		return {
			status: 429,
			headers: { 'Retry-After': String(decision.retryAfterSeconds) },
			body: {
				...errorEnvelope('Too many requests, please try again later.', 'RATE_LIMIT_EXCEEDED'),
				retryAfter: decision.retryAfterSeconds,
			},
		};
	}

	rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
		return {
			'X-RateLimit-Limit': String(decision.limit),
			'X-RateLimit-Remaining': String(decision.remaining),
			'X-RateLimit-Reset': String(decision.resetEpochSeconds),
		};
	}

	errorBody(status: number, message: string): unknown {
		return errorBodyFor(status, message);
	}

	state(): unknown {
		const store = this.store;
		const lists = [...store.lists.values()];
		const outcomes = store.bulkOutcomes;
		return {
			projectId: store.projectId,
			counts: {
				contacts: store.contactsByEmail.size,
				lists: lists.filter((list) => list.type === 'list').length,
				segments: lists.filter((list) => list.type === 'segment').length,
				suppressedEmails: store.suppressed.size,
				customFields: store.customFields.size,
				bulkUpdateCalls: store.bulkBatches,
				bulkOutcomes: outcomes.length,
			},
			lists: [globalListView(store), ...lists.map(listView)],
			customFields: [...store.customFields.values()].map((field) => customFieldView(field, store.projectId)),
			suppressedEmails: firstN(store.suppressed, SNAPSHOT_LIMIT, (email) => email),
			contacts: firstN(store.contactsByEmail.values(), SNAPSHOT_LIMIT, (c) => contactView(c, store.projectId)),
			// The newest outcomes are the ones a test just caused.
			bulkOutcomes: outcomes.slice(-SNAPSHOT_LIMIT),
		};
	}

	reset(): void {
		this.store = defaultStore();
	}

	seed(body: unknown): unknown {
		return applySeed(this.store, body);
	}
}
