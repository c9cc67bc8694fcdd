import { bodyOf, schemaEntry } from '../schemaEntry';

import { DEFAULTS, items, params, statuses, testbed, type NotifuseTestbed } from './setup';

/** Map Columns as the editor saves it: date-times and JSON slots are declared text (resourceMapping.ts). */
const mapColumns = params('contact', 'import', {
	columns: {
		mappingMode: 'defineBelow',
		value: { email: '={{ $json.email }}', custom_datetime_1: '={{ $json.at }}', custom_json_1: '={{ $json.tags }}', custom_number_1: '={{ $json.n }}' },
		schema: [
			schemaEntry('email', 'string'),
			schemaEntry('custom_datetime_1', 'string'),
			schemaEntry('custom_json_1', 'string'),
			schemaEntry('custom_number_1', 'number'),
		],
	},
});

describe('Notifuse Map Columns: date-times as Go time.Parse(time.RFC3339) takes them', () => {
	let bed: NotifuseTestbed;
	beforeAll(async () => (bed = await testbed()), 60_000);
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emulator.clearLog());

	it('rewrites unambiguous spellings to RFC 3339 and sends JSON arrays; Notifuse stores every contact', async () => {
		const result = await bed.run(
			mapColumns,
			items([
				{ email: 't1@example.com', at: '2024-03-01T10:30Z', tags: ['a', 'b'], n: 1 },
				{ email: 't2@example.com', at: '2024-03-01T10:30:00+0200', tags: { a: 1 }, n: '2' },
				{ email: 't3@example.com', at: '2024-03-01', tags: '["x"]', n: 3 },
				{ email: 't4@example.com', at: '2024-03-01T10:30:00', n: 4 },
			]),
		);
		expect(statuses(result)).toEqual(['created', 'created', 'created', 'created']);
		const [request] = bed.requests('/api/contacts.import');
		const sent = (bodyOf(request).contacts as Array<Record<string, unknown>>).map(({ custom_datetime_1, custom_json_1 }) => ({ custom_datetime_1, custom_json_1 }));
		expect(sent).toEqual([
			{ custom_datetime_1: '2024-03-01T10:30:00Z', custom_json_1: ['a', 'b'] },
			{ custom_datetime_1: '2024-03-01T10:30:00+02:00', custom_json_1: { a: 1 } },
			{ custom_datetime_1: '2024-03-01T00:00:00Z', custom_json_1: ['x'] },
			{ custom_datetime_1: '2024-03-01T10:30:00Z', custom_json_1: undefined },
		]);
		const stored = bed.emulator.store.workspaces.get(DEFAULTS.workspace.id)?.contacts.get('t2@example.com');
		expect(stored?.values.custom_datetime_1).toBe('2024-03-01T08:30:00Z');
	});

	it('fails only the item whose date-time cannot be read, naming the field and the value', async () => {
		const result = await bed.run(
			mapColumns,
			items([
				{ email: 'bad@example.com', at: '2024-03-01T25:00:00Z', n: 1 },
				{ email: 'good@example.com', at: '2024-03-01T10:30:00Z', n: 2 },
			]),
			{ onError: 'continueRegularOutput' },
		);
		expect(statuses(result)).toEqual(['invalid', 'created']);
		expect(result.outputs[0][0].json).toMatchObject({
			errorField: 'custom_datetime_1',
			errorMessage: 'custom_datetime_1 must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got "2024-03-01T25:00:00Z"',
		});
		expect(bed.requests('/api/contacts.import').map((entry) => entry.contacts)).toEqual([1]);
	});
});

describe('Notifuse Map Columns: a cell n8n cannot convert to the mapped type fails only its item', () => {
	let bed: NotifuseTestbed;
	beforeAll(async () => (bed = await testbed()), 60_000);
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emulator.clearLog());

	it('a number slot given "abc" makes item 1 invalid naming the field and the value; items 0 and 2 are sent', async () => {
		const result = await bed.run(
			mapColumns,
			items([
				{ email: 'b0@example.com', at: '2024-03-01T10:30:00Z', tags: ['a'], n: 1 },
				{ email: 'b1@example.com', at: '2024-03-01T10:30:00Z', tags: ['b'], n: 'abc' },
				{ email: 'b2@example.com', tags: { k: 'v' }, n: '2.5' },
			]),
			{ onError: 'continueRegularOutput' },
		);
		expect(statuses(result)).toEqual(['created', 'invalid', 'created']);
		expect(result.outputs[0][1].json).toMatchObject({
			email: 'b1@example.com',
			errorField: 'custom_number_1',
			errorMessage: 'custom_number_1 must be a number, got "abc"',
		});
		const [request] = bed.requests('/api/contacts.import');
		expect(bodyOf(request).contacts).toEqual([
			{ email: 'b0@example.com', custom_datetime_1: '2024-03-01T10:30:00Z', custom_json_1: ['a'], custom_number_1: 1 },
			{ email: 'b2@example.com', custom_json_1: { k: 'v' }, custom_number_1: 2.5 },
		]);
	});
});
