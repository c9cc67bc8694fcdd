/**
 * AutoSend node: bulk contact sync into AutoSend (https://api.autosend.com/v1), 2 requests/second per key.
 *
 * Parameters a saved workflow uses, per operation. Every operation: `resource`, `operation`, `options`
 * (collection: dryRun, includeInputFields, requestsPerSecond (default 2), maxRetries, concurrency (default 2),
 * and batchSize for the batched operations).
 * Contact operations also: `fieldsInput` ('columns' | 'fields');
 *   when 'columns': `columns` (resourceMapper `{ mappingMode: 'defineBelow' | 'autoMapInputData', value: { email,
 *   firstName, lastName, userId, listIds?, <customFieldName>... }, schema? }`; without a saved schema the node reads
 *   the custom field types with one GET /custom-fields per run);
 *   when 'fields': `email`, `additionalFields` ({ firstName, lastName, userId, listIds? (comma-separated) }),
 *   `customFieldsUi` ({ customField: [{ name, type: 'string'|'number'|'boolean'|'date', value }] }).
 * - resource 'contact', operation 'create': POST /contacts, one per item; an existing email → failed, errorCode ALREADY_EXISTS.
 * - resource 'contact', operation 'upsert': POST /contacts/email, one per item; status 'upserted'.
 * - resource 'contact', operation 'bulkUpdate': `runWorkflow` (boolean); POST /contacts/bulk-update, batchSize ≤ 100
 *   (no listIds); status 'upserted'; failing contacts are isolated by splitting and explained by one upsert each.
 * - resource 'contact', operations 'get' / 'delete': `email` (default '={{ $json.email }}'); POST /contacts/search/emails,
 *   batchSize ≤ 100; delete then POST /contacts/remove for the emails found. Status found (`contact`, `listIds`) |
 *   not_found | deleted | unknown | invalid | failed.
 * - resource 'contactList', operation 'addContacts': `list` (resourceLocator { mode: 'list'|'id'|'url', value }),
 *   `email` (default '={{ $json.email }}'); POST /contact-lists/contacts/bulk-add, batchSize ≤ 500 (default 500).
 *   Status added (with `created`: true when AutoSend created the contact) | already_in_list | suppressed | invalid | failed;
 *   `listId` on every item.
 * - resource 'contactList', operation 'removeContacts': `list`, `email` as for addContacts;
 *   POST /contact-lists/{id}/contacts/remove, batchSize ≤ 500 (default 100: AutoSend documents no limit). Status
 *   removed | not_in_list | not_found | invalid | failed | unknown (the answer and a lookup cannot tell); `listId`.
 * Output per item: status, email, id (where AutoSend returns it), request, errorMessage / errorCode / errorField.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { contactSyncNodeDescription, operationSubtitle } from '../shared/description';
import * as contact from './actions/contact';
import * as contactList from './actions/contactList';
import { router } from './actions/router';
import { searchLists } from './methods/listSearch';
import { getCustomFields } from './methods/loadOptions';
import { getBulkContactFields, getContactFields } from './methods/resourceMapping';

export class AutoSend implements INodeType {
	description: INodeTypeDescription = {
		...contactSyncNodeDescription(
			{
				displayName: 'AutoSend',
				name: 'autoSend',
				description: 'Create, update and add contacts to lists in AutoSend in bulk',
				credential: 'autoSendApi',
			},
			[...contact.description, ...contactList.description],
		),
		icon: { light: 'file:autosend.svg', dark: 'file:autosend.dark.svg' },
		subtitle: operationSubtitle,
		usableAsTool: true,
	};

	methods = {
		listSearch: { searchLists },
		loadOptions: { getCustomFields },
		resourceMapping: { getContactFields, getBulkContactFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
