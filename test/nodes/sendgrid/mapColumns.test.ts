import { bodyOf, schemaEntry } from '../schemaEntry';

import { DEFAULTS, statuses, testbed, upsertParams, type SendGridTestbed } from './setup';

const { company, lifetimeValue, signupDate } = DEFAULTS.customFields;

/** Map Columns as the editor saves it: SendGrid's mapper declares Date custom fields `dateTime`. */
const mapColumns = upsertParams(
	{ waitForImport: true },
	{
		columns: {
			mappingMode: 'defineBelow',
			value: { email: '={{ $json.email }}', signup_date: '={{ $json.signup }}', lifetime_value: '={{ $json.ltv }}', company: '={{ $json.org }}' },
			schema: [schemaEntry('email', 'string'), schemaEntry('signup_date', 'dateTime'), schemaEntry('lifetime_value', 'number'), schemaEntry('company', 'string')],
		},
	},
);

describe('SendGrid Map Columns: typed custom fields', () => {
	let bed: SendGridTestbed;
	// The documented reading: Date custom fields take MM/DD/YYYY (CSV upload docs, providers.md §3.5).
	beforeAll(async () => (bed = await testbed({ dateValues: 'mmddyyyy' })), 60_000);
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emulator.clearLog());

	it('sends a dateTime-mapped date as MM/DD/YYYY, the day as written, with typed number/text', async () => {
		const result = await bed.run(mapColumns, [
			{ json: { email: 'd1@example.com', signup: '2024-03-01', ltv: 10, org: 'Acme' } },
			{ json: { email: 'd2@example.com', signup: '2024-03-01T10:30:00Z', ltv: '20.5', org: 'Beta' } },
			{ json: { email: 'd3@example.com', signup: '2024-12-31T23:30:00-05:00', ltv: 0, org: 'Gamma' } },
		]);
		expect(statuses(result)).toEqual(['created', 'created', 'created']);
		const [put] = bed.requests('PUT', '/v3/marketing/contacts');
		const contacts = bodyOf(put).contacts as Array<{ custom_fields: Record<string, unknown> }>;
		expect(contacts.map((contact) => contact.custom_fields)).toEqual([
			{ [signupDate.id]: '03/01/2024', [lifetimeValue.id]: 10, [company.id]: 'Acme' },
			{ [signupDate.id]: '03/01/2024', [lifetimeValue.id]: 20.5, [company.id]: 'Beta' },
			{ [signupDate.id]: '12/31/2024', [lifetimeValue.id]: 0, [company.id]: 'Gamma' },
		]);
	});
});

describe('SendGrid Map Columns under the other reading of the undocumented JSON date format', () => {
	it('when SendGrid would take only ISO dates, the dated contacts are reported failed with its message, never queued', async () => {
		const iso = await testbed({ dateValues: 'iso8601' });
		try {
			const result = await iso.run(
				mapColumns,
				[
					{ json: { email: 'i1@example.com', signup: '2024-03-01', ltv: 1, org: 'A' } },
					{ json: { email: 'i2@example.com', ltv: 2, org: 'B' } },
				],
				{ onError: 'continueRegularOutput' },
			);
			const out = result.outputs[0].map((item) => item.json);
			expect(out[0]).toMatchObject({ status: 'failed', errorMessage: 'custom field signup_date must be a date string' });
			expect(out[1]).toMatchObject({ status: 'created' });
		} finally {
			await iso.close();
		}
	});
});

describe('SendGrid Map Columns: a cell n8n cannot convert to the mapped type fails only its item', () => {
	let bed: SendGridTestbed;
	beforeAll(async () => (bed = await testbed({ dateValues: 'mmddyyyy' })), 60_000);
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emulator.clearLog());

	it('a Number custom field given "abc" makes item 1 invalid naming the field and the value; items 0 and 2 are sent', async () => {
		const result = await bed.run(
			mapColumns,
			[
				{ json: { email: 'b0@example.com', signup: '2024-03-01', ltv: 10, org: 'Acme' } },
				{ json: { email: 'b1@example.com', signup: '2024-03-02', ltv: 'abc', org: 'Beta' } },
				{ json: { email: 'b2@example.com', signup: 'not a date', ltv: 2, org: 'Gamma' } },
				{ json: { email: 'b3@example.com', signup: '2024-03-04T10:00:00Z', ltv: '3', org: 'Delta' } },
			],
			{ onError: 'continueRegularOutput' },
		);
		expect(statuses(result)).toEqual(['created', 'invalid', 'invalid', 'created']);
		expect(result.outputs[0][1].json).toMatchObject({
			email: 'b1@example.com',
			errorField: 'lifetime_value',
			errorMessage: 'lifetime_value (Number custom field) must be a number, got "abc"',
		});
		expect(result.outputs[0][2].json).toMatchObject({ email: 'b2@example.com', errorField: 'signup_date' });
		expect(String(result.outputs[0][2].json.errorMessage)).toContain('"not a date"');
		const [put] = bed.requests('PUT', '/v3/marketing/contacts');
		expect(bodyOf(put).contacts).toEqual([
			{ email: 'b0@example.com', custom_fields: { [signupDate.id]: '03/01/2024', [lifetimeValue.id]: 10, [company.id]: 'Acme' } },
			{ email: 'b3@example.com', custom_fields: { [signupDate.id]: '03/04/2024', [lifetimeValue.id]: 3, [company.id]: 'Delta' } },
		]);
	});
});
