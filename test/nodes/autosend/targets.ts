/**
 * This node's operations as reliability targets (test/reliability): how to run each one, what its
 * write requests look like and how its emulator tells a stored contact.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { bedOf, type Target } from '../../reliability/bed';
import * as autosend from './setup';

function autoSendTarget(
	name: string,
	operation: 'create' | 'upsert' | 'bulkUpdate' | 'addContacts',
	write: string,
	maxContacts: number,
	idempotent = true,
): Target {
	const parameters = (options: IDataObject): INodeParameters =>
		operation === 'addContacts'
			? autosend.addParams(autosend.DEFAULTS.lists.customers.id, { options: { requestsPerSecond: 0, ...options } })
			: autosend.contactParams(operation, { options: { requestsPerSecond: 0, ...options } });
	return {
		name: `AutoSend ${name}`,
		idempotent,
		mapsFields: operation !== 'addContacts',
		maxContacts,
		write: { method: 'POST', path: write },
		contact: (i, prefix = 'person') => ({ email: `${prefix}-${i}@example.com`, firstName: `First ${i}` }),
		errorBody: (message) => ({ success: false, error: { message, code: 'BAD_REQUEST' } }),
		fields: { name: 'firstName', number: 'loginCount', boolean: 'isPremium', date: 'trialEndsAt', maxString: 255 },
		async open() {
			const bed = await autosend.testbed();
			return bedOf(bed, {
				nodeType: autosend.NODE_TYPE,
				apiKey: autosend.DEFAULTS.apiKey,
				parameters,
				credentials: (override) => bed.credentials({ ...override }),
				isWrite: (entry) => entry.path === write,
				holds: (email) => bed.emulator.store.findContact(email) !== undefined,
			});
		},
	};
}

export const targets: Target[] = [
	autoSendTarget('contact.create', 'create', '/v1/contacts', 1, false),
	autoSendTarget('contact.upsert', 'upsert', '/v1/contacts/email', 1),
	autoSendTarget('contact.bulkUpdate', 'bulkUpdate', '/v1/contacts/bulk-update', 100),
	autoSendTarget('contactList.addContacts', 'addContacts', '/v1/contact-lists/contacts/bulk-add', 500),
];
