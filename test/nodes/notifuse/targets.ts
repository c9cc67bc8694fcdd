/**
 * This node's operations as reliability targets (test/reliability): how to run each one, what its
 * write requests look like and how its emulator tells a stored contact.
 */
import type { INodeParameters } from 'n8n-workflow';

import { bedOf, type Target } from '../../reliability/bed';
import * as notifuse from './setup';

function notifuseTarget(name: string, resource: 'contact' | 'contactList', operation: 'import' | 'upsert' | 'addContacts', write: string, maxContacts: number): Target {
	const extra: INodeParameters = operation === 'addContacts' ? { listIds: [notifuse.DEFAULTS.lists.newsletter.id] } : {};
	return {
		name: `Notifuse ${name}`,
		idempotent: true,
		mapsFields: true,
		maxContacts,
		write: { method: 'POST', path: write },
		contact: (i, prefix = 'person') => ({ email: `${prefix}-${i}@example.com`, first_name: `First ${i}` }),
		errorBody: (message) => ({ error: message }),
		fields: { name: 'first_name', number: 'custom_number_1', date: 'custom_datetime_1', maxString: 255 },
		async open() {
			const bed = await notifuse.testbed();
			return bedOf(bed, {
				nodeType: notifuse.NODE_TYPE,
				apiKey: notifuse.DEFAULTS.apiKey,
				parameters: (options) => notifuse.params(resource, operation, { ...extra, options: options as INodeParameters }),
				credentials: (override) => bed.credentials({ ...override }),
				isWrite: (entry) => entry.path === write,
				holds: (email) => bed.emulator.store.workspaces.get(notifuse.DEFAULTS.workspace.id)?.contacts.has(email) === true,
			});
		},
	};
}

export const targets: Target[] = [
	notifuseTarget('contact.import', 'contact', 'import', '/api/contacts.import', 5000),
	notifuseTarget('contact.upsert', 'contact', 'upsert', '/api/contacts.upsert', 1),
	notifuseTarget('contactList.addContacts', 'contactList', 'addContacts', '/api/contacts.import', 5000),
];
