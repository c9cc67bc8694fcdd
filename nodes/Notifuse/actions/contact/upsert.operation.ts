import { type IDataObject, type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, type BulkOptionDefaults } from '../../../shared/options';
import type { BulkOperation } from '../../../shared/router';
import { readSelection } from '../../../shared/selection';
import type { ChunkVerdict } from '../../../shared/types';
import { isSuccess, verdictForUnreadable } from '../../../shared/verdicts';
import { mergeNotifuseContacts, type NotifuseContact } from '../../contact';
import { CONTACT_FIELDS, FIELDS_BY_NAME } from '../../fields';
import { NOTIFUSE_CONCURRENCY } from '../../limits';
import { upsertAnswer } from '../../schemas';
import { notifuseTarget, workspaceJson } from '../../transport';
import { contactInputProperties, contactReader } from '../contactInput';
import { verdictForFailedCall } from '../failures';

const show = { resource: ['contact'], operation: ['upsert'] };

export const defaults: BulkOptionDefaults = {
	batchSize: 1,
	maxBatchSize: 1,
	concurrency: NOTIFUSE_CONCURRENCY,
	requestsPerSecond: 0,
	batched: false,
};

const clearFieldsOption: INodeProperties = {
	displayName: 'Fields to Clear',
	name: 'clearFields',
	type: 'multiOptions',
	options: CONTACT_FIELDS.map((field) => ({ name: field.displayName, value: field.name })),
	default: [],
	description: 'Fields to remove from the contact (sent as null, which Notifuse treats as "remove this value")',
};

/** contacts.upsert is the one Notifuse call that can clear a field (null, Contact.Merge); import cannot. */
const emptyValuesOption: INodeProperties = {
	displayName: 'Empty Values',
	name: 'emptyValues',
	type: 'options',
	options: [
		{ name: 'Ignore', value: 'ignore', description: 'A blank or null value is not sent; the stored value stays' },
		{ name: 'Clear Stored Value', value: 'clear', description: 'A blank or null value is sent as null, which removes the stored value' },
	],
	default: 'ignore',
	description: 'What a field with an empty value (blank text or null) does to the value Notifuse has stored',
};

const properties: INodeProperties[] = [
	...contactInputProperties(true),
	optionsCollection(defaults, [clearFieldsOption, emptyValuesOption]),
];

export const description = updateDisplayOptions({ show }, properties);

/** One answer of contacts.upsert: 400 carries both invalid contacts and workspace problems. */
function interpretUpsert(body: unknown): ChunkVerdict {
	const parsed = upsertAnswer.safeParse(body);
	if (!parsed.success) return { kind: 'retry', reason: 'Notifuse answered contacts.upsert with an unexpected body', processed: true };
	return { kind: 'all', outcome: { status: parsed.data.action === 'create' ? 'created' : 'updated' } };
}

/** One contact per request through contacts.upsert: the only Notifuse call where null clears a field. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<NotifuseContact>> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const target = await notifuseTarget(this, this.getNodeParameter('workspaceId', 0, ''));
	const read = await contactReader(
		this,
		{ clearEmpty: options.emptyValues === 'clear', clearFields: readSelection(options.clearFields).filter((name) => FIELDS_BY_NAME.has(name)) },
		target.workspaceId,
	);
	return {
		transport: target.transport,
		defaults,
		adapter: {
			limits: { maxContacts: 1, idempotent: true },
			envelope: { before: `{"workspace_id":${workspaceJson(target.workspaceId)},"contact":`, after: '}' },
			toContact: read,
			merge: mergeNotifuseContacts,
			async send(chunk, http) {
				return await http.send({ method: 'POST', url: '/api/contacts.upsert', body: chunk.body });
			},
			async interpret(_chunk, response) {
				if (response.malformed) return verdictForUnreadable(response);
				if (!isSuccess(response)) {
					const verdict = verdictForFailedCall(response);
					// A 400 here is about this contact (or an abort, already decided above).
					if (verdict.kind === 'all' && response.status === 400) {
						return { kind: 'all', outcome: { ...verdict.outcome, errorCode: 'CONTACT_REJECTED' } };
					}
					return verdict;
				}
				return interpretUpsert(response.body);
			},
		},
	};
}
