/**
 * SendGrid Marketing Campaigns v3 emulator: routing, auth, rate limiting.
 *
 * Guesses where SendGrid's documentation is silent (each one configurable where cheap, see options.ts):
 * - Any Host header is accepted (api.sendgrid.com and api.eu.sendgrid.com alike).
 * - Missing/non-Bearer Authorization → 401 "authorization required"; unknown key → 401 "The provided
 *   authorization grant is invalid, expired, or revoked" (help: null). A known key without any
 *   `marketing.*` scope gets 403 "access forbidden" on /v3/marketing/*; /v3/scopes works for any known key.
 * - Body over 6 MB (6 * 1024 * 1024 = 6,291,456 bytes, `maxBodyBytes`) → 413 (`oversizeStatus`) with the
 *   errors envelope, checked before JSON validation. More than 30,000 contacts → 400 (field "contacts").
 * - Validation order: shape → per-contact schema → unknown custom field ids ("invalid custom field ids
 *   supplied - a,b", field "custom_fields") all as one 400 → unknown list ids → 404 (field "list_ids").
 *   A list id that is not a UUID is a 400. Error `field` values look like `contacts[3].first_name`.
 * - Custom field values: Text → string, Number → finite number, Date → string Date.parse accepts.
 *   Reserved field ids (`_rf…`) inside custom_fields count as unknown ids.
 * - Emails are lower-cased, not trimmed. A malformed email is a per-row job error ("invalid email")
 *   by default (`invalidEmailCheck: 'request'` makes it a 400 instead); seeded poison emails fail
 *   with "email address rejected"; an update that omits or changes an existing identifier fails with
 *   "all existing identifiers must be present…" (documented rule, `requireAllIdentifiers`).
 * - Rows are applied in request order, so a repeated email is last-wins and its second occurrence
 *   counts as an update: created + updated + errored = requested.
 * - Jobs: `pending` for `jobDelayMs` (300 ms), then completed / errored / failed (all rows errored).
 *   `errors_url` is set only when errored_count > 0 and points at a separate storage host (another
 *   origin, no auth) or at GET /__files/errors/<job_id> here, which redirects there; formats, slow,
 *   huge, partial and broken files in errorFile.ts / fileHost.ts. `unprocessableJobs`: every job
 *   fails with nothing stored and errored_count 0. Unknown job id → 404.
 * - search/emails: custom_fields keyed by field name (`searchCustomFieldsBy`); none found → 404
 *   "no contacts found"; any invalid address → 400.
 * - GET /lists/{id}; DELETE /lists/{id}/contacts?contact_ids= → 202 {job_id}, memberships removed after
 *   `jobDelayMs`, contacts kept; 404 for an unknown list or any unknown id (spec); URL over 8 KB → 414
 *   [guess]; the removal job is not readable at /contacts/imports/{id} (undocumented). See routes/listMembers.ts.
 * - POST /lists with a name already in use → 400. page_token is an opaque base64url offset.
 * - Rate limits: one token bucket per key and endpoint group; default 50/s burst 100, PUT contacts
 *   10/s burst 10 (`endpointRateLimits`). No Retry-After unless `sendRetryAfter`. Headers are sent
 *   on every /v3 answer; with limiting off they read 10000.
 * - Unknown route → 404 "resource not found"; known path with another method → 405 "method not allowed".
 */
import type { EmuRequest, EmuResponse, ProviderEmulator, RateLimitDecision } from '../common';

import type { SendGridContext } from './context';
import { contactDetails } from './contactView';
import { API_ERROR_FILE_PATTERN, apiErrorFilePath } from './errorFile';
import { errorEnvelope, errorResponse, invalidKeyResponse, MESSAGES } from './errors';
import { JobRunner } from './jobs';
import type { EndpointGroup, ResolvedOptions, SendGridEmulatorOptions } from './options';
import { EndpointLimiters, rateLimitHeaders, tooManyRequests } from './rateLimiting';
import { createFieldDefinition, getFieldDefinitions } from './routes/fieldDefinitions';
import { contactCount, deleteContacts, errorFile, importStatus, searchByEmails, upsertContacts } from './routes/contacts';
import { createList, getLists } from './routes/lists';
import { getList, removeListMembers } from './routes/listMembers';
import { getScopes } from './routes/scopes';
import { applySeed, seedDefaults } from './seed';
import { SendGridStore } from './store';

