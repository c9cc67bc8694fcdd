import { contactParams, DEFAULTS, items, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

const bed = useTestbed(testbed);

describe('AutoSend contact → upsert', () => {
	it('upserts each item with one request, typed custom fields and list ids', async () => {
		const result = await bed.run(contactParams('upsert'), [
			{ json: { email: ' Ann@Example.com ', firstName: 'Ann', loginCount: '42', isPremium: 'yes', trialEndsAt: '2024-03-01', listIds: DEFAULTS.lists.newsletter.id, ignored: 'x' } },
			{ json: { email: 'bob@example.com', lastName: 'B' } },
		]);
		expect(result.status).toBe('success');
		expect(statuses(result)).toEqual(['upserted', 'upserted']);
		const ann = bed.emulator.store.findContact('ann@example.com');
		expect(ann?.customFields).toEqual({ loginCount: 42, isPremium: true, trialEndsAt: '2024-03-01' });
		expect([...(ann?.listIds ?? [])]).toEqual([DEFAULTS.lists.newsletter.id]);
		expect(result.outputs[0][0].json).toMatchObject({ email: 'ann@example.com', id: ann?.id, request: 1 });
		// One GET for the custom field types (no saved schema), then one POST per contact.
		expect(bed.requests('/custom-fields')).toHaveLength(1);
		expect(bed.requests('/contacts/email')).toHaveLength(2);
	});

	it('reports invalid items per field without sending them', async () => {
		const result = await bed.run(
			contactParams('upsert'),
			items([
				{ email: 'not-an-email' },
				{ email: 'long@example.com', firstName: 'x'.repeat(256) },
				{ email: 'count@example.com', loginCount: 'many' },
				{ email: 'date@example.com', trialEndsAt: 'yesterday' },
				{ email: 'ok@example.com' },
			]),
			{ onError: 'continueRegularOutput' },
		);
		expect(statuses(result)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'upserted']);
		const out = result.outputs[0].map((item) => item.json);
		expect(out.map((e) => e.errorField)).toEqual(['email', 'firstName', 'loginCount', 'trialEndsAt', null]);
		expect(out[1].errorMessage).toBe('firstName is longer than 255 characters');
		expect(out[2].errorMessage).toBe('loginCount must be a number, got "many"');
		expect(bed.requests('/contacts/email')).toHaveLength(1);
	});

	it('fails fast on invalid input when the workflow stops on errors', async () => {
		const result = await bed.run(contactParams('upsert'), items([{ email: 'ok@example.com' }, { email: 'bad' }]));
		expect(result.status).toBe('error');
		expect(bed.requests('/contacts/email')).toHaveLength(0);
	});

	it('uses the saved mapping schema and per-item mapped values (define below)', async () => {
		const params = contactParams('upsert', {
			columns: {
				mappingMode: 'defineBelow',
				value: { email: '={{ $json.mail }}', firstName: '={{ $json.name }}', company: '={{ $json.org }}' },
				schema: [
					{ id: 'email', type: 'string' },
					{ id: 'firstName', type: 'string' },
					{ id: 'company', type: 'string' },
				],
			},
		});
		const result = await bed.run(params, items([{ mail: 'c@example.com', name: 'Cy', org: 'Acme' }]));
		expect(statuses(result)).toEqual(['upserted']);
		expect(bed.requests('/custom-fields')).toHaveLength(0);
		expect(bed.emulator.store.findContact('c@example.com')).toMatchObject({ firstName: 'Cy', customFields: { company: 'Acme' } });
	});

	it('takes fields as parameters with explicitly typed custom fields', async () => {
		const params = {
			resource: 'contact',
			operation: 'upsert',
			fieldsInput: 'fields',
			email: '={{ $json.email }}',
			additionalFields: { firstName: 'Dee', userId: 'u-1' },
			customFieldsUi: { customField: [{ name: 'loginCount', type: 'number', value: '7' }] },
			options: {},
		};
		const result = await bed.run(params, items([{ email: 'dee@example.com' }]));
		expect(statuses(result)).toEqual(['upserted']);
		expect(bed.emulator.store.findContact('dee@example.com')).toMatchObject({ firstName: 'Dee', userId: 'u-1', customFields: { loginCount: 7 } });
	});

	it('fails an item whose list id does not exist and continues with the others', async () => {
		const result = await bed.run(
			contactParams('upsert'),
			items([{ email: 'a@example.com', listIds: '60d5ec49f1b2c72d9c8b0000' }, { email: 'b@example.com' }]),
			{ onError: 'continueRegularOutput' },
		);
		expect(statuses(result)).toEqual(['failed', 'upserted']);
		expect(result.outputs[0][0].json).toMatchObject({ errorCode: 'LIST_NOT_FOUND', errorField: 'listIds' });
	});

	it('merges duplicate emails into one request, both items reporting the result', async () => {
		const result = await bed.run(contactParams('upsert'), items([{ email: 'x@example.com', firstName: 'A' }, { email: 'X@example.com', lastName: 'B' }]));
		expect(statuses(result)).toEqual(['upserted', 'upserted']);
		expect(result.outputs[0][1].json.mergedWithItems).toEqual([0]);
		expect(bed.requests('/contacts/email')).toHaveLength(1);
		expect(bed.emulator.store.findContact('x@example.com')).toMatchObject({ firstName: 'A', lastName: 'B' });
	});
});

describe('AutoSend contact → create', () => {
	it('creates new contacts and fails existing ones with a hint to use Create or Update', async () => {
		await bed.run(contactParams('upsert'), people(1, 'old'));
		bed.emulator.clearLog();
		const result = await bed.run(contactParams('create'), [...people(1, 'old'), ...people(2, 'new')], { onError: 'continueErrorOutput' });
		expect(statuses(result)).toEqual(['created', 'created']);
		expect(result.outputs[1]).toHaveLength(1);
		expect(String(result.outputs[1][0].json.error)).toContain('already exists in AutoSend');
		expect(String(result.outputs[1][0].json.error)).toContain('Create or Update');
		expect(bed.requests('/contacts')).toHaveLength(3);
	});

	it('never resends a create after a server error (it may have been applied)', async () => {
		bed.emulator.faults.add({ kind: 'status', status: 502, count: 1, path: '/v1/contacts' });
		const result = await bed.run(contactParams('create'), people(1), { onError: 'continueRegularOutput' });
		expect(statuses(result)).toEqual(['failed']);
		expect(bed.requests('/contacts').filter((r) => r.method === 'POST')).toHaveLength(1);
	});
});
