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
 * - resource 'contact', operations 'get' / 'delete': `email`; one contacts.getByEmail / contacts.delete per item.
 *   Status found (`contact`, `listIds`) | not_found | deleted.
 * Output per item: status (created | updated | added | invalid | failed | dry_run), email, request,
 * errorMessage / errorCode / errorField on failure; `listIds` (and `contactAction` for addContacts).
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

export class Notifuse implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Notifuse',
		name: 'notifuse',
		icon: { light: 'file:notifuse.svg', dark: 'file:notifuse.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update and subscribe contacts in Notifuse in bulk',
		defaults: { name: 'Notifuse' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'notifuseApi', required: true }],
		properties: [
			resourceSelector,
			...contact.description,
			...contactList.description,
			{
				displayName: 'Workspace ID',
				name: 'workspaceId',
				type: 'string',
				default: '',
				placeholder: 'Leave empty to use the credential workspace',
				description: "The workspace to write to. Empty uses the credential's default workspace.",
			},
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