const STATE_SAMPLE = 1000;
const IMPORT_PATH = /^\/v3\/marketing\/contacts\/imports\/([^/]+)$/;
const LIST_PATH = /^\/v3\/marketing\/lists\/([^/]+)$/;
const LIST_CONTACTS_PATH = /^\/v3\/marketing\/lists\/([^/]+)\/contacts$/;

interface Route {
	group: EndpointGroup;
	/** Handlers by method; a path with no handler for the method answers 405. */
	methods: Record<string, (req: EmuRequest, param: string) => EmuResponse>;
}

export class SendGridProvider implements ProviderEmulator, SendGridContext {
	name = 'sendgrid';
	store = new SendGridStore();
	jobs: JobRunner;
	private url = 'http://127.0.0.1';
	private storage?: { fileUrl(jobId: string): string; log: unknown[] };
	private endpointLimiters: EndpointLimiters;
	private readonly initial: ResolvedOptions;

	constructor(public options: ResolvedOptions) {
		this.initial = structuredClone(options);
		this.jobs = new JobRunner(this.store, options);
		this.endpointLimiters = new EndpointLimiters(options.rateLimit === false ? {} : options.endpointRateLimits);
		seedDefaults(this.store, options.apiKey, options.poisonEmails);
	}

	baseUrl(): string {
		return this.url;
	}

	setBaseUrl(url: string) {
		this.url = url;
	}

	/** The storage host behind `errors_url` (its log is cleared on reset, like the request log). */
	setStorage(storage: { fileUrl(jobId: string): string; log: unknown[] }) {
		this.storage = storage;
	}

	errorFileUrl(jobId: string): string {
		return this.options.errorFile.location === 'api-redirect' || !this.storage ? this.url + apiErrorFilePath(jobId) : this.storage.fileUrl(jobId);
	}

	storageFileUrl(jobId: string): string {
		return this.storage ? this.storage.fileUrl(jobId) : this.url + apiErrorFilePath(jobId);
	}

	/** Changes job and errors-file behaviour at run time (the same object the routes read); reset undoes it. */
	configure(changes: Pick<SendGridEmulatorOptions, 'poisonMessage' | 'unprocessableJobs' | 'errorFile' | 'jobDelayMs'>) {
		const { errorFile, ...rest } = changes;
		Object.assign(this.options, rest);
		if (errorFile) this.options.errorFile = { ...this.options.errorFile, ...errorFile };
	}

	private exactRoutes: Record<string, Route> = {
		'/v3/marketing/contacts': {
			group: 'contacts.upsert',
			methods: { PUT: (r) => upsertContacts(this, r), DELETE: (r) => deleteContacts(this, r) },
		},
		'/v3/marketing/contacts/search/emails': {
			group: 'contacts.search',
			methods: { POST: (r) => searchByEmails(this, r) },
		},
		'/v3/marketing/contacts/count': { group: 'contacts.count', methods: { GET: () => contactCount(this) } },
		'/v3/marketing/lists': {
			group: 'lists',
			methods: { GET: (r) => getLists(this, r), POST: (r) => createList(this, r) },
		},
		'/v3/marketing/field_definitions': {
			group: 'field_definitions',
			methods: { GET: () => getFieldDefinitions(this), POST: (r) => createFieldDefinition(this, r) },
		},
	};

	private route(path: string): { route: Route; param: string } | undefined {
		const exact = this.exactRoutes;
		const normalised = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
		if (exact[normalised]) return { route: exact[normalised], param: '' };
		const job = IMPORT_PATH.exec(normalised);
		if (job) {
			return {
				route: { group: 'contacts.imports', methods: { GET: (_r, id) => importStatus(this, id) } },
				param: job[1],
			};
		}
		const list = LIST_PATH.exec(normalised);
		if (list) return { route: { group: 'lists', methods: { GET: (_r, id) => getList(this, id) } }, param: list[1] };
		const members = LIST_CONTACTS_PATH.exec(normalised);
		if (members) return { route: { group: 'lists', methods: { DELETE: (r, id) => removeListMembers(this, r, id) } }, param: members[1] };
		return undefined;
	}

	private groupOf(path: string): EndpointGroup | undefined {
		if (path === '/v3/scopes') return 'scopes';
		return this.route(path)?.route.group;
	}

