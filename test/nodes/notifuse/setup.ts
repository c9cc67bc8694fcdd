import type { INodeParameters } from 'n8n-workflow';

import { DEFAULTS, start, type NotifuseEmulatorOptions } from '../../emulators/notifuse';
import { NOTIFUSE } from '../../providers';
import { openTestbed, peopleWith, type Testbed } from '../kit';

export { countBy, items, statuses } from '../kit';
export { DEFAULTS };

export type Emulator = Awaited<ReturnType<typeof start>>;

export const NODE_TYPE = NOTIFUSE.nodeType;

export interface NotifuseTestbed extends Testbed<Emulator> {
	/** API requests (not emulator control calls) to a path since the last reset. */
	requests(path?: string): Emulator['log'];
}

/** Harness over the built package plus a fresh emulator; `rateLimit: false` unless a test asks. */
export async function testbed(options: NotifuseEmulatorOptions = {}): Promise<NotifuseTestbed> {
	const bed = await openTestbed(NOTIFUSE, async () => await start({ rateLimit: false, ...options }), {
		credential: 'dist/credentials/NotifuseApi.credentials.js',
		node: 'dist/nodes/Notifuse/Notifuse.node.js',
	});
	return { ...bed, requests: (path) => bed.emulator.log.filter((entry) => entry.path.startsWith(path ?? '/api/')) };
}

/** The full parameter set of an operation in auto-map mode (the harness fills no defaults). */
export function params(
	resource: 'contact' | 'contactList',
	operation: 'import' | 'upsert' | 'addContacts',
	extra: INodeParameters = {},
): INodeParameters {
	return {
		resource,
		operation,
		workspaceId: '',
		fieldsInput: 'columns',
		columns: { mappingMode: 'autoMapInputData', value: null },
		options: {},
		...extra,
	};
}

/** `count` distinct contacts, emails `prefix-<i>@example.com`. */
export const people = peopleWith((i) => ({ first_name: `First ${i}` }));
