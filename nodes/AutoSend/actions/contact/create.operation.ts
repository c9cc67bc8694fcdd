import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/options';
import type { BulkOperation } from '../../../shared/router';
import type { AutoSendContact } from '../../contact';
import { SINGLE_CONTACT_DEFAULTS } from '../../limits';
import { autoSendTransport } from '../../transport';
import { contactInputProperties, contactReader, type ContactInputSettings } from '../contactInput';
import { interpretSingleContact } from '../singleContact';

const show = { resource: ['contact'], operation: ['create'] };
const settings: ContactInputSettings = { allowListIds: true, mapperMode: 'add' };
export const defaults = SINGLE_CONTACT_DEFAULTS;

const properties: INodeProperties[] = [
	{
		displayName:
			'Create fails for emails that already exist in AutoSend. To sync contacts that may already exist, use Upsert (one request per contact) or Bulk Update (100 per request).',
		name: 'createNotice',
		type: 'notice',
		default: '',
	},
	...contactInputProperties(settings),
	optionsCollection(defaults),
];

export const description = updateDisplayOptions({ show }, properties);

/** POST /contacts, one contact per request. Not idempotent: a request that may have been processed is never resent. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<AutoSendContact>> {
	const read = await contactReader(this, settings);
	return {
		transport: await autoSendTransport(this),
		defaults,
		adapter: {
			limits: { maxContacts: 1, idempotent: false },
			envelope: { before: '', after: '' },
			toContact: read,
			async send(chunk, http) {
				return await http.send({ method: 'POST', url: '/contacts', body: chunk.body });
			},
			async interpret(_chunk, response) {
				return interpretSingleContact(response, 'created');
			},
		},
	};
}
