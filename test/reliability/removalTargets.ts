import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { parseContact } from '../emulators/notifuse/contactParser';
import * as autosend from '../nodes/autosend/setup';
import * as notifuse from '../nodes/notifuse/setup';

import { bedOf, type Target } from './bed';

/** Members the fault cases remove: `person-<i>@example.com` as itemsOf makes them. */
const MEMBERS = 100;
const member = (i: number) => `person-${i}@example.com`;

/**
 * Contact List → Remove Contacts under the fault matrix. Every reset puts the members back on the
 * list, so a run has something to remove; `holds` reads "the provider agrees": the contact is off it.
 * (SendGrid's removal carries contact ids in its URL, not emails, which the matrix's success checks
 * read from request bodies: it is covered by test/nodes/sendgrid/removeContacts.test.ts instead.)
 */
function autoSendRemoval(): Target {
	const listId = autosend.DEFAULTS.lists.customers.id;
	const write = `/v1/contact-lists/${listId}/contacts/remove`;
	return {
		name: 'AutoSend contactList.removeContacts',
		idempotent: true,
		mapsFields: false,
		maxContacts: 500,
		write: { method: 'POST', path: write },
		contact: (i, prefix = 'person') => ({ email: `${prefix}-${i}@example.com` }),
		errorBody: (message) => ({ success: false, error: { message, code: 'BAD_REQUEST' } }),
		fields: { name: 'email', maxString: 254 },
		async open() {
			const bed = await autosend.testbed();
			const seed = () => {
				for (let i = 0; i < MEMBERS; i++) bed.emulator.store.upsertContact({ email: member(i), listIds: [listId] });
			};
			seed();
			const opened = bedOf(bed, {
				nodeType: autosend.NODE_TYPE,
				apiKey: autosend.DEFAULTS.apiKey,
				parameters: (options: IDataObject): INodeParameters => ({
					resource: 'contactList',
					operation: 'removeContacts',
					list: { __rl: true, mode: 'id', value: listId },
					email: '={{ $json.email }}',
					options: { requestsPerSecond: 0, ...options } as INodeParameters,
				}),
				credentials: (override) => bed.credentials({ ...override }),
				isWrite: (entry) => entry.path === write,
				holds: (email) => !(bed.emulator.store.findContact(email)?.listIds.has(listId) ?? false),
			});
			return { ...opened, reset: async () => (await opened.reset(), seed()) };
		},
	};
}

function notifuseRemoval(): Target {
	const listId = notifuse.DEFAULTS.lists.newsletter.id;
	const write = '/api/contactLists.removeContact';
	return {
		name: 'Notifuse contactList.removeContacts',
		idempotent: true,
		mapsFields: false,
		maxContacts: 1,
		write: { method: 'POST', path: write },
		contact: (i, prefix = 'person') => ({ email: `${prefix}-${i}@example.com` }),
		errorBody: (message) => ({ error: message }),
		fields: { name: 'email', maxString: 255 },
		async open() {
			const bed = await notifuse.testbed();
			const workspace = () => bed.emulator.store.workspaces.get(notifuse.DEFAULTS.workspace.id)!;
			const seed = () => {
				const now = Date.now();
				for (let i = 0; i < MEMBERS; i++) {
					const parsed = parseContact({ email: member(i) });
					if (parsed.ok) workspace().importContact(parsed.contact, now);
					workspace().setMembership(member(i), listId, 'active', now);
				}
			};
			seed();
			const opened = bedOf(bed, {
				nodeType: notifuse.NODE_TYPE,
				apiKey: notifuse.DEFAULTS.apiKey,
				parameters: (options: IDataObject): INodeParameters => ({
					resource: 'contactList',
					operation: 'removeContacts',
					workspaceId: '',
					listId,
					email: '={{ $json.email }}',
					options: options as INodeParameters,
				}),
				credentials: (override) => bed.credentials({ ...override }),
				isWrite: (entry) => entry.path === write,
				holds: (email) => {
					const membership = workspace().memberships.get(email)?.get(listId);
					return membership === undefined || membership.deletedAt !== undefined;
				},
			});
			return { ...opened, reset: async () => (await opened.reset(), seed()) };
		},
	};
}

export const REMOVAL_TARGETS: Target[] = [autoSendRemoval(), notifuseRemoval()];
