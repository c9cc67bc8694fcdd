/**
 * SendGrid Contacts node: bulk contact sync into SendGrid Marketing Campaigns (PUT /v3/marketing/contacts).
 *
 * Parameters a saved workflow uses, per operation. Every operation: `resource`, `operation`, `listIds`
 * (list ids; optional for upsert, required for addContacts) and `options` (collection: batchSize (≤ 30,000),
 * dryRun, includeInputFields, requestsPerSecond (default 0), maxRetries, concurrency (default 2),
 * waitForImport (default false), maxWaitMinutes (default 10)).
 * - resource 'contact', operation 'upsert': `fieldsInput` ('columns' | 'fields');
 *   'columns': `columns` (resourceMapper `{ mappingMode: 'defineBelow' | 'autoMapInputData', value: { email,
 *   phone_number_id, external_id, anonymous_id, first_name, …, <customFieldName>… } }` — custom fields by NAME);
 *   'fields': `email`, `additionalFields` (identifiers and reserved fields), `customFieldsUi`
 *   ({ customField: [{ name, value }] }). One GET /v3/marketing/field_definitions per run.
 * - resource 'contactList', operation 'addContacts': `email` (default '={{ $json.email }}').
 * - resource 'contactList', operation 'removeContacts': `listId` (one list id, not `listIds`), `email`; options
 *   batchSize (≤ 100), waitForRemoval (default false), maxWaitMinutes. GET /v3/marketing/lists/{id} once, then per
 *   ≤100 emails one search/emails and one DELETE /v3/marketing/lists/{id}/contacts?contact_ids=… for the members.
 *   Status queued (jobId) | removed (with waitForRemoval) | not_in_list | not_found | invalid | failed.
 * - resource 'contact', operations 'get' / 'delete': `email`; POST /v3/marketing/contacts/search/emails, batchSize ≤ 100;
 *   delete then DELETE /v3/marketing/contacts?ids=… (options waitForDeletion, maxWaitMinutes). Status found
 *   (`contact`, `listIds`) | not_found | queued (jobId) | deleted | unknown | invalid | failed.
 * Output per item: status (queued | created | updated | upserted | invalid | failed | dry_run), email,
 * jobId, listIds, request, errorMessage / errorCode / errorField on failure. Chunks hold at most 30,000
 * contacts and 6,000,000 bytes.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { contactSyncNodeDescription, operationSubtitle } from '../shared/description';
import * as contact from './actions/contact';
import * as contactList from './actions/contactList';
import { router } from './actions/router';
import { getCustomFields, getLists } from './methods/loadOptions';
import { getContactFields } from './methods/resourceMapping';

export class SendGridContacts implements INodeType {
	description: INodeTypeDescription = {
		...contactSyncNodeDescription(
			{
				displayName: 'SendGrid Contacts',
				name: 'sendGridContacts',
				description: 'Create, update and add contacts to lists in SendGrid Marketing Campaigns in bulk',
				credential: 'sendGridMarketingApi',
			},
			[...contact.description, ...contactList.description],
		),
		icon: { light: 'file:sendgrid.svg', dark: 'file:sendgrid.dark.svg' },
		subtitle: operationSubtitle,
		usableAsTool: true,
	};

	methods = { loadOptions: { getLists, getCustomFields }, resourceMapping: { getContactFields } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
