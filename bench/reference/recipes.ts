import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * What a hand-written sender for one write operation needs to know: where the contacts go, how many
 * fit one request, and how one input item becomes one contact. Each recipe knows the bench's input
 * shape (bench/workloads.ts) and nothing else: no options, no typed-field rules beyond what the
 * bench's columns need, so its CPU is the floor of "read, check, de-dupe, send, answer".
 */
export interface Recipe {
	credential: string;
	baseUrl(credentials: IDataObject): string;
	method: 'POST' | 'PUT';
	path: string;
	maxContacts: number;
	maxBytes?: number;
	concurrency: number;
	/** Least spacing between request starts (the provider's rate limit), ms. */
	spacingMs: number;
	envelope: { before: string; after: string };
	/** One GET the operation needs before sending (custom field ids), its answer handed to `contact`. */
	setup?(ctx: IExecuteFunctions, base: string, credential: string): Promise<Map<string, string>>;
	contact(json: IDataObject, email: string, fields: Map<string, string>): unknown;
	/** A later item for the same email: ours lets later fields win, nested custom fields merged. */
	merge(earlier: unknown, later: unknown): unknown;
	status: string;
}

const flatMerge = (earlier: unknown, later: unknown) => ({ ...(earlier as object), ...(later as object) });
const nestedMerge = (key: string) => (earlier: unknown, later: unknown) => {
	const a = earlier as Record<string, object | undefined>;
	const b = later as Record<string, object | undefined>;
	const merged: Record<string, unknown> = { ...a, ...b };
	if (a[key] || b[key]) merged[key] = { ...a[key], ...b[key] };
	return merged;
};

/** YYYY-MM-DD → MM/DD/YYYY, what our node sends for SendGrid Date custom fields. */
const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

async function sendGridFields(ctx: IExecuteFunctions, base: string, credential: string): Promise<Map<string, string>> {
	const answer = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credential, { method: 'GET', url: `${base}/v3/marketing/field_definitions`, json: true })) as {
		custom_fields?: Array<{ id: string; name: string }>;
	};
	return new Map((answer.custom_fields ?? []).map((field) => [field.name, field.id]));
}

const sendGridBase = (credentials: IDataObject) => String(credentials.baseUrl).replace(/\/+$/, '');
const autoSendBase = (credentials: IDataObject) => String(credentials.baseUrl).replace(/\/+$/, '');
const notifuseBase = (credentials: IDataObject) => String(credentials.baseUrl).replace(/\/+$/, '');
const SENDGRID_LIST = '0b3d7f3e-8a53-4c2e-9a71-5e0f6a1c2d01';
const AUTOSEND_LIST = '60d5ec49f1b2c72d9c8b4568';

export const RECIPES: Record<string, Recipe> = {
	'sendgrid.upsert': {
		credential: 'sendGridMarketingApi',
		baseUrl: sendGridBase,
		method: 'PUT',
		path: '/v3/marketing/contacts',
		maxContacts: 30_000,
		maxBytes: 6_000_000,
		concurrency: 2,
		spacingMs: 100,
		envelope: { before: '{"contacts":[', after: ']}' },
		setup: sendGridFields,
		contact: (json, email, fields) => ({
			email,
			first_name: json.first_name,
			last_name: json.last_name,
			country: json.country,
			custom_fields: {
				[fields.get('company') ?? 'company']: json.company,
				[fields.get('lifetime_value') ?? 'lifetime_value']: json.lifetime_value,
				[fields.get('signup_date') ?? 'signup_date']: usDate(String(json.signup_date)),
			},
		}),
		merge: nestedMerge('custom_fields'),
		status: 'queued',
	},
	'sendgrid.addContacts': {
		credential: 'sendGridMarketingApi',
		baseUrl: sendGridBase,
		method: 'PUT',
		path: '/v3/marketing/contacts',
		maxContacts: 30_000,
		maxBytes: 6_000_000,
		concurrency: 2,
		spacingMs: 100,
		envelope: { before: `{"list_ids":["${SENDGRID_LIST}"],"contacts":[`, after: ']}' },
		contact: (_json, email) => ({ email }),
		merge: flatMerge,
		status: 'queued',
	},
	'autosend.bulkUpdate': {
		credential: 'autoSendApi',
		baseUrl: autoSendBase,
		method: 'POST',
		path: '/contacts/bulk-update',
		maxContacts: 100,
		concurrency: 2,
		spacingMs: 500,
		envelope: { before: '{"contacts":[', after: '],"runWorkflow":false}' },
		contact: (json, email) => ({ email, firstName: json.firstName, lastName: json.lastName, customFields: { company: json.company, plan: json.plan } }),
		merge: nestedMerge('customFields'),
		status: 'upserted',
	},
	'autosend.addContacts': {
		credential: 'autoSendApi',
		baseUrl: autoSendBase,
		method: 'POST',
		path: '/contact-lists/contacts/bulk-add',
		maxContacts: 500,
		concurrency: 2,
		spacingMs: 500,
		envelope: { before: `{"contactListId":"${AUTOSEND_LIST}","emails":[`, after: ']}' },
		contact: (_json, email) => email,
		merge: (_earlier, later) => later,
		status: 'added',
	},
	'notifuse.import': {
		credential: 'notifuseApi',
		baseUrl: notifuseBase,
		method: 'POST',
		path: '/api/contacts.import',
		maxContacts: 500,
		concurrency: 4,
		spacingMs: 0,
		envelope: { before: '{"workspace_id":"ws_demo","contacts":[', after: ']}' },
		contact: (json, email) => ({
			email,
			first_name: json.first_name,
			last_name: json.last_name,
			country: json.country,
			custom_string_1: json.custom_string_1,
			custom_number_1: json.custom_number_1,
		}),
		merge: flatMerge,
		status: 'created',
	},
	'notifuse.addContacts': {
		credential: 'notifuseApi',
		baseUrl: notifuseBase,
		method: 'POST',
		path: '/api/contacts.import',
		maxContacts: 500,
		concurrency: 4,
		spacingMs: 0,
		envelope: { before: '{"workspace_id":"ws_demo","contacts":[', after: '],"subscribe_to_lists":["newsletter"]}' },
		contact: (json, email) => ({
			email,
			first_name: json.first_name,
			last_name: json.last_name,
			country: json.country,
			custom_string_1: json.custom_string_1,
			custom_number_1: json.custom_number_1,
		}),
		merge: flatMerge,
		status: 'added',
	},
};
