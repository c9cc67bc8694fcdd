/**
 * Notifuse node: bulk contact sync into a (self-hosted or cloud) Notifuse workspace.
 *
 * Parameters a saved workflow uses, per operation (all operations: `resource`, `operation`,
 * `workspaceId` (optional override of the credential's workspace), `fieldsInput` ('columns' | 'fields'),
 * `columns` (resourceMapper `{ mappingMode: 'defineBelow' | 'autoMapInputData', value: { email, first_name, ... } }`,
 * when fieldsInput = 'columns'), `email` + `contactFields` (collection keyed by Notifuse field names, when
 * fieldsInput = 'fields'), `options` (collection: batchSize (batched operations), dryRun, includeInputFields,
 * requestsPerSecond, maxRetries, concurrency)):
 * - resource 'contact', operation 'upsert': one contacts.upsert per item; options.clearFields (field names
 *   sent as null). A null field value in the input data clears it; empty mapped fields do not.
 * - resource 'contact', operation 'import': contacts.import in batches (options.batchSize, default 500);
 *   options.subscribeToLists (list ids). null cannot clear a field here (Notifuse keeps the stored value).
 * - resource 'contactList', operation 'addContacts': `listIds` (list ids, required) — contacts.import with
 *   subscribe_to_lists; the lists are checked to exist first.
 * - resource 'contactList', operation 'removeContacts': `listId` (one list id), `email` (default
 *   '={{ $json.email }}'); one contactLists.removeContact per contact, the list checked first. Status removed |
 *   not_in_list (Notifuse's 404 for a non-member or an unknown email) | invalid | failed; `listId` on every item.
 * - resource 'contact', operations 'get' / 'delete': `email`; one contacts.getByEmail / contacts.delete per item.
 *   Status found (`contact`, `listIds`) | not_found | deleted.
 * Output per item: status (created | updated | added | invalid | failed | dry_run), email, request,
 * errorMessage / errorCode / errorField on failure; `listIds` (and `contactAction` for addContacts).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { contactSyncNodeDescription, operationSubtitle } from '../shared/description';
import * as contact from './actions/contact';
import * as contactList from './actions/contactList';
import { router } from './actions/router';
import { workspaceIdProperty } from './actions/workspace';
import { getLists } from './methods/loadOptions';
import { getContactFields } from './methods/resourceMapping';

export class Notifuse implements INodeType {
	description: INodeTypeDescription = {
		...contactSyncNodeDescription(
			{
				displayName: 'Notifuse',
				name: 'notifuse',
				description: 'Create, update and subscribe contacts in Notifuse in bulk',
				credential: 'notifuseApi',
			},
			// The workspace comes right after the operation: the list pickers and the field mapping below read it.
			[contact.selector, contactList.selector, workspaceIdProperty, ...contact.properties, ...contactList.properties],
		),
		icon: { light: 'file:notifuse.svg', dark: 'file:notifuse.dark.svg' },
		subtitle: operationSubtitle,
		usableAsTool: true,
	};

	methods = { loadOptions: { getLists }, resourceMapping: { getContactFields } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
