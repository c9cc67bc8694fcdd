import type { INodeParameters } from 'n8n-workflow';

import { DEFAULTS, start, type SendGridEmulatorOptions } from '../../emulators/sendgrid';
import type { RunOptions } from '../../harness';
import { SENDGRID } from '../../providers';
import { openTestbed, peopleWith, type Testbed } from '../kit';

export { countBy, statuses } from '../kit';
export { DEFAULTS };

export type Emulator = Awaited<ReturnType<typeof start>>;

export const NODE_TYPE = SENDGRID.nodeType;

export interface SendGridTestbed extends Omit<Testbed<Emulator>, 'credentials'> {
	credentials(apiKey?: string): RunOptions['credentials'];
	/** Logged API requests to exactly this method + path. */
	requests(method: string, path: string): Emulator['log'];
}

/** The built package in n8n's engine plus a fresh SendGrid emulator (rate limiting off unless asked). */
export async function testbed(options: SendGridEmulatorOptions = {}): Promise<SendGridTestbed> {
	const bed = await openTestbed(SENDGRID, async () => await start({ rateLimit: false, jobDelayMs: 50, ...options }));
	return {
		...bed,
		credentials: (apiKey) => bed.credentials(apiKey === undefined ? {} : { apiKey }),
		requests: (method, path) => bed.emulator.log.filter((entry) => entry.method === method && entry.path === path),
	};
}

/** Full parameter set of Contact → Create or Update in auto-map mode (the harness fills no defaults). */
export function upsertParams(options: Record<string, unknown> = {}, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'contact',
		operation: 'upsert',
		fieldsInput: 'columns',
		columns: { mappingMode: 'autoMapInputData', value: null },
		listIds: [],
		options: options as INodeParameters,
		...extra,
	};
}

export function addParams(listIds: string[], options: Record<string, unknown> = {}): INodeParameters {
	return { resource: 'contactList', operation: 'addContacts', listIds, email: '={{ $json.email }}', options: options as INodeParameters };
}

export const people = peopleWith((i) => ({ first_name: `P${i}` }));
