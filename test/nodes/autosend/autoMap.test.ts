import { useTestbed } from '../kit';

import { contactParams, items, statuses, testbed } from './setup';

/** Map Automatically as people name columns (issue 25.1), and the fields it did not send (issue 18.5). */
describe('AutoSend auto-map: matching input keys to contact fields', () => {
	const bed = useTestbed(testbed);

	const outputs = (result: Awaited<ReturnType<typeof bed.run>>) => result.outputs[0].map((item) => item.json);
	const sent = () =>
		bed.requests('/contacts/bulk-update').flatMap((entry) => (JSON.parse(String(entry.requestBody)) as { contacts: Array<Record<string, unknown>> }).contacts);

	it('stores first_name / First Name / FIRST_NAME / first-name / firstName as firstName', async () => {
		const keys = ['firstName', 'first_name', 'First Name', 'FIRST_NAME', 'first-name'];
		const result = await bed.run(
			contactParams('bulkUpdate'),
			items(keys.map((key, i) => ({ email: `form-${i}@example.com`, [key]: `Ann ${i}`, last_name: `Lee ${i}`, USER_ID: `u${i}` }))),
		);
		expect(statuses(result)).toEqual(['upserted', 'upserted', 'upserted', 'upserted', 'upserted']);
		keys.forEach((_key, i) => expect(bed.emulator.store.findContact(`form-${i}@example.com`)).toMatchObject({ firstName: `Ann ${i}`, lastName: `Lee ${i}`, userId: `u${i}` }));
		expect(outputs(result).map((json) => json.ignoredFields)).toEqual([[], [], [], [], []]);
	});

	it('matches custom fields by their name, exact or normalised (AutoSend definitions have no separate label)', async () => {
		const result = await bed.run(
			contactParams('bulkUpdate'),
			items([{ email: 'custom@example.com', 'Login Count': 4, is_premium: 'yes', Company: 'Acme', trialEndsAt: '2024-03-01' }]),
		);
		expect(statuses(result)).toEqual(['upserted']);
		expect(sent()).toEqual([
			{ email: 'custom@example.com', customFields: { loginCount: 4, isPremium: true, company: 'Acme', trialEndsAt: '2024-03-01' } },
		]);
	});

	it('lists the keys it did not send: no such field, or a second key for a field already given exactly', async () => {
		const result = await bed.run(
			contactParams('bulkUpdate'),
			items([{ email: 'dup@example.com', first_name: 'Loser', firstName: 'Winner', favouriteColour: 'red', id: 'x1' }]),
		);
		expect(statuses(result)).toEqual(['upserted']);
		expect(sent()).toEqual([{ email: 'dup@example.com', firstName: 'Winner' }]);
		expect(outputs(result)[0].ignoredFields).toEqual(['first_name', 'favouriteColour', 'id']);
	});
});

describe('AutoSend Map Columns: a mapped custom field AutoSend does not have', () => {
	const bed = useTestbed(testbed);

	it('makes the item invalid naming the field', async () => {
		const result = await bed.run(
			contactParams('bulkUpdate', { columns: { mappingMode: 'defineBelow', value: { email: 'x@example.com', nickname: 'X' } } }),
			items([{}]),
			{ onError: 'continueRegularOutput' },
		);
		expect(result.outputs[0][0].json).toMatchObject({ status: 'invalid', errorField: 'nickname' });
		expect(bed.requests('/contacts/bulk-update')).toHaveLength(0);
	});
});
