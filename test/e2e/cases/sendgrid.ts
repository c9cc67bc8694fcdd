import { DEFAULTS } from '../../emulators/sendgrid';
import { countBy, outputOf, pairedInOrder, requestsTo } from '../check';
import { credentialRef } from '../credentials';
import type { E2eCase } from '../types';
import { mapColumns } from '../mapColumns';
import { generate, node, trigger, workflow } from '../workflow';

const credentials = credentialRef('sendgrid', 'sendGridMarketingApi');
const autoMap = { fieldsInput: 'columns', columns: { mappingMode: 'autoMapInputData', value: null } };
const PUT = '/v3/marketing/contacts';

export function sendGridCases(): E2eCase[] {
	return [
		{
			name: 'SendGrid upsert with Wait for Import: custom fields by name, created per item',
			workflow: workflow('e2eSgUpsertWait', 'SendGrid upsert wait', [
				trigger(),
				generate('Contacts', `return [
					{ email: 'Ada@Example.com', first_name: 'Ada', company: 'Analytical', lifetime_value: 1200.5 },
					{ email: 'grace@example.com', first_name: 'Grace', signup_date: '2024-02-29' },
					{ email: 'linus@example.com', first_name: 'Linus', favorite_drink: 'coffee' },
				];`),
				node('SendGrid', 'sendGridContacts', { resource: 'contact', operation: 'upsert', ...autoMap, options: { waitForImport: true } }, { credentials }),
			], [['Start', 'Contacts'], ['Contacts', 'SendGrid']]),
			check(run, checks, { emulators }) {
				const out = outputOf(run, 'SendGrid');
				checks.equal(out.map((item) => item.json.status), ['created', 'created', 'created'], 'statuses');
				checks.equal(out[0]?.json.email, 'ada@example.com', 'lower-cased email');
				checks.that(typeof out[0]?.json.jobId === 'string', 'job id reported');
				checks.equal(requestsTo(emulators.sendgrid, PUT).length, 1, 'one upsert request');
				checks.equal(emulators.sendgrid.store.findByEmail('ada@example.com')?.custom_fields, { [DEFAULTS.customFields.company.id]: 'Analytical', [DEFAULTS.customFields.lifetimeValue.id]: 1200.5 }, 'custom fields stored by id');
			},
		},
		{
			name: 'SendGrid upsert of 5,000 contacts with 2 KB fields splits by bytes (every request ≤ 6 MB)',
			workflow: workflow('e2eSgByteSplit', 'SendGrid byte split', [
				trigger(),
				generate('Contacts', "const pad = 'p'.repeat(2000); return Array.from({ length: 5000 }, (_, i) => ({ email: 'big-' + i + '@example.com', postal_code: pad, address_line_1: 'a'.repeat(100) }));"),
				node('SendGrid', 'sendGridContacts', { resource: 'contact', operation: 'upsert', ...autoMap, options: {} }, { credentials }),
			], [['Start', 'Contacts'], ['Contacts', 'SendGrid']]),
			check(run, checks, { emulators }) {
				const out = outputOf(run, 'SendGrid');
				checks.equal(countBy(out, 'status'), { queued: 5000 }, 'statuses');
				checks.that(pairedInOrder(out), 'paired in order');
				const puts = requestsTo(emulators.sendgrid, PUT);
				checks.equal(puts.length, 2, 'requests');
				checks.that(puts.every((entry) => entry.bodyBytes <= 6_000_000 && entry.status === 202), `request sizes ${puts.map((e) => e.bodyBytes).join(', ')}`);
				checks.equal(puts.reduce((sum, entry) => sum + (entry.contacts ?? 0), 0), 5000, 'contacts sent once');
			},
		},
		{
			name: 'SendGrid add to lists: 1,000 contacts to two lists in one request, queued with job id',
			workflow: workflow('e2eSgAddLists', 'SendGrid add to lists', [
				trigger(),
				generate('Contacts', "return Array.from({ length: 1000 }, (_, i) => ({ email: 'list-' + i + '@example.com' }));"),
				node('SendGrid', 'sendGridContacts', {
					resource: 'contactList',
					operation: 'addContacts',
					listIds: [DEFAULTS.lists.newsletter.id, DEFAULTS.lists.customers.id],
				}, { credentials }),
			], [['Start', 'Contacts'], ['Contacts', 'SendGrid']]),
			check(run, checks, { emulators }) {
				const out = outputOf(run, 'SendGrid');
				checks.equal(countBy(out, 'status'), { queued: 1000 }, 'statuses');
				checks.that(out.every((item) => typeof item.json.jobId === 'string'), 'job id on every item');
				checks.equal(requestsTo(emulators.sendgrid, PUT).map((entry) => entry.contacts), [1000], 'one request');
			},
		},
		{
			name: 'SendGrid wrong API key: the workflow fails with a clear message',
			expectError: true,
			workflow: workflow('e2eSgWrongKey', 'SendGrid wrong key', [
				trigger(),
				generate('Contacts', "return [{ email: 'x@example.com' }];"),
				node('SendGrid', 'sendGridContacts', { resource: 'contact', operation: 'upsert', ...autoMap, options: {} }, {
					credentials: credentialRef('sendgridWrongKey', 'sendGridMarketingApi'),
				}),
			], [['Start', 'Contacts'], ['Contacts', 'SendGrid']]),
			check(run, checks, { cli }) {
				const text = cli.stdout + cli.stderr;
				checks.that(run?.status === 'error' || cli.code !== 0, 'the execution failed');
				checks.that(/authoriz|grant|api key|credential/i.test(text), 'the error names the key problem');
				checks.that(!text.includes('SG.wrong'), 'the key is not echoed');
			},
		},
		{
			name: 'SendGrid Map Columns with every mapper type (text, number, date custom fields); a bad cell goes to the error output alone',
			workflow: workflow('e2eSgMapColumns', 'SendGrid Map Columns', [
				trigger(),
				generate('Contacts', `return [
					{ email: 'map-ada@example.com', first: 'Ada', city: 'London', org: 'Analytical', ltv: 1200.5, signup: '2024-02-29' },
					{ email: 'map-bad@example.com', first: 'Bad', org: 'X', ltv: 'abc', signup: '2024-03-01' },
					{ email: 'map-grace@example.com', first: 'Grace', org: 'Navy', ltv: '7', signup: '2024-12-31T23:30:00-05:00', alt: 'g@example.org' },
				];`),
				node('SendGrid', 'sendGridContacts', {
					resource: 'contact',
					operation: 'upsert',
					...mapColumns([
						['email', 'string', '={{ $json.email }}'],
						['first_name', 'string', '={{ $json.first }}'],
						['city', 'string', '={{ $json.city }}'],
						['alternate_emails', 'string', '={{ $json.alt }}'],
						['company', 'string', '={{ $json.org }}'],
						['lifetime_value', 'number', '={{ $json.ltv }}'],
						['signup_date', 'dateTime', '={{ $json.signup }}'],
					]),
					listIds: [],
					options: { waitForImport: true },
				}, { credentials, onError: 'continueErrorOutput' }),
				node('Synced', 'n8n-nodes-base.noOp', {}),
				node('Rejected rows', 'n8n-nodes-base.noOp', {}),
			], [['Start', 'Contacts'], ['Contacts', 'SendGrid'], ['SendGrid', 'Synced', 0], ['SendGrid', 'Rejected rows', 1]]),
			check(run, checks, { emulators }) {
				const synced = outputOf(run, 'Synced');
				checks.equal(synced.map((item) => [item.json.email, item.json.status]), [['map-ada@example.com', 'created'], ['map-grace@example.com', 'created']], 'synced items');
				const rejected = outputOf(run, 'Rejected rows').map((item) => String(item.json.error));
				checks.that(rejected.length === 1 && /^Item 1 \(map-bad@example.com\): lifetime_value .*"abc"/.test(rejected[0]), `rejected: ${JSON.stringify(rejected)}`);
				const { company, lifetimeValue, signupDate } = DEFAULTS.customFields;
				const ada = emulators.sendgrid.store.findByEmail('map-ada@example.com');
				checks.equal(ada?.custom_fields, { [company.id]: 'Analytical', [lifetimeValue.id]: 1200.5, [signupDate.id]: '02/29/2024' }, 'typed custom fields stored');
				checks.equal([ada?.fields.first_name, ada?.fields.city], ['Ada', 'London'], 'reserved fields stored');
				const grace = emulators.sendgrid.store.findByEmail('map-grace@example.com');
				checks.equal(grace?.custom_fields, { [company.id]: 'Navy', [lifetimeValue.id]: 7, [signupDate.id]: '12/31/2024' }, 'number text converted, the day as written');
				checks.equal(grace?.alternate_emails, ['g@example.org'], 'alternate emails stored');
				checks.equal(requestsTo(emulators.sendgrid, PUT).map((entry) => entry.contacts), [2], 'one request with the two good contacts');
			},
		},
	];
}
