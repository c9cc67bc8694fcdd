/**
 * Notifuse emulator: RPC routes under /api/<resource>.<verb>, errors `{"error":"..."}`.
 *
 * Behaviour the sources leave open, and what this emulator does (see providers.md §2):
 * - Auth runs before the method check (middleware wraps the handler): no token + wrong method → 401.
 * - Tokens are opaque known keys, not JWTs; an unknown token fails with golang-jwt's message for its
 *   shape (not 3 segments → "token is malformed ...", else "token signature is invalid ...").
 * - No 403s anywhere: permission failures are 500 (import/list/getByEmail/count) or 400 (upsert,
 *   lists.subscribe), following the code rather than the OpenAPI (which says 400 for import).
 * - Upsert's auth failures reuse the import service messages (`failed to authenticate user: workspace
 *   not found: <id>`); the over-long-value message on upsert is `failed to upsert contact: <pg error>`.
 * - Type errors on upsert: `invalid type for <field>: expected <string|number|object or array>, got
 *   <gjson type>`; bad datetime: `invalid datetime format for <field>: expected RFC3339`.
 * - Import dedup: the surviving contact takes the position of the first occurrence with the data of
 *   the last. Chunk-failure messages use the index in that de-duplicated list (`start + i`).
 * - Import update resets created_at to now (the bulk SQL overwrites it); upsert keeps it.
 * - An email over 255 characters passes parsing and fails its SQL chunk like any over-long value.
 * - contacts.list: newest first; `next_cursor` only when there is another page; 400s would be plain
 *   text in Notifuse but are `{"error":...}` here (the shared server only writes JSON); limit outside
 *   1..100 is a 400 (`limit must be between 1 and 100`), not clamped.
 * - contacts.count / contacts.list access failures: 500 `Failed to count contacts` / `Failed to list contacts`.
 * - lists.subscribe: needs lists write; unknown list id → 400 `list not found: <id>`; `pending` on a
 *   double opt-in list, otherwise `active`, reviving unsubscribed members (explicit consent).
 * - contactLists.removeContact: one membership soft-deleted per call, 404 "contact list not found" when
 *   there is none, email matched as sent (routes/contactListsRemove.ts cites the handler and SQL).
 * - workspaces.get without id → 400 `Missing workspace ID`.
 * - Unknown /api route → 404 `{"error":"404 page not found"}` (Go's mux answers that in plain text).
 * - Reverse-proxy simulation (off by default): `maxBodyBytes` → 413 `Request Entity Too Large`,
 *   `maxImportContacts` → 413 `too many contacts in one request: n > max`; both `{"error":...}`.
 * - contacts.import answers 200 `{"operations":[...]}` only, as the handler does; `importAnswer` makes it
 *   answer the other 200 shapes the OpenAPI spec allows (top-level `error`, `operations: null`,
 *   `"error": null` per operation), each documented in options.ts.
 * - Rate limiting is off by default (the API has none); when on, per bearer token, 429 with the
 *   public-route body and Retry-After, and no X-RateLimit-* headers.
 */
import type { EmuRequest, EmuResponse, ProviderEmulator, RateLimitDecision } from '../common';

import { authenticate, isResponse } from './auth';
import { errorResponse, METHOD_NOT_ALLOWED } from './errors';
import type { ResolvedOptions } from './options';
import { contactsDelete } from './routes/contactsDelete';
import { contactsImport } from './routes/contactsImport';
import { contactsCount, contactsGetByEmail, contactsList } from './routes/contactsRead';
import { contactsUpsert } from './routes/contactsUpsert';
import type { Route } from './routes/context';
import { listsList, listsSubscribe } from './routes/lists';
import { contactListsRemoveContact } from './routes/contactListsRemove';
import { userMe, workspacesGet } from './routes/account';
import { applySeed, defaultStore } from './seed';
import type { NotifuseStore } from './store';
import { contactView, listView, workspaceView } from './views';

const ROUTES = new Map<string, Route>([
	['/api/contacts.import', contactsImport],
	['/api/contacts.upsert', contactsUpsert],
	['/api/contacts.getByEmail', contactsGetByEmail],
	['/api/contacts.list', contactsList],
	['/api/contacts.count', contactsCount],
	['/api/contacts.delete', contactsDelete],
	['/api/lists.list', listsList],
	['/api/lists.subscribe', listsSubscribe],
	['/api/contactLists.removeContact', contactListsRemoveContact],
	['/api/workspaces.get', workspacesGet],
	['/api/user.me', userMe],
]);

/** Contacts and memberships shown per workspace in GET /__emulator/state. */
const STATE_SAMPLE = 1000;

export class NotifuseProvider implements ProviderEmulator {
	readonly name = 'notifuse';
	store: NotifuseStore;

	constructor(private readonly options: ResolvedOptions) {
		this.store = defaultStore(options.apiKey);
	}

	handle(req: EmuRequest): EmuResponse {
		const { maxBodyBytes } = this.options;
		if (maxBodyBytes !== undefined && req.rawBody.length > maxBodyBytes) {
			return errorResponse(413, 'Request Entity Too Large');
		}
		const route = ROUTES.get(req.path);
		if (!route) return errorResponse(404, '404 page not found');
		const user = authenticate(req, this.store);
		if (isResponse(user)) return user;
		if (req.method !== route.method) return METHOD_NOT_ALLOWED();
		return route.handle(req, { store: this.store, options: this.options, user });
	}

	rateLimitKey(req: EmuRequest): string {
		return req.bearer ?? 'anonymous';
	}

	rateLimited(decision: RateLimitDecision): EmuResponse {
		return {
			status: 429,
			body: { error: 'Too many requests. Please try again later.' },
			headers: { 'retry-after': String(decision.retryAfterSeconds) },
		};
	}

	errorBody(_status: number, message: string) {
		return { error: message };
	}

	state() {
		const workspaces = [...this.store.workspaces.values()].map((ws) => {
			let memberships = 0;
			for (const lists of ws.memberships.values()) memberships += lists.size;
			return {
				...workspaceView(ws),
				counts: { contacts: ws.contacts.size, lists: ws.lists.size, memberships },
				lists: [...ws.lists.values()].map(listView),
				contacts: ws.order.slice(0, STATE_SAMPLE).map((c) => contactView(ws, c, true)),
			};
		});
		const users = [...this.store.users.values()].map((u) => ({
			id: u.id,
			email: u.email,
			api_key: u.apiKey,
			workspaces: Object.fromEntries(u.memberships),
		}));
		return { workspaces, users };
	}

	reset() {
		this.store = defaultStore(this.options.apiKey);
	}

	seed(body: unknown) {
		return applySeed(this.store, body);
	}
}
