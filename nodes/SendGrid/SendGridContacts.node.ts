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
 * - resource 'contact', operations 'get' / 'delete': `email`; POST /v3/marketing/contacts/search/emails, batchSize ≤ 100;
 *   delete then DELETE /v3/marketing/contacts?ids=… (options waitForDeletion, maxWaitMinutes). Status found
 *   (`contact`, `listIds`) | not_found | queued (jobId) | deleted | unknown | invalid | failed.
 * Output per item: status (queued | created | updated | upserted | invalid | failed | dry_run), email,
 * jobId, listIds, request, errorMessage / errorCode / errorField on failure. Chunks hold at most 30,000
 * contacts and 6,000,000 bytes.
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resourceSelector } from '../shared/description';
import * as contact from './actions/contact';
import * as contactList from './actions/contactList';
import { router } from './actions/router';
import { getLists } from './methods/loadOptions';
import { getContactFields } from './methods/resourceMapping';

export class SendGridContacts implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SendGrid Contacts',
		name: 'sendGridContacts',
		icon: { light: 'file:sendgrid.svg', dark: 'file:sendgrid.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update and add contacts to lists in SendGrid Marketing Campaigns in bulk',
		defaults: { name: 'SendGrid Contacts' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sendGridMarketingApi', required: true }],
		properties: [
			resourceSelector,
			...contact.description,
			...contactList.description,
		],
	};

	methods = {
		loadOptions: { getLists },
		resourceMapping: { getContactFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
