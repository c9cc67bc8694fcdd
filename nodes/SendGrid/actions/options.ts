import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/options';
import { upsertDefaults } from '../limits';

export const DEFAULT_MAX_WAIT_MINUTES = 10;

/** Options of both operations about SendGrid's asynchronous import jobs. */
export const jobOptionFields: INodeProperties[] = [
	{
		displayName: 'Wait for Import to Finish',
		name: 'waitForImport',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until SendGrid has processed each import job and report per contact whether it was stored (or why not), from the job\'s error file and, where that does not account for every rejected contact, a lookup of those contacts. A contact neither can settle reports "unknown" with the reason. Off: each contact reports "queued" with its job ID as soon as SendGrid accepts the request.',
	},
	{
		displayName: 'Max Wait (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: DEFAULT_MAX_WAIT_MINUTES,
		description: 'With Wait for Import to Finish: how long to wait for one job before reporting its contacts as "queued"',
	},
];

export function readJobOptions(options: IDataObject): { wait: boolean; maxWaitMs: number } {
	const minutes = typeof options.maxWaitMinutes === 'number' && options.maxWaitMinutes > 0 ? options.maxWaitMinutes : DEFAULT_MAX_WAIT_MINUTES;
	return { wait: options.waitForImport === true, maxWaitMs: Math.round(minutes * 60_000) };
}

/** The Options collection of both operations: delivery settings plus the import-job settings. */
export const upsertOptions: INodeProperties = optionsCollection(upsertDefaults, jobOptionFields);
