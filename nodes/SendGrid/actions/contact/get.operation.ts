import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { itemEmailProperty } from '../../../shared/contactInput/properties';
import { optionsCollection } from '../../../shared/options';
import type { BulkOperation } from '../../../shared/router';
import { byEmailDefaults } from '../../limits';

import { getOutcome, searchOperation } from './byEmail';

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, [
	itemEmailProperty('The contact to look up (its primary or an alternate email)'),
	{
		displayName:
			'Looks up to 100 emails per request (POST /v3/marketing/contacts/search/emails). An email with no contact reports "not_found", which is a normal result, not an error. Contacts added moments ago may not be searchable yet.',
		name: 'getNotice',
		type: 'notice',
		default: '',
	},
	optionsCollection(byEmailDefaults),
]);

/** Contacts by email, 100 per search; the answer holds a contact or "contact not found" per email. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<string>> {
	return await searchOperation(this, (emails, results) => ({ kind: 'outcomes', outcomes: emails.map((email) => getOutcome(results.get(email))) }));
}
