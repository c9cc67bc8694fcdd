import type { ContactOutcome, HttpClient } from '../../../shared/types';
import type { ListRemoveData } from '../../schemas';
import { lookUpContacts } from '../contact/bulkLookup';

type Mention = string | { email?: string; error?: string; reason?: string };

function mentioned(entries: unknown): Map<string, Mention> {
	const map = new Map<string, Mention>();
	if (!Array.isArray(entries)) return map;
	for (const entry of entries as Mention[]) {
		const email = typeof entry === 'string' ? entry : entry.email;
		if (typeof email === 'string') map.set(email.trim().toLowerCase(), entry);
	}
	return map;
}

const why = (entry: Mention | undefined, fallback: string) =>
	(typeof entry === 'object' ? (entry.error ?? entry.reason) : undefined) ?? fallback;

/** What the answer itself says per email; emails it does not mention are left out. */
function fromLists(emails: string[], data: ListRemoveData, details: { listId: string }): Map<string, ContactOutcome> {
	const invalid = mentioned(data.validation?.invalid);
	const failed = mentioned(data.errors);
	const notFound = mentioned(data.notFound);
	const notInList = mentioned(data.notInList);
	const removed = new Map((data.contacts ?? []).map((c) => [c.email.trim().toLowerCase(), c]));
	const out = new Map<string, ContactOutcome>();
	for (const email of emails) {
		const contact = removed.get(email);
		if (invalid.has(email)) {
			out.set(email, { status: 'invalid', errorCode: 'INVALID_EMAIL', errorField: 'email', errorMessage: `AutoSend rejected the email: ${why(invalid.get(email), 'invalid')}`, details });
		} else if (failed.has(email)) {
			out.set(email, { status: 'failed', errorCode: 'REMOVE_FAILED', errorMessage: why(failed.get(email), 'AutoSend could not remove this contact'), details });
		} else if (contact) out.set(email, { status: 'removed', id: contact.id, details });
		else if (notInList.has(email)) out.set(email, { status: 'not_in_list', details });
		else if (notFound.has(email)) out.set(email, { status: 'not_found', details });
	}
	return out;
}

function listIdsOf(contact: Record<string, unknown>): string[] | undefined {
	const ids = contact.listIds ?? contact.contactListIds;
	return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : undefined;
}

/**
 * Settles emails the answer does not name, from its count and a lookup of what AutoSend now stores:
 * absent → not_found; still in the list → failed; out of the list → removed when the count says
 * every such contact was removed by this call, not_in_list when it removed none, else unknown.
 */
async function fromLookup(
	emails: string[],
	removedCount: number | undefined,
	http: HttpClient,
	details: { listId: string },
): Promise<Map<string, ContactOutcome>> {
	const out = new Map<string, ContactOutcome>();
	if (removedCount === emails.length) {
		for (const email of emails) out.set(email, { status: 'removed', details });
		return out;
	}
	const lookup = await lookUpContacts(emails, http);
	if ('problem' in lookup) {
		const errorMessage = `AutoSend accepted the removal but its answer does not say per contact what happened, and the lookup failed: ${lookup.problem}`;
		for (const email of emails) out.set(email, { status: 'unknown', errorCode: 'UNVERIFIED', errorMessage, details });
		return out;
	}
	const gone: string[] = [];
	for (const email of emails) {
		const contact = lookup.found.get(email);
		if (!contact) {
			out.set(email, { status: 'not_found', details });
			continue;
		}
		const lists = listIdsOf(contact);
		if (lists?.includes(details.listId)) {
			out.set(email, { status: 'failed', id: contact.id, errorCode: 'STILL_IN_LIST', errorMessage: 'AutoSend answered the removal, but the contact is still in the list', details });
		} else if (lists) gone.push(email);
		else out.set(email, { status: 'unknown', id: contact.id, errorCode: 'UNVERIFIED', errorMessage: 'AutoSend answered the removal, but its lookup does not show the contact\'s lists', details });
	}
	for (const email of gone) {
		const id = lookup.found.get(email)?.id;
		if (removedCount === gone.length) out.set(email, { status: 'removed', id, details });
		else if (removedCount === 0) out.set(email, { status: 'not_in_list', id, details });
		else {
			const errorMessage =
				removedCount === undefined
					? 'The contact is not in the list now; AutoSend\'s answer does not say whether this call removed it'
					: `The contact is not in the list now; AutoSend counted ${removedCount} removals for ${gone.length} such contacts, so which were members is not known`;
			out.set(email, { status: 'unknown', id, errorCode: 'UNVERIFIED', errorMessage, details });
		}
	}
	return out;
}

/** One outcome per email of the chunk, from the answer's lists first and its count plus a lookup for the rest. */
export async function removeOutcomes(emails: string[], data: ListRemoveData, http: HttpClient, listId: string): Promise<ContactOutcome[]> {
	const details = { listId };
	const told = fromLists(emails, data, details);
	const rest = emails.filter((email) => !told.has(email));
	if (rest.length > 0) {
		const toldRemoved = [...told.values()].filter((o) => o.status === 'removed').length;
		const count = data.removed === undefined ? undefined : data.removed - toldRemoved;
		for (const [email, outcome] of await fromLookup(rest, count, http, details)) told.set(email, outcome);
	}
	return emails.map((email) => told.get(email)!);
}
