import type { IExecuteFunctions } from 'n8n-workflow';

import type { BulkOptionDefaults } from '../../shared/options';
import type { BulkOperation } from '../../shared/router';
import type { ContactOutcome } from '../../shared/types';
import { mergeNotifuseContacts, type NotifuseContact } from '../contact';
import { IMPORT_BATCH_SIZE, IMPORT_MAX_BATCH_SIZE, NOTIFUSE_CONCURRENCY } from '../limits';
import type { ImportOperation } from '../schemas';
import { notifuseTarget, workspaceJson } from '../transport';

import { contactReader } from './contactInput';
import { interpretImport } from './importAnswer';
import { listPrecheck } from './listPrecheck';

export const importDefaults: BulkOptionDefaults = {
	batchSize: IMPORT_BATCH_SIZE,
	maxBatchSize: IMPORT_MAX_BATCH_SIZE,
	concurrency: NOTIFUSE_CONCURRENCY,
	requestsPerSecond: 0,
	batched: true,
};

/**
 * The contacts.import path shared by Contact → Import and Contact List → Add Contacts: create-or-update
 * in batches, optionally subscribing every stored contact to lists (checked to exist first).
 */
export async function importOperation(
	ctx: IExecuteFunctions,
	listIds: string[],
	succeeded: (op: ImportOperation) => ContactOutcome,
): Promise<BulkOperation<NotifuseContact>> {
	const target = await notifuseTarget(ctx, ctx.getNodeParameter('workspaceId', 0, ''));
	const lists = listIds.length > 0 ? `,"subscribe_to_lists":${JSON.stringify(listIds)}` : '';
	return {
		transport: target.transport,
		defaults: importDefaults,
		adapter: {
			limits: { maxContacts: IMPORT_MAX_BATCH_SIZE, idempotent: true },
			envelope: { before: `{"workspace_id":${workspaceJson(target.workspaceId)},"contacts":[`, after: `]${lists}}` },
			toContact: await contactReader(ctx, { clearEmpty: false, clearFields: [] }, target.workspaceId),
			merge: mergeNotifuseContacts,
			precheck: listPrecheck(target.workspaceId, listIds),
			async send(chunk, http) {
				return await http.send({ method: 'POST', url: '/api/contacts.import', body: chunk.body });
			},
			async interpret(chunk, response) {
				return interpretImport(chunk, response, succeeded, listIds.length > 0);
			},
		},
	};
}
