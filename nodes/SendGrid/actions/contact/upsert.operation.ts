import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { contactInputProperties, contactReader } from '../contactInput';
import { upsertOptions } from '../jobOptions';
import { listIdsProperty, readListIds } from '../lists';
import type { PreparedOperation } from '../operation';
import { prepareUpsert } from '../upsertContacts';

const show = { resource: ['contact'], operation: ['upsert'] };

export const description = updateDisplayOptions({ show }, [...contactInputProperties(), listIdsProperty(false), upsertOptions]);

/** Create or update many contacts: up to 30,000 contacts and 6 MB per request. */
export async function prepare(this: IExecuteFunctions): Promise<PreparedOperation> {
	const listIds = readListIds(this.getNodeParameter('listIds', 0, []));
	return await prepareUpsert(this, listIds, await contactReader(this));
}
