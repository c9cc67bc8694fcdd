import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { itemEmailProperty } from '../../../shared/contactInput/properties';
import { foundDetails } from '../../../shared/emailKey';
import { optionsCollection } from '../../../shared/options';
import type { ChunkVerdict, ContactOutcome, HttpResponse } from '../../../shared/types';
import { isSuccess, verdictForError, verdictForUnreadable } from '../../../shared/verdicts';
import { BY_EMAIL_DEFAULTS } from '../../limits';
import { searchAnswer, type StoredContact } from '../../schemas';
import { providerError } from '../../transport';

/** Get and Delete: one email per item, a hint, and the delivery options; scoped to the operation. */
export function byEmailDescription(operation: string, emailText: string, notice: string): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['contact'], operation: [operation] } }, [
		itemEmailProperty(emailText),
		{ displayName: notice, name: `${operation}Notice`, type: 'notice', default: '' },
		optionsCollection(BY_EMAIL_DEFAULTS),
	]);
}

/** The chunk's search answer by (lower-case) email, or the verdict for an answer that has none. */
export function readSearch(response: HttpResponse): Map<string, StoredContact> | ChunkVerdict {
	if (response.malformed) return verdictForUnreadable(response);
	if (!isSuccess(response)) return verdictForError(response, providerError(response));
	const parsed = searchAnswer.safeParse(response.body);
	if (!parsed.success) return verdictForUnreadable(response);
	const found = new Map<string, StoredContact>();
	for (const contact of parsed.data.data.contacts) found.set(contact.email.trim().toLowerCase(), contact);
	return found;
}

/** search/emails answers only matches (docs: search contacts by emails): an absent email has no contact. */
export function foundOutcome(contact: StoredContact | undefined): ContactOutcome {
	if (!contact) return { status: 'not_found' };
	return { status: 'found', id: contact.id, details: foundDetails(contact, contact.listIds) };
}
