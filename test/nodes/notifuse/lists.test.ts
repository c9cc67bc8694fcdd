import type { INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';

import { DEFAULTS, items, params, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

describe('Notifuse node: Contact List → Add Contacts, editor methods and credential test', () => {
	const bed = useTestbed(testbed);

	const lists = [DEFAULTS.lists.newsletter.id, DEFAULTS.lists.customers.id];
	const membership = (email: string, listId: string) =>
		bed.emulator.store.workspaces.get(DEFAULTS.workspace.id)?.memberships.get(email)?.get(listId)?.status;

	it('subscribes 1,200 contacts to two lists in 3 import requests after one list check', async () => {
		const result = await bed.run(params('contactList', 'addContacts', { listIds: lists }), people(1200, 'member'));
		expect(result.error).toBeUndefined();
		expect(statuses(result).every((status) => status === 'added')).toBe(true);
		expect(result.outputs[0][0].json).toMatchObject({ email: 'member-0@example.com', contactAction: 'created', listIds: lists });
		expect(bed.requests('/api/lists.list')).toHaveLength(1);
		expect(bed.requests('/api/contacts.import').map((entry) => entry.contacts)).toEqual([500, 500, 200]);
		expect(membership('member-1199@example.com', DEFAULTS.lists.customers.id)).toBe('active');
	});

	it('takes list ids from an expression and reports updated contacts', async () => {
		// The contacts exist already: this test starts from a reset emulator, so it stores them itself.
		await bed.run(params('contact', 'import'), people(2, 'member'));
		const result = await bed.run(
			params('contactList', 'addContacts', { listIds: `={{ "${DEFAULTS.lists.updates.id}" }}` }),
			people(2, 'member'),
		);
		expect(result.outputs[0].map((item) => item.json.contactAction)).toEqual(['updated', 'updated']);
		expect(membership('member-0@example.com', DEFAULTS.lists.updates.id)).toBe('active');
	});

	it('fails every item with LIST_NOT_FOUND for an unknown list and sends no contacts', async () => {
		const result = await bed.run(
			params('contactList', 'addContacts', { listIds: [DEFAULTS.lists.newsletter.id, 'ghost'] }),
			people(4, 'ghost'),
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[1]).toHaveLength(4);
		expect(result.outputs[1][0].json.error).toBe(`Item 0 (ghost-0@example.com): List not found in workspace ${DEFAULTS.workspace.id}: ghost`);
		expect(bed.requests('/api/contacts.import')).toHaveLength(0);
	});

	it('refuses to run when the list expression is empty', async () => {
		const result = await bed.run(params('contactList', 'addContacts', { listIds: '={{ [] }}' }), items([{ email: 'x@example.com' }]));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Choose at least one list to add the contacts to');
		expect(bed.requests()).toHaveLength(0);
	});

	it('loads the workspace lists for the multi-select', async () => {
		const options = await bed.harness.callMethod<INodePropertyOptions[]>({
			nodeType: 'notifuse',
			kind: 'loadOptions',
			method: 'getLists',
			parameters: params('contactList', 'addContacts', { listIds: [] }),
			credentials: bed.credentials(),
		});
		expect(options.map((option) => option.value).sort()).toEqual(
			[DEFAULTS.lists.customers.id, DEFAULTS.lists.newsletter.id, DEFAULTS.lists.updates.id].sort(),
		);
		expect(options.find((option) => option.value === 'newsletter')?.name).toBe('Newsletter (newsletter)');
	});

	it('offers every contact field for column mapping, custom slots labelled by the workspace', async () => {
		const mapped = await bed.harness.callMethod<ResourceMapperFields>({
			nodeType: 'notifuse',
			kind: 'resourceMapping',
			method: 'getContactFields',
			parameters: params('contact', 'import'),
			credentials: bed.credentials(),
		});
		expect(mapped.fields).toHaveLength(1 + 13 + 20);
		expect(mapped.fields[0]).toMatchObject({ id: 'email', required: true, defaultMatch: true });
		const byId = new Map(mapped.fields.map((field) => [field.id, field]));
		expect(byId.get('custom_string_1')?.displayName).toBe('Company (custom_string_1)');
		expect(byId.get('custom_number_1')).toMatchObject({ displayName: 'Lifetime value (custom_number_1)', type: 'number' });
		// Text, not n8n's `object` (which rejects the arrays Notifuse stores) nor `dateTime` (which reads a zone-less value in the instance's zone).
		expect(byId.get('custom_json_5')).toMatchObject({ displayName: 'Custom JSON 5', type: 'string' });
		expect(byId.get('custom_datetime_1')).toMatchObject({ displayName: 'Signed up (custom_datetime_1) — no time zone means UTC', type: 'string' });
	});

	it('reports the Notifuse message when an editor method hits a missing workspace', async () => {
		await expect(
			bed.harness.callMethod({
				nodeType: 'notifuse',
				kind: 'loadOptions',
				method: 'getLists',
				parameters: params('contactList', 'addContacts', { workspaceId: 'ws_missing', listIds: [] }),
				credentials: bed.credentials(),
			}),
		).rejects.toThrow(/^Notifuse refused the request \(HTTP 500: Failed to get lists\)\. .*"ws_missing"/);
	});

	it('tests the credential against key and workspace', async () => {
		const good = await bed.harness.testCredential('notifuseApi', bed.credentials()?.notifuseApi ?? {});
		expect(good.ok).toBe(true);
		const badKey = await bed.harness.testCredential('notifuseApi', { ...bed.credentials()?.notifuseApi, apiKey: 'nope' });
		expect(badKey).toMatchObject({ ok: false, status: 401 });
		const badWorkspace = await bed.harness.testCredential('notifuseApi', { ...bed.credentials()?.notifuseApi, workspaceId: 'ws_missing' });
		expect(badWorkspace).toMatchObject({ ok: false, status: 404 });
		const trailingSlash = await bed.harness.testCredential('notifuseApi', {
			...bed.credentials()?.notifuseApi,
			baseUrl: `${bed.emulator.credentialBaseUrl}/`,
		});
		expect(trailingSlash.ok).toBe(true);
	});
});
