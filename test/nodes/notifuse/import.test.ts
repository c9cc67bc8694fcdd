import { DEFAULTS, items, params, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

describe('Notifuse node: Contact → Import', () => {
	const bed = useTestbed(testbed);

	it('imports a small input in one request and reports created, then updated', async () => {
		const first = await bed.run(params('contact', 'import'), people(3, 'small'));
		expect(first.error).toBeUndefined();
		expect(statuses(first)).toEqual(['created', 'created', 'created']);
		expect(first.outputs[0].map((item) => item.json.email)).toEqual([0, 1, 2].map((i) => `small-${i}@example.com`));
		expect(first.outputs[0].map((item) => item.json.request)).toEqual([1, 1, 1]);
		expect(bed.requests('/api/contacts.import')).toHaveLength(1);

		const second = await bed.run(params('contact', 'import'), people(2, 'small'));
		expect(statuses(second)).toEqual(['updated', 'updated']);
		const stored = bed.emulator.store.workspaces.get(DEFAULTS.workspace.id)?.contacts.get('small-1@example.com');
		expect(stored?.values.first_name).toBe('First 1');
	});

	it('chunks 1,234 contacts into 500-contact requests and a custom batch size into more', async () => {
		const result = await bed.run(params('contact', 'import'), people(1234, 'chunk'));
		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toHaveLength(1234);
		expect(bed.requests('/api/contacts.import').map((entry) => entry.contacts)).toEqual([500, 500, 234]);

		bed.emulator.clearLog();
		const small = await bed.run(params('contact', 'import', { options: { batchSize: 100 } }), people(250, 'chunk'));
		expect(statuses(small).every((status) => status === 'updated')).toBe(true);
		expect(bed.requests('/api/contacts.import').map((entry) => entry.contacts).sort()).toEqual([100, 100, 50]);
	});

	it('maps mixed create / update / invalid items back to their inputs and folds duplicates', async () => {
		await bed.run(params('contact', 'import'), people(1, 'mixed'));
		bed.emulator.clearLog();
		const result = await bed.run(
			params('contact', 'import'),
			items([
				{ email: 'mixed-new@example.com', custom_number_1: 7 },
				{ email: 'not-an-email' },
				{ email: 'MIXED-0@example.com ', last_name: 'Zero' },
				{ email: 'mixed-new@example.com', first_name: 'Later' },
				{ email: 'mixed-bad@example.com', custom_number_1: 'seven' },
			]),
			{ onError: 'continueRegularOutput' },
		);
		expect(result.error).toBeUndefined();
		const out = result.outputs[0].map((item) => item.json);
		expect(out.map((json) => json.status)).toEqual(['created', 'invalid', 'updated', 'created', 'invalid']);
		expect(out[1]).toMatchObject({ errorField: 'email', errorCode: 'INVALID_INPUT' });
		expect(out[4]).toMatchObject({ errorField: 'custom_number_1', errorMessage: 'custom_number_1 must be a number, got "seven"' });
		expect(out[0].mergedWithItems).toEqual([3]);
		// One request, two unique valid contacts: the invalid ones never reached Notifuse.
		expect(bed.requests('/api/contacts.import').map((entry) => entry.contacts)).toEqual([2]);
		const stored = bed.emulator.store.workspaces.get(DEFAULTS.workspace.id)?.contacts.get('mixed-new@example.com');
		expect(stored?.values).toMatchObject({ first_name: 'Later', custom_number_1: 7 });
	});

	it('rejects wrong custom types and over-long values before sending', async () => {
		const result = await bed.run(
			params('contact', 'import'),
			items([
				{ email: 'types-1@example.com', custom_datetime_1: '2024-01-01T10:00:00+2' },
				{ email: 'types-2@example.com', custom_json_1: 5 },
				{ email: 'types-3@example.com', postcode: '1'.repeat(21) },
				{ email: 'types-4@example.com', custom_datetime_2: '2024-01-01T10:00:00+02:00', custom_json_2: '{"a":1}', custom_number_2: '3.5' },
			]),
			{ onError: 'continueErrorOutput' },
		);
		// n8n's error output carries only the message, as json.error: it names the item and contact.
		expect(result.outputs[1].map((item) => item.json.error)).toEqual([
			'Item 0 (types-1@example.com): custom_datetime_1 must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got "2024-01-01T10:00:00+2"',
			'Item 1 (types-2@example.com): custom_json_1 must be a JSON object or array, got a number (5)',
			'Item 2 (types-3@example.com): postcode is longer than 20 characters',
		]);
		expect(statuses(result)).toEqual(['created']);
		const stored = bed.emulator.store.workspaces.get(DEFAULTS.workspace.id)?.contacts.get('types-4@example.com');
		expect(stored?.values).toMatchObject({ custom_number_2: 3.5, custom_json_2: { a: 1 } });
		expect(bed.requests('/api/contacts.import').map((entry) => entry.contacts)).toEqual([1]);
	});

	it('stops before sending anything when input is invalid and On Error is Stop Workflow', async () => {
		const result = await bed.run(params('contact', 'import'), items([{ email: 'ok@example.com' }, { email: '' }]));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/email/);
		expect(bed.requests()).toHaveLength(0);
	});

	it('subscribes imported contacts to lists and rejects an unknown list without importing', async () => {
		const result = await bed.run(
			params('contact', 'import', { options: { subscribeToLists: [DEFAULTS.lists.newsletter.id] } }),
			people(3, 'sub'),
		);
		expect(statuses(result)).toEqual(['created', 'created', 'created']);
		expect(result.outputs[0][0].json.listIds).toEqual([DEFAULTS.lists.newsletter.id]);
		const ws = bed.emulator.store.workspaces.get(DEFAULTS.workspace.id);
		expect(ws?.memberships.get('sub-2@example.com')?.get(DEFAULTS.lists.newsletter.id)?.status).toBe('active');

		bed.emulator.clearLog();
		const unknown = await bed.run(
			params('contact', 'import', { options: { subscribeToLists: ['nosuchlist'] } }),
			people(3, 'unknown-list'),
			{ onError: 'continueRegularOutput' },
		);
		expect(unknown.outputs[0].map((item) => item.json.errorCode)).toEqual(['LIST_NOT_FOUND', 'LIST_NOT_FOUND', 'LIST_NOT_FOUND']);
		expect(unknown.outputs[0][0].json.errorMessage).toBe(`List not found in workspace ${DEFAULTS.workspace.id}: nosuchlist`);
		expect(bed.requests('/api/contacts.import')).toHaveLength(0);
		expect(bed.requests('/api/lists.list')).toHaveLength(1);
	});

	it('cannot clear a field with null on import (Notifuse keeps the stored value)', async () => {
		await bed.run(params('contact', 'import'), items([{ email: 'keep@example.com', job_title: 'CTO' }]));
		await bed.run(params('contact', 'import'), items([{ email: 'keep@example.com', job_title: null }]));
		const stored = bed.emulator.store.workspaces.get(DEFAULTS.workspace.id)?.contacts.get('keep@example.com');
		expect(stored?.values.job_title).toBe('CTO');
	});

	it('takes fields from plain parameters and from the column mapper', async () => {
		const plain = await bed.run(
			params('contact', 'import', {
				fieldsInput: 'fields',
				email: '={{ $json.mail }}',
				contactFields: { first_name: '={{ $json.name }}', custom_number_3: 12 },
			}),
			items([{ mail: 'plain@example.com', name: 'Plain' }]),
		);
		expect(statuses(plain)).toEqual(['created']);
		const mapped = await bed.run(
			params('contact', 'import', {
				columns: {
					mappingMode: 'defineBelow',
					value: { email: '={{ $json.mail }}', last_name: '={{ $json.name }}', phone: null },
					matchingColumns: ['email'],
					schema: [],
				},
			}),
			items([{ mail: 'mapped@example.com', name: 'Mapped' }]),
		);
		expect(statuses(mapped)).toEqual(['created']);
		const ws = bed.emulator.store.workspaces.get(DEFAULTS.workspace.id);
		expect(ws?.contacts.get('plain@example.com')?.values).toMatchObject({ first_name: 'Plain', custom_number_3: 12 });
		expect(ws?.contacts.get('mapped@example.com')?.values).toMatchObject({ last_name: 'Mapped' });
	});

	it('reports a dry run without sending', async () => {
		const result = await bed.run(params('contact', 'import', { options: { dryRun: true, batchSize: 2 } }), people(3, 'dry'));
		expect(statuses(result)).toEqual(['dry_run', 'dry_run', 'dry_run']);
		expect(result.outputs[0].map((item) => item.json.request)).toEqual([1, 1, 2]);
		expect(bed.requests()).toHaveLength(0);
	});
});
