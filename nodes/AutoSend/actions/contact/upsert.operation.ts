import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/options';
import type { BulkOperation } from '../../../shared/router';
import type { AutoSendContact } from '../../contact';
import { SINGLE_CONTACT_DEFAULTS } from '../../limits';
import { autoSendTransport } from '../../transport';
import { contactInputProperties, contactReader, type ContactInputSettings } from '../contactInput';
import { interpretSingleContact } from '../singleContact';

const show = { resource: ['contact'], operation: ['upsert'] };
const settings: ContactInputSettings = { allowListIds: true, mapperMode: 'upsert' };
export const defaults = SINGLE_CONTACT_DEFAULTS;

const properties: INodeProperties[] = [
	{
		displayName:
			'One request per contact at 2 requests/second (about 30 minutes for 3,600 contacts). For large syncs without list changes, Bulk Update sends 100 contacts per request.',
		name: 'upsertNotice',
		type: 'notice',
		default: '',
	},
	...contactInputProperties(settings),
	optionsCollection(defaults),
];

export const description = updateDisplayOptions({ show }, properties);

/** POST /contacts/email: create or update by email. AutoSend does not say which happened, so the status is 'upserted'. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<AutoSendContact>> {
	const read = await contactReader(this, settings);
	return {
		transport: await autoSendTransport(this),
		defaults,
		adapter: {
			limits: { maxContacts: 1, idempotent: true },
			envelope: { before: '', after: '' },
			toContact: read,
			async send(chunk, http) {
				return await http.send({ method: 'POST', url: '/contacts/email', body: chunk.body });
			},
			async interpret(_chunk, response) {
				return interpretSingleContact(response, 'upserted');
			},
		},
	};
}
