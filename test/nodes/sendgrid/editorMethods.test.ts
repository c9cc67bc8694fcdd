import type { INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';

import { useTestbed } from '../kit';
import { addParams, DEFAULTS, testbed, upsertParams } from './setup';

/**
 * What the editor shows for a failing editor method (n8n 2.41.1 editor-ui): a thrown error from a
 * loadOptions method is shown as its `message`; a thrown error from a resourceMapping method is
 * dropped (nodeTypes.store getResourceMapperFields catches it and returns null → "No fields found …
 * Retry"), so the mapper method answers no fields and an `emptyFieldsNotice` the editor shows instead.
 * The emulator answers 401 "The provided authorization grant is invalid, expired, or revoked" for an
 * unknown key and 403 "access forbidden" on /v3/marketing/* for a key without marketing scopes
 * (SendGrid API keys docs; test/emulators/sendgrid/provider.ts).
 */
describe('SendGrid Contacts editor methods: credential problems in words, email pre-mapped', () => {
	const bed = useTestbed(testbed);

	const lists = async (apiKey?: string) =>
		await bed.harness.callMethod<INodePropertyOptions[]>({
			nodeType: 'sendGridContacts', kind: 'loadOptions', method: 'getLists', credentials: bed.credentials(apiKey), parameters: addParams([]),
		});
	const fields = async (apiKey?: string) =>
		await bed.harness.callMethod<ResourceMapperFields>({
			nodeType: 'sendGridContacts', kind: 'resourceMapping', method: 'getContactFields', credentials: bed.credentials(apiKey), parameters: upsertParams(),
		});

	it('a wrong key: the list picker throws a NodeApiError naming SendGrid, 401 and what to do', async () => {
		const error = await lists('SG.wrong').then(() => undefined, (thrown: unknown) => thrown as Error & { httpCode?: string });
		expect(error?.constructor.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('401');
		expect(error?.message).toMatch(/^SendGrid rejected the API key \(HTTP 401: The provided authorization grant is invalid/);
		expect(error?.message).toMatch(/paste a valid SendGrid API key/);
		expect(error?.message).not.toContain('SG.wrong');
	}, 60_000);

	it('a key without Marketing access: the list picker says 403 and which access the key needs', async () => {
		const error = await lists(DEFAULTS.noMarketingKey).then(() => undefined, (thrown: unknown) => thrown as Error & { httpCode?: string });
		expect(error?.httpCode).toBe('403');
		expect(error?.message).toMatch(/^SendGrid refused access \(HTTP 403: access forbidden\)/);
		expect(error?.message).toMatch(/Marketing/);
	}, 60_000);

	it('a wrong key or one without Marketing access: the column mapper answers no fields and a notice saying why', async () => {
		const wrong = await fields('SG.wrong');
		expect(wrong.fields).toEqual([]);
		expect(wrong.emptyFieldsNotice).toMatch(/SendGrid rejected the API key \(HTTP 401: .*\)\..*paste a valid SendGrid API key/);
		const limited = await fields(DEFAULTS.noMarketingKey);
		expect(limited.fields).toEqual([]);
		expect(limited.emptyFieldsNotice).toMatch(/SendGrid refused access \(HTTP 403: access forbidden\)\..*Marketing/);
	}, 60_000);

	it('a good key still lists lists and fields, with Email pre-mapped to the item email', async () => {
		expect((await lists()).map((list) => list.name)).toEqual(expect.arrayContaining(['Newsletter', 'Customers']));
		const mapping = await fields();
		expect(mapping.emptyFieldsNotice).toBeUndefined();
		expect(mapping.fields.find((field) => field.id === 'email')).toMatchObject({ defaultMatch: true, display: true, defaultValue: '={{ $json.email }}' });
		// Only the email is pre-filled: other identifiers left empty must not be sent.
		expect(mapping.fields.filter((field) => field.defaultValue !== undefined).map((field) => field.id)).toEqual(['email']);
	}, 60_000);

	it('Set Fields offers the account custom fields by name, each with its type, as a dropdown', async () => {
		const options = await bed.harness.callMethod<INodePropertyOptions[]>({
			nodeType: 'sendGridContacts', kind: 'loadOptions', method: 'getCustomFields', credentials: bed.credentials(),
			parameters: upsertParams({}, { fieldsInput: 'fields' }),
		});
		// The stored value stays the field name, as typed by hand before.
		expect(options).toEqual([
			{ name: 'company (Text)', value: 'company', description: 'Text custom field' },
			{ name: 'favorite_drink (Text)', value: 'favorite_drink', description: 'Text custom field' },
			{ name: 'lifetime_value (Number)', value: 'lifetime_value', description: 'Number custom field' },
			{ name: 'signup_date (Date)', value: 'signup_date', description: 'Date custom field, sent as MM/DD/YYYY' },
		]);
		const error = await bed.harness
			.callMethod({ nodeType: 'sendGridContacts', kind: 'loadOptions', method: 'getCustomFields', credentials: bed.credentials(DEFAULTS.noMarketingKey), parameters: upsertParams() })
			.then(() => undefined, (thrown: unknown) => thrown as Error);
		expect(error?.message).toMatch(/^SendGrid refused access \(HTTP 403/);
	}, 60_000);
});
