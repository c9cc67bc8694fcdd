import { DEFAULTS as NOTIFUSE } from '../../emulators/notifuse';
import { countBy, outputOf, pairedInOrder, requestsTo } from '../check';
import { credentialRef } from '../credentials';
import type { E2eCase, Emulators } from '../types';
import { generate, node, trigger, workflow } from '../workflow';

/** Ten emails; the even ones are stored before the run, so every run meets found and not_found. */
const TEN = `return Array.from({ length: 10 }, (_, i) => ({ email: 'gd-' + i + '@example.com' }));`;
const even = (i: number) => `gd-${i * 2}@example.com`;

interface Provider {
	word: string;
	label: string;
	type: string;
	credentials: ReturnType<typeof credentialRef>;
	extra: Record<string, unknown>;
	store(emulators: Emulators): void;
	/** Whether the emulator still holds a contact with this email (the emulators are shared by every case). */
	holds(emulators: Emulators, email: string): boolean;
	getPath: string;
	getRequests: number;
	deleteStatus: string;
}

const providers: Provider[] = [
	{
		word: 'AutoSend',
		label: 'AutoSend',
		type: 'autoSend',
		credentials: credentialRef('autosend', 'autoSendApi'),
		extra: { options: { requestsPerSecond: 0 } },
		store: (e) => [0, 1, 2, 3, 4].forEach((i) => e.autosend.store.upsertContact({ email: even(i) })),
		holds: (e, email) => e.autosend.store.findContact(email) !== undefined,
		getPath: '/v1/contacts/search/emails',
		getRequests: 1,
		deleteStatus: 'deleted',
	},
	{
		word: 'Notifuse',
		label: 'Notifuse',
		type: 'notifuse',
		credentials: credentialRef('notifuse', 'notifuseApi'),
		extra: { workspaceId: '', options: {} },
		store: (e) => {
			const ws = e.notifuse.store.workspaces.get(NOTIFUSE.workspace.id)!;
			[0, 1, 2, 3, 4].forEach((i) => ws.upsertContact({ email: even(i), values: new Map() }, Date.now()));
		},
		holds: (e, email) => e.notifuse.store.workspaces.get(NOTIFUSE.workspace.id)!.contacts.has(email),
		getPath: '/api/contacts.getByEmail',
		getRequests: 10,
		deleteStatus: 'deleted',
	},
	{
		word: 'SendGrid',
		label: 'SendGrid Contacts',
		type: 'sendGridContacts',
		credentials: credentialRef('sendgrid', 'sendGridMarketingApi'),
		extra: { options: { waitForDeletion: true } },
		store: (e) => {
			const now = new Date().toISOString();
			[0, 1, 2, 3, 4].forEach((i) => e.sendgrid.store.upsert({ index: i, identifiers: { email: even(i) }, fields: {}, custom_fields: {} }, [], now, true));
		},
		holds: (e, email) => e.sendgrid.store.findByEmail(email) !== undefined,
		getPath: '/v3/marketing/contacts/search/emails',
		getRequests: 1,
		deleteStatus: 'deleted',
	},
];

function caseFor(p: Provider, operation: 'get' | 'delete'): E2eCase {
	const name = `${p.word} ${operation === 'get' ? 'Get' : 'Delete'}`;
	return {
		name: `${p.word} contact ${operation} (byEmail): 10 emails, 5 stored → ${operation === 'get' ? 'found' : p.deleteStatus} or not_found, in order`,
		workflow: workflow(`e2e${p.word}${operation}`, name, [
			trigger(),
			generate('Emails', TEN),
			node(p.label, p.type, { resource: 'contact', operation, email: '={{ $json.email }}', ...p.extra }, { credentials: p.credentials }),
		], [['Start', 'Emails'], ['Emails', p.label]]),
		before: (emulators) => p.store(emulators),
		check(run, checks, { emulators }) {
			const out = outputOf(run, p.label);
			const hit = operation === 'get' ? 'found' : p.deleteStatus;
			checks.equal(countBy(out, 'status'), { [hit]: 5, not_found: 5 }, 'statuses');
			checks.equal(out[0]?.json.status, hit, 'the first (stored) email');
			checks.that(pairedInOrder(out), 'paired in order');
			if (operation === 'get') checks.equal(requestsTo(emulators[p.word.toLowerCase() as keyof Emulators], p.getPath).length, p.getRequests, 'lookup requests');
			else checks.equal([0, 1, 2, 3, 4].filter((i) => p.holds(emulators, even(i))), [], 'the stored contacts are gone');
		},
	};
}

export function getDeleteCases(): E2eCase[] {
	return providers.flatMap((p) => [caseFor(p, 'get'), caseFor(p, 'delete')]);
}
