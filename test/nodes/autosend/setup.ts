import type { INodeParameters } from 'n8n-workflow';

import { DEFAULTS, start, type AutoSendEmulatorOptions } from '../../emulators/autosend';
import { AUTOSEND } from '../../providers';
import { openTestbed, peopleWith, type Testbed } from '../kit';

export { countBy, items, statuses } from '../kit';
export { DEFAULTS };

export type Emulator = Awaited<ReturnType<typeof start>>;

export const NODE_TYPE = AUTOSEND.nodeType;

export interface AutoSendTestbed extends Testbed<Emulator> {
	/** API requests (not emulator control calls), optionally only those to one path. */
	requests(path?: string): Emulator['log'];
}

/** Harness over the built package plus a fresh emulator; `rateLimit: false` unless a test asks. */
export async function testbed(options: AutoSendEmulatorOptions = {}): Promise<AutoSendTestbed> {
	const bed = await openTestbed(AUTOSEND, async () => await start({ rateLimit: false, ...options }), {
		credential: 'dist/credentials/AutoSendApi.credentials.js',
		node: 'dist/nodes/AutoSend/AutoSend.node.js',
	});
	return { ...bed, requests: (path) => bed.emulator.log.filter((entry) => entry.path.startsWith(`/v1${path ?? '/'}`)) };
}

export type ContactOperation = 'create' | 'upsert' | 'bulkUpdate';

/** The full parameter set of a contact operation in auto-map mode (the harness fills no defaults). */
export function contactParams(operation: ContactOperation, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'contact',
		operation,
		fieldsInput: 'columns',
		columns: { mappingMode: 'autoMapInputData', value: null },
		runWorkflow: false,
		// Pacing off for speed; the rate-limit test turns it back on.
		options: { requestsPerSecond: 0 },
		...extra,
	};
}

export function addParams(listId: string, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'contactList',
		operation: 'addContacts',
		list: { __rl: true, mode: 'id', value: listId },
		email: '={{ $json.email }}',
		// Pacing off for speed; the rate-limit test turns it back on.
		options: { requestsPerSecond: 0 },
		...extra,
	};
}

/** `count` distinct contacts, emails `prefix-<i>@example.com`. */
export const people = peopleWith((i) => ({ firstName: `First ${i}` }));
