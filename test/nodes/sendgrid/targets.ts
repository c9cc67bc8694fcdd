/**
 * This node's operations as reliability targets (test/reliability): how to run each one, what its
 * write requests look like and how its emulator tells a stored contact.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { bedOf, type Target } from '../../reliability/bed';
import * as sendgrid from './setup';

function sendGridTarget(name: string, operation: 'upsert' | 'addContacts'): Target {
	const parameters = (options: IDataObject): INodeParameters =>
		operation === 'upsert'
			? sendgrid.upsertParams({ waitForImport: true, ...options })
			: sendgrid.addParams([sendgrid.DEFAULTS.lists.customers.id], { waitForImport: true, ...options });
	return {
		name: `SendGrid ${name}`,
		idempotent: true,
		mapsFields: operation === 'upsert',
		maxContacts: 30_000,
		maxBytes: 6_000_000,
		write: { method: 'PUT', path: '/v3/marketing/contacts' },
		contact: (i, prefix = 'person') => ({ email: `${prefix}-${i}@example.com`, first_name: `P${i}` }),
		errorBody: (message) => ({ errors: [{ field: null, message }] }),
		fields: { name: 'first_name', number: 'lifetime_value', date: 'signup_date', maxString: 50 },
		async open() {
			const bed = await sendgrid.testbed({ jobDelayMs: 20 });
			return bedOf(bed, {
				nodeType: sendgrid.NODE_TYPE,
				apiKey: sendgrid.DEFAULTS.apiKey,
				parameters,
				credentials: (override) => ({ sendGridMarketingApi: { ...bed.credentials()?.sendGridMarketingApi, ...override } }),
				isWrite: (entry) => entry.method === 'PUT' && entry.path === '/v3/marketing/contacts',
				holds: (email) => bed.emulator.store.findByEmail(email) !== undefined,
			});
		},
	};
}

export const targets: Target[] = [
	sendGridTarget('contact.upsert', 'upsert'),
	sendGridTarget('contactList.addContacts', 'addContacts'),
];
