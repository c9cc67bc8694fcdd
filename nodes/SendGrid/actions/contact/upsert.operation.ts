import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { BulkOperation } from '../../../shared/router';
import { readSelection } from '../../../shared/selection';
import type { SendGridContact } from '../../contact';
import { contactInputProperties, contactReader } from '../contactInput';
import { listIdsProperty } from '../listIds';
import { upsertOptions } from '../options';
import { upsertOperation } from '../upsertContacts';

const show = { resource: ['contact'], operation: ['upsert'] };

export const description = updateDisplayOptions({ show }, [...contactInputProperties(), listIdsProperty(false), upsertOptions]);

/** Create or update many contacts: up to 30,000 contacts and 6 MB per request. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<SendGridContact>> {
	const listIds = readSelection(this.getNodeParameter('listIds', 0, []));
	return await upsertOperation(this, listIds, await contactReader(this));
}
