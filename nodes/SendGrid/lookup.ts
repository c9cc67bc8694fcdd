import { TransportError } from '../shared/retry';
import type { HttpClient, HttpResponse } from '../shared/types';

import type { SendGridContact } from './contact';
import { clip } from './errorFile';
import { fieldDefinitions, searchAnswer, type FoundContact } from './schemas';
import { providerError } from './transport';

/** POST /v3/marketing/contacts/search/emails takes at most 100 emails of at most 100 characters (OpenAPI G1). */
export const SEARCH_BATCH = 100;
export const SEARCH_MAX_EMAIL_LENGTH = 100;

export type Lookup =
	| { kind: 'found'; contact: FoundContact }
	/** 404 for the batch, or `{"error": "contact not found"}` for this email. */
	| { kind: 'missing' }
	/** SendGrid calls the address invalid (400 for a batch of one): no contact can have it. */
	| { kind: 'invalid'; message: string }
	| { kind: 'failed'; message: string };

const rethrowCancel = (error: unknown) => {
	if (error instanceof TransportError && error.cancelled) throw error;
};

/**
 * Looks one batch of (lower-case) emails up. A 400 means "any searched address is invalid" (OpenAPI
 * G1), so a batch that gets one is halved until the invalid address stands alone; when every address
 * of a batch ends up "invalid", the 400 is about something else and tells nothing about them.
 */
export async function lookUp(emails: string[], http: HttpClient): Promise<Map<string, Lookup>> {
	const out = await lookUpPart(emails, http);
	const answers = [...out.values()];
	if (emails.length > 1 && answers.every((a) => a.kind === 'invalid')) {
		const message = answers[0]?.kind === 'invalid' ? answers[0].message : '';
		for (const email of emails) out.set(email, { kind: 'failed', message: `SendGrid answered every lookup with 400 (${message})` });
	}
	return out;
}

async function lookUpPart(emails: string[], http: HttpClient): Promise<Map<string, Lookup>> {
	const out = new Map<string, Lookup>();
	const all = (lookup: Lookup) => emails.forEach((email) => out.set(email, lookup));
	let response;
	try {
		response = await http.sendWithRetry({ method: 'POST', url: '/v3/marketing/contacts/search/emails', body: { emails } });
	} catch (error) {
		rethrowCancel(error);
		all({ kind: 'failed', message: `the lookup failed: ${(error as Error).message}` });
		return out;
	}
	if (response.status === 404) {
		all({ kind: 'missing' });
		return out;
	}
	if (response.status === 400) {
		const message = clip(providerError(response).message);
		if (emails.length === 1) {
			all({ kind: 'invalid', message });
			return out;
		}
		const half = Math.ceil(emails.length / 2);
		for (const part of [emails.slice(0, half), emails.slice(half)]) {
			for (const [email, lookup] of await lookUpPart(part, http)) out.set(email, lookup);
		}
		return out;
	}
	const read = readSearchAnswer(emails, response);
	if (read) return read;
	const why = response.status === 200 ? 'an unexpected body' : clip(providerError(response).message);
	all({ kind: 'failed', message: `the lookup was answered ${response.status} with ${why}` });
	return out;
}

/** A 200 search answer → one lookup per email; undefined when the answer is not one. */
export function readSearchAnswer(emails: string[], response: HttpResponse): Map<string, Lookup> | undefined {
	const parsed = response.status === 200 ? searchAnswer.safeParse(response.body) : undefined;
	if (!parsed?.success) return undefined;
	const out = new Map<string, Lookup>();
	for (const email of emails) {
		const entry = parsed.data.result[email];
		if (entry?.contact) out.set(email, { kind: 'found', contact: entry.contact });
		else if (entry?.error !== undefined) out.set(email, { kind: 'missing' });
		else out.set(email, { kind: 'failed', message: 'the lookup answer does not mention this email' });
	}
	return out;
}

/** Custom field id → name: search results key custom fields by name, the request by id. */
export async function customFieldNames(http: HttpClient): Promise<Map<string, string> | undefined> {
	try {
		const response = await http.sendWithRetry({ method: 'GET', url: '/v3/marketing/field_definitions' });
		const parsed = response.status === 200 ? fieldDefinitions.safeParse(response.body) : undefined;
		return parsed?.success ? new Map(parsed.data.custom_fields.map((f) => [f.id, f.name])) : undefined;
	} catch (error) {
		rethrowCancel(error);
		return undefined;
	}
}

const sameText = (a: unknown, b: unknown) => String(a ?? '').trim() === String(b ?? '').trim();

function sameValue(sent: string | number, stored: unknown): boolean {
	if (typeof sent === 'number') return Number(stored) === sent;
	const sentDate = /^\d{4}-\d{2}-\d{2}/.test(sent) ? Date.parse(sent) : NaN;
	if (!Number.isNaN(sentDate) && typeof stored === 'string' && Date.parse(stored) === sentDate) return true;
	return sameText(sent, stored);
}

/**
 * Whether the stored contact holds what was sent. `differs` is proof (a value we can read is
 * different); `uncertain` says a sent value could not be read back (a custom field key we cannot map).
 */
export function compareStored(
	sent: SendGridContact,
	stored: FoundContact,
	listIds: readonly string[],
	names: ReadonlyMap<string, string> | undefined,
): { differs: boolean; uncertain: boolean } {
	const record = stored as Record<string, unknown>;
	let uncertain = false;
	for (const [key, value] of Object.entries(sent)) {
		if (key === 'custom_fields' || value === undefined) continue;
		if (key === 'email') {
			if (!sameText(String(value).toLowerCase(), String(stored.email ?? '').toLowerCase())) return { differs: true, uncertain };
		} else if (key === 'alternate_emails') {
			const want = new Set((value as string[]).map((e) => e.toLowerCase()));
			const have = new Set((stored.alternate_emails ?? []).map((e) => e.toLowerCase()));
			if (want.size !== have.size || [...want].some((e) => !have.has(e))) return { differs: true, uncertain };
		} else if (!sameText(value, record[key])) return { differs: true, uncertain };
	}
	const custom = stored.custom_fields ?? {};
	for (const [id, value] of Object.entries(sent.custom_fields ?? {})) {
		const name = names?.get(id);
		const has = (k: string) => Object.prototype.hasOwnProperty.call(custom, k);
		const key = has(id) ? id : name !== undefined && has(name) ? name : undefined;
		if (key === undefined) {
			// Absent under both keys: unset (a difference) when the names are known, else unreadable.
			if (names) return { differs: true, uncertain };
			uncertain = true;
			continue;
		}
		if (!sameValue(value, custom[key])) return { differs: true, uncertain };
	}
	const inLists = new Set(stored.list_ids ?? []);
	if (listIds.some((id) => !inLists.has(id))) return { differs: true, uncertain };
	return { differs: false, uncertain };
}
