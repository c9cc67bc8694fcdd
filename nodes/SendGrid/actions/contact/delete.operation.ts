import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { itemEmailProperty } from '../../../shared/contactInput/properties';
import { optionsCollection } from '../../../shared/options';
import type { BulkOperation } from '../../../shared/router';
import type { ChunkVerdict, ContactOutcome, HttpClient } from '../../../shared/types';
import { byEmailDefaults } from '../../limits';
import type { Lookup } from '../../lookup';
import { DEFAULT_MAX_WAIT_MINUTES } from '../options';

import { getOutcome, searchOperation } from './byEmail';
import { deleteGroup, idGroups, type DeleteWait } from './deleteJob';

const waitOptions: INodeProperties[] = [
	{
		displayName: 'Wait for Deletion to Finish',
		name: 'waitForDeletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until SendGrid has processed each delete job and then look the contacts up again, reporting "deleted" only for contacts that are gone. Off: each contact reports "queued" with its job ID as soon as SendGrid accepts the request.',
	},
	{
		displayName: 'Max Wait (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: DEFAULT_MAX_WAIT_MINUTES,
		description: 'With Wait for Deletion to Finish: how long to wait for one job before reporting its contacts as "queued"',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['delete'] } }, [
	itemEmailProperty('The contact to delete (its primary email)'),
	{
		displayName:
			'Deleting and re-adding a SendGrid contact counts against your plan\'s monthly contact additions: to take someone off a list, use Contact List → Remove Contacts instead. SendGrid deletes by contact ID, so each 100 emails are looked up first (1 search + 1 delete request); an email with no contact reports "not_found". Deleting is safe to repeat.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	optionsCollection(byEmailDefaults, waitOptions),
]);

function readWait(options: IDataObject): DeleteWait {
	const minutes = typeof options.maxWaitMinutes === 'number' && options.maxWaitMinutes > 0 ? options.maxWaitMinutes : DEFAULT_MAX_WAIT_MINUTES;
	return { wait: options.waitForDeletion === true, maxWaitMs: Math.round(minutes * 60_000) };
}

/**
 * Only a contact whose primary email is the one searched is deleted: search/emails also matches
 * alternate emails, and deleting that contact would erase someone else's record.
 */
function toDelete(email: string, lookup: Lookup | undefined): string | ContactOutcome {
	if (lookup?.kind !== 'found') return getOutcome(lookup);
	if (String(lookup.contact.email ?? '').toLowerCase() !== email) {
		return { status: 'not_found', id: lookup.contact.id, errorMessage: `No contact has this primary email; contact ${lookup.contact.id} (${String(lookup.contact.email)}) has it as an alternate email and was not deleted` };
	}
	return lookup.contact.id;
}

async function deleteChunk(emails: string[], results: Map<string, Lookup>, http: HttpClient, wait: DeleteWait): Promise<ChunkVerdict> {
	const settled = new Map<string, ContactOutcome>();
	const ids = new Map<string, string>();
	for (const email of emails) {
		const decided = toDelete(email, results.get(email));
		if (typeof decided === 'string') ids.set(email, decided);
		else settled.set(email, decided);
	}
	const byId = new Map([...ids].map(([email, id]) => [id, email]));
	for (const group of idGroups([...ids.values()])) {
		const outcomes = await deleteGroup(new Map(group.map((id) => [byId.get(id)!, id])), http, wait);
		for (const [email, outcome] of outcomes) settled.set(email, outcome);
	}
	return { kind: 'outcomes', outcomes: emails.map((email) => settled.get(email) ?? { status: 'failed', errorCode: 'NOT_SENT', errorMessage: 'no outcome recorded' }) };
}

/** Lookup (100 per search), then DELETE /v3/marketing/contacts?ids=… for the contacts found: async, 202 + job_id. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<string>> {
	const wait = readWait(this.getNodeParameter('options', 0, {}) as IDataObject);
	return await searchOperation(this, async (emails, results, http) => await deleteChunk(emails, results, http, wait));
}