	/** Auth answer, or undefined when the key may call `path`. */
	private authorise(req: EmuRequest): EmuResponse | undefined {
		if (req.bearer === undefined) return errorResponse(401, MESSAGES.authorizationRequired);
		const scopes = this.store.apiKeys.get(req.bearer);
		if (!scopes) return invalidKeyResponse();
		if (req.path.startsWith('/v3/marketing/') && !scopes.some((s) => s.startsWith('marketing.'))) {
			return errorResponse(403, MESSAGES.accessForbidden);
		}
		return undefined;
	}

	handle(req: EmuRequest): EmuResponse {
		const fileMatch = API_ERROR_FILE_PATTERN.exec(req.path);
		if (fileMatch && req.method === 'GET') return errorFile(this, fileMatch[1]);

		const denied = this.authorise(req);
		if (denied) return this.withStaticHeaders(denied, req);

		const group = this.groupOf(req.path);
		if (group && this.endpointLimiters.has(group)) {
			const decision = this.endpointLimiters.take(group, req.bearer as string);
			if (decision && !decision.allowed) return tooManyRequests(decision, this.options.sendRetryAfter);
			return { ...this.dispatch(req), headers: rateLimitHeaders(decision) };
		}
		return this.withStaticHeaders(this.dispatch(req), req);
	}

	/** Answers the shared limiter does not see still carry SendGrid's always-present headers. */
	private withStaticHeaders(answer: EmuResponse, req: EmuRequest): EmuResponse {
		if (this.options.rateLimit !== false && this.rateLimitKey(req) !== undefined) return answer;
		return { ...answer, headers: { ...rateLimitHeaders(undefined), ...answer.headers } };
	}

	private dispatch(req: EmuRequest): EmuResponse {
		if (req.path === '/v3/scopes') {
			if (req.method !== 'GET') return errorResponse(405, 'method not allowed');
			return getScopes(this.store.apiKeys.get(req.bearer as string) ?? []);
		}
		const found = this.route(req.path);
		if (!found) return errorResponse(404, 'resource not found');
		const handler = found.route.methods[req.method];
		if (!handler) return errorResponse(405, 'method not allowed');
		return handler(req, found.param);
	}

	rateLimitKey(req: EmuRequest): string | undefined {
		const group = this.groupOf(req.path);
		if (!group || req.bearer === undefined || this.endpointLimiters.has(group)) return undefined;
		return `${req.bearer}|${group}`;
	}

	rateLimited(decision: RateLimitDecision): EmuResponse {
		return tooManyRequests(decision, this.options.sendRetryAfter);
	}

	rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
		return rateLimitHeaders(decision);
	}

	errorBody(_status: number, message: string): unknown {
		return errorEnvelope([{ field: null, message }]);
	}

	state(): unknown {
		const contacts = [];
		for (const contact of this.store.contacts.values()) {
			if (contacts.length >= STATE_SAMPLE) break;
			contacts.push(contactDetails(contact, this.store.fields, 'id', this.url));
		}
		const jobs = [];
		let pending = 0;
		for (const job of this.store.jobs.values()) {
			if (job.status === 'pending') pending++;
			if (jobs.length < STATE_SAMPLE) {
				const { errors: _errors, ...summary } = job;
				jobs.push(summary);
			}
		}
		return {
			counts: {
				contacts: this.store.contacts.size,
				lists: this.store.lists.size,
				custom_fields: this.store.fields.custom.length,
				jobs: this.store.jobs.size,
				pending_jobs: pending,
			},
			contacts,
			lists: [...this.store.lists.values()].map((l) => ({ id: l.id, name: l.name, contact_count: l.members.size })),
			custom_fields: this.store.fields.custom,
			jobs,
			api_keys: [...this.store.apiKeys.entries()].map(([key, scopes]) => ({ key, scopes })),
			poison_emails: [...this.store.poisonEmails],
		};
	}

	reset(): void {
		this.jobs.cancelAll();
		Object.assign(this.options, structuredClone(this.initial));
		if (this.storage) this.storage.log.length = 0;
		this.store = new SendGridStore();
		this.jobs = new JobRunner(this.store, this.options);
		this.endpointLimiters.reset();
		seedDefaults(this.store, this.options.apiKey, this.options.poisonEmails);
	}

	seed(body: unknown): unknown {
		return applySeed(this.store, body, this.options.requireAllIdentifiers);
	}

	dispose() {
		this.jobs.cancelAll();
	}
}
