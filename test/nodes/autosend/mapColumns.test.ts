import { bodyOf, schemaEntry } from '../schemaEntry';

import { contactParams, items, statuses, testbed, type AutoSendTestbed } from './setup';

/** Map Columns as the editor saves it: AutoSend's mapper declares date custom fields `dateTime`. */
const mapColumns = contactParams('upsert', {
	columns: {
		mappingMode: 'defineBelow',
		value: {
			email: '={{ $json.email }}',
			trialEndsAt: '={{ $json.trial }}',
			isPremium: '={{ $json.premium }}',
			loginCount: '={{ $json.logins }}',
			company: '={{ $json.org }}',
		},
		schema: [
			schemaEntry('email', 'string'),
			schemaEntry('trialEndsAt', 'dateTime'),
			schemaEntry('isPremium', 'boolean'),
			schemaEntry('loginCount', 'number'),
			schemaEntry('company', 'string'),
		],
	},
});

describe('AutoSend Map Columns: typed custom fields', () => {
	let bed: AutoSendTestbed;
	// The strictest reading of AutoSend's date rule: only the documented YYYY-MM-DD (providers.md §1.4).
	beforeAll(async () => (bed = await testbed({ dateValues: 'dateOnly' })), 60_000);
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emulator.clearLog());

	it('sends a dateTime-mapped date as YYYY-MM-DD, the day as written, with typed number/boolean/text', async () => {
		const result = await bed.run(
			mapColumns,
			items([
				{ email: 'd1@example.com', trial: '2024-03-01', premium: true, logins: 3, org: 'Acme' },
				{ email: 'd2@example.com', trial: '2024-03-01T10:30:00Z', premium: 'false', logins: '4', org: 7 },
				{ email: 'd3@example.com', trial: '2024-03-01T23:30:00-05:00', premium: 1, logins: 5.5, org: 'Beta' },
			]),
		);
		expect(statuses(result)).toEqual(['upserted', 'upserted', 'upserted']);
		const sent = bed.requests('/contacts/email').map((entry) => bodyOf(entry).customFields);
		expect(sent).toEqual([
			{ trialEndsAt: '2024-03-01', isPremium: true, loginCount: 3, company: 'Acme' },
			{ trialEndsAt: '2024-03-01', isPremium: false, loginCount: 4, company: '7' },
			{ trialEndsAt: '2024-03-01', isPremium: true, loginCount: 5.5, company: 'Beta' },
		]);
		expect(bed.emulator.store.findContact('d3@example.com')?.customFields).toMatchObject({ trialEndsAt: '2024-03-01' });
	});
});

describe('AutoSend Map Columns: a cell n8n cannot convert to the mapped type fails only its item', () => {
	let bed: AutoSendTestbed;
	beforeAll(async () => (bed = await testbed({ dateValues: 'dateOnly' })), 60_000);
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emulator.clearLog());

	it('a number field given "abc" makes item 1 invalid naming the field and the value; items 0 and 2 are sent', async () => {
		const result = await bed.run(
			mapColumns,
			items([
				{ email: 'b0@example.com', trial: '2024-03-01', premium: true, logins: 3, org: 'Acme' },
				{ email: 'b1@example.com', trial: '2024-03-02', premium: false, logins: 'abc', org: 'Beta' },
				{ email: 'b2@example.com', trial: '2024-03-03', premium: 'false', logins: '4', org: 'Gamma' },
			]),
			{ onError: 'continueRegularOutput' },
		);
		expect(statuses(result)).toEqual(['upserted', 'invalid', 'upserted']);
		expect(result.outputs[0][1].json).toMatchObject({ email: 'b1@example.com', errorField: 'loginCount', errorMessage: 'loginCount must be a number, got "abc"' });
		const sent = bed.requests('/contacts/email').map((entry) => bodyOf(entry));
		expect(sent).toEqual([
			{ email: 'b0@example.com', customFields: { trialEndsAt: '2024-03-01', isPremium: true, loginCount: 3, company: 'Acme' } },
			{ email: 'b2@example.com', customFields: { trialEndsAt: '2024-03-03', isPremium: false, loginCount: 4, company: 'Gamma' } },
		]);
	});

	it('a boolean field given "maybe" or a date field given "soon" is invalid for that item alone; "yes" reads as true, as in the other modes', async () => {
		const result = await bed.run(
			mapColumns,
			items([
				{ email: 'y0@example.com', premium: 'yes' },
				{ email: 'y1@example.com', premium: 'maybe' },
				{ email: 'y2@example.com', trial: 'soon' },
			]),
			{ onError: 'continueRegularOutput' },
		);
		expect(statuses(result)).toEqual(['upserted', 'invalid', 'invalid']);
		expect(result.outputs[0][1].json).toMatchObject({ errorField: 'isPremium', errorMessage: 'isPremium must be true or false, got "maybe"' });
		expect(result.outputs[0][2].json).toMatchObject({ errorField: 'trialEndsAt' });
		expect(String(result.outputs[0][2].json.errorMessage)).toContain('"soon"');
		expect(bed.requests('/contacts/email').map((entry) => bodyOf(entry))).toEqual([{ email: 'y0@example.com', customFields: { isPremium: true } }]);
	});
});
