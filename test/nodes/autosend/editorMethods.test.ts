import type { INodeListSearchResult, INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';

import { useTestbed } from '../kit';
import { addParams, contactParams, DEFAULTS, testbed } from './setup';

/**
 * What the editor shows for a failing editor method (n8n 2.41.1 editor-ui): a listSearch error is
 * shown as its httpCode, message and description (ResourceLocator errorDetails); a resourceMapping
 * error is dropped (getResourceMapperFields catches it → "No fields found … Retry"), so the mapper
 * answers no fields and an `emptyFieldsNotice`. The emulator answers 401 UNAUTHORIZED for an unknown
 * key and 403 FORBIDDEN "API key does not have access to this project" for an account key naming
 * another project (AutoSend API auth docs; test/emulators/autosend/auth.ts).
 */
describe('AutoSend editor methods: credential problems in words, email pre-mapped', () => {
	const bed = useTestbed(testbed);
	const wrongKey = { apiKey: 'AS_wrong' };
	const otherProject = { apiKey: DEFAULTS.accountApiKey, projectId: '65f0c0ffee00000000000999' };

	const search = async (overrides = {}) =>
		await bed.harness.callMethod<INodeListSearchResult>({
			nodeType: 'autoSend', kind: 'listSearch', method: 'searchLists', credentials: bed.credentials(overrides), parameters: addParams(''), args: [''],
		});
	const fields = async (overrides = {}) =>
		await bed.harness.callMethod<ResourceMapperFields>({
			nodeType: 'autoSend', kind: 'resourceMapping', method: 'getContactFields', credentials: bed.credentials(overrides), parameters: contactParams('upsert'),
		});
	const failure = async (call: Promise<unknown>) => await call.then(() => undefined, (thrown: unknown) => thrown as Error & { httpCode?: string; description?: string });

	it('a wrong key: the list search throws a NodeApiError naming AutoSend, 401 and what to do', async () => {
		const error = await failure(search(wrongKey));
		expect(error?.constructor.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('401');
		expect(error?.message).toMatch(/^AutoSend rejected the API key \(HTTP 401: Unauthorized\)\./);
		expect(error?.message).toMatch(/paste a valid AutoSend API key/);
		expect(error?.message).not.toContain('AS_wrong');
	}, 60_000);

	it('an account key for another project: the list search says 403 and to check the Project ID', async () => {
		const error = await failure(search(otherProject));
		expect(error?.httpCode).toBe('403');
		expect(error?.message).toMatch(/^AutoSend refused access \(HTTP 403: API key does not have access to this project\)\./);
		expect(error?.message).toMatch(/Project ID/);
	}, 60_000);

	it('the column mapper answers no fields and a notice with the same words', async () => {
		const wrong = await fields(wrongKey);
		expect(wrong.fields).toEqual([]);
		expect(wrong.emptyFieldsNotice).toMatch(/AutoSend rejected the API key \(HTTP 401: Unauthorized\)\./);
		const limited = await fields(otherProject);
		expect(limited.emptyFieldsNotice).toMatch(/AutoSend refused access \(HTTP 403: .*\)\..*Project ID/);
	}, 60_000);

	it('a good key still lists lists and fields, with Email pre-mapped to the item email', async () => {
		expect((await search()).results.length).toBeGreaterThan(0);
		const mapping = await fields();
		expect(mapping.emptyFieldsNotice).toBeUndefined();
		expect(mapping.fields.find((field) => field.id === 'email')).toMatchObject({ defaultMatch: true, defaultValue: '={{ $json.email }}' });
		expect(mapping.fields.filter((field) => field.defaultValue !== undefined).map((field) => field.id)).toEqual(['email']);
	}, 60_000);

	it('Set Fields offers the project custom fields by name, each with its type, as a dropdown', async () => {
		const options = await bed.harness.callMethod<INodePropertyOptions[]>({
			nodeType: 'autoSend', kind: 'loadOptions', method: 'getCustomFields', credentials: bed.credentials(),
			parameters: contactParams('upsert', { fieldsInput: 'fields' }),
		});
		// The stored value stays the field name, as typed by hand before; the description says which Type to pick.
		expect(options).toEqual([
			{ name: 'company (string)', value: 'company', description: 'String custom field: set Type to String' },
			{ name: 'isPremium (boolean)', value: 'isPremium', description: 'Boolean custom field: set Type to Boolean' },
			{ name: 'loginCount (number)', value: 'loginCount', description: 'Number custom field: set Type to Number' },
			{ name: 'plan (string)', value: 'plan', description: 'String custom field: set Type to String' },
			{ name: 'role (string)', value: 'role', description: 'String custom field: set Type to String' },
			{ name: 'trialEndsAt (date)', value: 'trialEndsAt', description: 'Date custom field: set Type to Date (sent as YYYY-MM-DD)' },
		]);
	}, 60_000);
});
