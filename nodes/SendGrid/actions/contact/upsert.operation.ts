import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deliveryOptionFields } from '../../../shared/options';
import { contactInputProperties, contactReader } from '../contactInput';
import { jobOptionFields } from '../jobOptions';
import { listIdsProperty, readListIds } from '../lists';
import { upsertDefaults, type PreparedOperation } from '../operation';
import { prepareUpsert } from '../upsertContacts';

const show = { resource: ['contact'], operation: ['upsert'] };

export const description: INodeProperties[] = [
	...contactInputProperties(show),
	listIdsProperty(show, false),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...deliveryOptionFields(upsertDefaults), ...jobOptionFields].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		displayOptions: { show },
	},
];

/** Create or update many contacts: up to 30,000 contacts and 6 MB per request. */
export async function prepare(this: IExecuteFunctions): Promise<PreparedOperation> {
	const listIds = readListIds(this.getNodeParameter('listIds', 0, []));
	return await prepareUpsert(this, listIds, await contactReader(this));
}
