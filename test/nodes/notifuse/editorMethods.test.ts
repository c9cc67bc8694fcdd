import type { INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';

import { useTestbed } from '../kit';
import { DEFAULTS, params, testbed } from './setup';

/**
 * What the editor shows for a failing editor method (n8n 2.41.1 editor-ui): a loadOptions error as its
 * message; a resourceMapping error not at all (getResourceMapperFields catches it → "No fields found …
 * Retry"), so the mapper answers no fields and an `emptyFieldsNotice`. Notifuse answers 401 for an
 * unknown token and, for a workspace the key's user is not a member of, 500 "Failed to get lists" /
 * "Failed to get workspace" (Notifuse internal/http/list_handler.go, workspace_handler.go;
 * test/emulators/notifuse/routes).
 */
describe('Notifuse editor methods: credential problems in words, email pre-mapped', () => {
	const bed = useTestbed(testbed);
	const wrongKey = { apiKey: 'not-a-key' };

	const lists = async (overrides = {}, workspaceId = '') =>
		await bed.harness.callMethod<INodePropertyOptions[]>({
			nodeType: 'notifuse', kind: 'loadOptions', method: 'getLists', credentials: bed.credentials(overrides),
			parameters: params('contactList', 'addContacts', { workspaceId, listIds: [] }),
		});
	const fields = async (overrides = {}, workspaceId = '') =>
		await bed.harness.callMethod<ResourceMapperFields>({
			nodeType: 'notifuse', kind: 'resourceMapping', method: 'getContactFields', credentials: bed.credentials(overrides),
			parameters: params('contact', 'upsert', { workspaceId }),
		});
	const failure = async (call: Promise<unknown>) => await call.then(() => undefined, (thrown: unknown) => thrown as Error & { httpCode?: string });

	it('a wrong key: the list picker throws a NodeApiError naming Notifuse, 401 and what to do', async () => {
		const error = await failure(lists(wrongKey));
		expect(error?.constructor.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('401');
		expect(error?.message).toMatch(/^Notifuse rejected the API key \(HTTP 401: Invalid token: .*\)\./);
		expect(error?.message).toMatch(/paste a valid Notifuse API key/);
	}, 60_000);

	it('a workspace the key cannot read: the list picker names the workspace and what to check', async () => {
		const error = await failure(lists({}, DEFAULTS.foreignWorkspace.id));
		expect(error?.message).toMatch(/^Notifuse refused the request \(HTTP 500: Failed to get lists\)\./);
		expect(error?.message).toContain(DEFAULTS.foreignWorkspace.id);
		expect(error?.message).toMatch(/member of the workspace/);
		// An access answer is not retried (Notifuse answers it as a 500, which reads otherwise resend).
		expect(bed.requests('/api/lists.list')).toHaveLength(1);
	}, 60_000);

	it('the column mapper answers no fields and a notice with the same words', async () => {
		const wrong = await fields(wrongKey);
		expect(wrong.fields).toEqual([]);
		expect(wrong.emptyFieldsNotice).toMatch(/Notifuse rejected the API key \(HTTP 401: /);
		const foreign = await fields({}, DEFAULTS.foreignWorkspace.id);
		expect(foreign.emptyFieldsNotice).toMatch(/Notifuse refused the request \(HTTP 500: Failed to get workspace\)\..*member of the workspace/);
	}, 60_000);

	it('a good key still lists lists and fields, with Email pre-mapped to the item email', async () => {
		expect((await lists()).length).toBeGreaterThan(0);
		const mapping = await fields();
		expect(mapping.emptyFieldsNotice).toBeUndefined();
		expect(mapping.fields.find((field) => field.id === 'email')).toMatchObject({ defaultMatch: true, defaultValue: '={{ $json.email }}' });
		expect(mapping.fields.filter((field) => field.defaultValue !== undefined).map((field) => field.id)).toEqual(['email']);
	}, 60_000);
});
