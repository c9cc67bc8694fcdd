import { DEFAULTS, items, params, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

/** Map Automatically as people name columns (issue 25.1), and the fields it did not send (issue 18.5). */
describe('Notifuse auto-map: matching input keys to contact fields', () => {
	const bed = useTestbed(testbed);

	const stored = (email: string) => bed.emulator.store.workspaces.get(DEFAULTS.workspace.id)?.contacts.get(email)?.values;
	const outputs = (result: Awaited<ReturnType<typeof bed.run>>) => result.outputs[0].map((item) => item.json);
	const bodies = (path: string) => bed.requests(path).map((entry) => JSON.parse(String(entry.requestBody)) as Record<string, unknown>);

	it('stores firstName / first_name / First Name / FIRST_NAME / first-name as first_name (import)', async () => {
		const keys = ['firstName', 'first_name', 'First Name', 'FIRST_NAME', 'first-name'];
		const result = await bed.run(
			params('contact', 'import'),
			items(keys.map((key, i) => ({ email: `form-${i}@example.com`, [key]: `Ann ${i}`, lastName: `Lee ${i}` }))),
		);
		expect(statuses(result)).toEqual(['created', 'created', 'created', 'created', 'created']);
		keys.forEach((_key, i) => expect(stored(`form-${i}@example.com`)).toMatchObject({ first_name: `Ann ${i}`, last_name: `Lee ${i}` }));
		expect(outputs(result).map((json) => json.ignoredFields)).toEqual([[], [], [], [], []]);
	});

	it('matches custom slots by the workspace label (exact and normalised) and by slot id', async () => {
		const result = await bed.run(
			params('contact', 'upsert'),
			items([
				{ Email: 'label@example.com', Company: 'Acme', 'Lifetime value': 12, signed_up: '2024-03-01T10:30:00Z' },
				{ email: 'slot@example.com', custom_string_1: 'Beta', CUSTOM_NUMBER_1: 3 },
			]),
		);
		expect(statuses(result)).toEqual(['created', 'created']);
		expect(stored('label@example.com')).toMatchObject({ custom_string_1: 'Acme', custom_number_1: 12, custom_datetime_1: '2024-03-01T10:30:00Z' });
		expect(stored('slot@example.com')).toMatchObject({ custom_string_1: 'Beta', custom_number_1: 3 });
	});

	it('lists on each item the keys it did not send: no field, or a second key for a field already given exactly', async () => {
		const result = await bed.run(
			params('contact', 'import'),
			items([
				{ email: 'dup@example.com', 'First Name': 'Loser', first_name: 'Winner', favouriteColour: 'red', id: 7 },
				{ email: 'clean@example.com', first_name: 'Clean' },
			]),
		);
		expect(statuses(result)).toEqual(['created', 'created']);
		expect(stored('dup@example.com')).toMatchObject({ first_name: 'Winner' });
		expect(outputs(result).map((json) => json.ignoredFields)).toEqual([['First Name', 'favouriteColour', 'id'], []]);
		expect(bodies('/api/contacts.import')[0].contacts).toEqual([
			{ email: 'dup@example.com', first_name: 'Winner' },
			{ email: 'clean@example.com', first_name: 'Clean' },
		]);
	});

	it('reads the workspace labels once per run, and not at all when every key is a field name', async () => {
		await bed.run(params('contact', 'import'), items([{ email: 'a@example.com', Company: 'A' }, { email: 'b@example.com', Company: 'B' }]));
		expect(bed.requests('/api/workspaces.get')).toHaveLength(1);
		await bed.reset();
		await bed.run(params('contact', 'import'), items([{ email: 'c@example.com', first_name: 'C' }]));
		expect(bed.requests('/api/workspaces.get')).toHaveLength(0);
	});
});

describe('Notifuse Create or Update: Empty Values', () => {
	const bed = useTestbed(testbed);

	const stored = (email: string) => bed.emulator.store.workspaces.get(DEFAULTS.workspace.id)?.contacts.get(email)?.values;
	const lastContact = () => {
		const sent = bed.requests('/api/contacts.upsert');
		return (JSON.parse(String(sent[sent.length - 1].requestBody)) as { contact: Record<string, unknown> }).contact;
	};

	it('Ignore (the default): a blank or null value is not sent and the stored value stays', async () => {
		await bed.run(params('contact', 'upsert'), items([{ email: 'keep@example.com', job_title: 'CTO', country: 'DE' }]));
		const result = await bed.run(params('contact', 'upsert'), items([{ email: 'keep@example.com', job_title: null, country: '', state: 'BE' }]));
		expect(statuses(result)).toEqual(['updated']);
		expect(lastContact()).toEqual({ email: 'keep@example.com', state: 'BE' });
		expect(stored('keep@example.com')).toMatchObject({ job_title: 'CTO', country: 'DE', state: 'BE' });
	});

	it('Clear Stored Value: a blank or null value is sent as null (contacts.upsert clears it)', async () => {
		await bed.run(params('contact', 'upsert'), items([{ email: 'wipe@example.com', job_title: 'CTO', country: 'DE', state: 'BE' }]));
		const result = await bed.run(
			params('contact', 'upsert', { options: { emptyValues: 'clear' } }),
			items([{ email: 'wipe@example.com', job_title: null, country: '  ' }]),
		);
		expect(statuses(result)).toEqual(['updated']);
		expect(lastContact()).toEqual({ email: 'wipe@example.com', job_title: null, country: null });
		const values = stored('wipe@example.com');
		expect(values?.job_title).toBeUndefined();
		expect(values?.country).toBeUndefined();
		expect(values?.state).toBe('BE');
	});

	it('is not offered by Import, which cannot clear (null keeps the stored value): a null is not sent', async () => {
		const result = await bed.run(params('contact', 'import'), items([{ email: 'imp@example.com', job_title: null, first_name: 'I' }]));
		expect(statuses(result)).toEqual(['created']);
		const sent = bed.requests('/api/contacts.import').map((entry) => JSON.parse(String(entry.requestBody)) as { contacts: unknown[] });
		expect(sent[0].contacts).toEqual([{ email: 'imp@example.com', first_name: 'I' }]);
	});
});

describe('Notifuse Map Columns: a mapped field Notifuse does not have', () => {
	const bed = useTestbed(testbed);

	it('makes the item invalid naming the field, instead of dropping it', async () => {
		const result = await bed.run(
			params('contact', 'import', { columns: { mappingMode: 'defineBelow', value: { email: 'x@example.com', nickname: 'X' } } }),
			items([{}]),
			{ onError: 'continueRegularOutput' },
		);
		expect(result.outputs[0][0].json).toMatchObject({ status: 'invalid', errorField: 'nickname' });
		expect(bed.requests('/api/contacts.import')).toHaveLength(0);
	});
});
