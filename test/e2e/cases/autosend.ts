import { DEFAULTS } from '../../emulators/autosend';
import { countBy, outputOf, pairedInOrder, ran, requestsTo } from '../check';
import { credentialRef } from '../credentials';
import type { E2eCase } from '../types';
import { mapColumns } from '../mapColumns';
import { generate, node, trigger, workflow } from '../workflow';

const credentials = credentialRef('autosend', 'autoSendApi');
const autoMap = { fieldsInput: 'columns', columns: { mappingMode: 'autoMapInputData', value: null } };
// The emulators run without rate limiting here; pacing is measured by the benchmark, not this suite.
const unpaced = { requestsPerSecond: 0 };

function contacts(count: number, prefix: string, extra = '') {
	return `return Array.from({ length: ${count} }, (_, i) => ({ email: '${prefix}-' + i + '@example.com', firstName: 'First ' + i${extra} }));`;
}

export function autoSendCases(): E2eCase[] {
	return [
		{
			name: 'AutoSend create: one request per contact, an existing contact is a per-item error',
			workflow: workflow('e2eAsCreate', 'AutoSend create', [
				trigger(),
				generate('Contacts', `return [
					{ email: 'ada@example.com', firstName: 'Ada', company: 'Analytical' },
					{ email: 'Grace@Example.com ', firstName: 'Grace', loginCount: 3 },
					{ email: 'already@example.com', firstName: 'Al' },
					{ email: 'ada@example.com', lastName: 'Lovelace' },
				];`),
				node('AutoSend', 'autoSend', { resource: 'contact', operation: 'create', ...autoMap, options: unpaced }, {
					credentials,
					onError: 'continueRegularOutput',
				}),
			], [['Start', 'Contacts'], ['Contacts', 'AutoSend']]),
			before(emulators) {
				emulators.autosend.store.upsertContact({ email: 'already@example.com' });
			},
			check(run, checks, { emulators }) {
				const out = outputOf(run, 'AutoSend');
				checks.equal(out.map((item) => item.json.status), ['created', 'created', 'failed', 'created'], 'statuses');
				checks.equal(out[1]?.json.email, 'grace@example.com', 'normalised email');
				const message = String(out[2]?.json.errorMessage);
				checks.that(/already exists/i.test(message) && /Create or Update/.test(message), `existing contact message: ${message}`);
				checks.equal(out[3]?.json.mergedWithItems, [0], 'the duplicate is merged into the first ada item');
				checks.that(pairedInOrder(out), 'paired in order');
				checks.equal(requestsTo(emulators.autosend, '/v1/contacts').length, 3, 'create requests (duplicates merged)');
				checks.equal(emulators.autosend.store.findContact('ada@example.com')?.lastName, 'Lovelace', 'merged fields stored');
			},
		},
		{
			name: 'AutoSend upsert: existing and new contacts both succeed',
			workflow: workflow('e2eAsUpsert', 'AutoSend upsert', [
				trigger(),
				generate('Contacts', contacts(20, 'upsert', ", plan: i % 2 ? 'pro' : 'free', isPremium: i % 2 === 1")),
				node('AutoSend', 'autoSend', { resource: 'contact', operation: 'upsert', ...autoMap, options: unpaced }, { credentials }),
			], [['Start', 'Contacts'], ['Contacts', 'AutoSend']]),
			check(run, checks, { emulators }) {
				const out = outputOf(run, 'AutoSend');
				checks.equal(countBy(out, 'status'), { upserted: 20 }, 'statuses');
				checks.that(out.every((item) => typeof item.json.id === 'string' && item.json.id !== ''), 'every item has an AutoSend id');
				checks.equal(requestsTo(emulators.autosend, '/v1/contacts/email').length, 20, 'upsert requests');
			},
		},
		{
			name: 'AutoSend bulk update: 25,000 items in 250 requests of 100',
			workflow: workflow('e2eAsBulk25k', 'AutoSend bulk update 25k', [
				trigger(),
				generate('Contacts', contacts(25_000, 'bulk', ", role: 'member'")),
				node('AutoSend', 'autoSend', {
					resource: 'contact',
					operation: 'bulkUpdate',
					runWorkflow: false,
					...autoMap,
					options: { ...unpaced, concurrency: 4 },
				}, { credentials }),
			], [['Start', 'Contacts'], ['Contacts', 'AutoSend']]),
			check(run, checks, { emulators }) {
				const out = outputOf(run, 'AutoSend');
				checks.equal(out.length, 25_000, 'output items');
				checks.equal(countBy(out, 'status'), { upserted: 25_000 }, 'statuses');
				checks.that(pairedInOrder(out), 'paired in order');
				const sent = requestsTo(emulators.autosend, '/v1/contacts/bulk-update');
				checks.equal(sent.length, 250, 'bulk-update requests');
				checks.that(sent.every((entry) => entry.contacts === 100 && entry.status === 200), 'every request carries 100 contacts and succeeds');
			},
		},
		{
			name: 'AutoSend add to list: added, created, already in list, suppressed',
			workflow: workflow('e2eAsAddList', 'AutoSend add to list', [
				trigger(),
				generate('Contacts', `return [
					{ email: 'ada@example.com' }, { email: 'new-member@example.com' },
					{ email: '${DEFAULTS.suppressedEmails[0]}' }, { email: 'ADA@example.com' },
				];`),
				node('Add once', 'autoSend', {
					resource: 'contactList',
					operation: 'addContacts',
					list: { __rl: true, mode: 'id', value: DEFAULTS.lists.customers.id },
					email: '={{ $json.email }}',
					options: unpaced,
				}, { credentials, onError: 'continueRegularOutput' }),
			], [['Start', 'Contacts'], ['Contacts', 'Add once']]),
			before(emulators) {
				emulators.autosend.store.upsertContact({ email: 'ada@example.com', listIds: [DEFAULTS.lists.customers.id] });
			},
			check(run, checks, { emulators }) {
				const out = outputOf(run, 'Add once');
				const statuses = out.map((item) => item.json.status);
				checks.equal(statuses.length, 4, 'output items');
				checks.equal(statuses[1], 'added', 'new member status');
				checks.equal(out[1]?.json.created, true, 'new member was created by the list add');
				checks.equal(statuses[2], 'suppressed', 'suppressed status');
				checks.equal(statuses[0], statuses[3], 'duplicate email gets the same result');
				checks.that(out.every((item) => item.json.listId === DEFAULTS.lists.customers.id), 'listId on every item');
				checks.equal(requestsTo(emulators.autosend, '/v1/contact-lists/contacts/bulk-add').length, 1, 'bulk-add requests');
			},
		},
		{
			name: 'AutoSend invalid items go to the error output branch, valid ones are sent',
			workflow: workflow('e2eAsErrorOut', 'AutoSend error output', [
				trigger(),
				generate('Contacts', `return [
					{ email: 'ok-1@example.com' }, { email: 'not-an-email' }, { email: 'ok-2@example.com' },
					{ email: '' }, { email: 'ok-3@example.com', loginCount: 'many' },
				];`),
				node('AutoSend', 'autoSend', { resource: 'contact', operation: 'bulkUpdate', runWorkflow: false, ...autoMap, options: unpaced }, {
					credentials,
					onError: 'continueErrorOutput',
				}),
				node('Synced', 'n8n-nodes-base.noOp', {}),
				node('Rejected rows', 'n8n-nodes-base.noOp', {}),
			], [['Start', 'Contacts'], ['Contacts', 'AutoSend'], ['AutoSend', 'Synced', 0], ['AutoSend', 'Rejected rows', 1]]),
			check(run, checks, { emulators }) {
				checks.that(ran(run, 'Synced') && ran(run, 'Rejected rows'), 'both branches ran');
				const synced = outputOf(run, 'Synced');
				const rejected = outputOf(run, 'Rejected rows');
				checks.equal(synced.map((item) => item.json.email), ['ok-1@example.com', 'ok-2@example.com'], 'synced emails');
				checks.equal(rejected.length, 3, 'rejected items');
				// n8n keeps only the message on error-output items, so it must name the item and the field.
				const messages = rejected.map((item) => String(item.json.error));
				const expected = [/^Item 1\b.*email/, /^Item 3\b.*email/, /^Item 4 \(ok-3@example.com\): loginCount/];
				checks.that(expected.every((pattern, i) => pattern.test(messages[i] ?? '')), `rejected messages: ${JSON.stringify(messages)}`);
				const errorOutput = outputOf(run, 'AutoSend', 1);
				checks.equal(errorOutput.map((item) => (item.pairedItem as { item: number }).item), [1, 3, 4], 'rejected items keep their pairing');
				const sent = requestsTo(emulators.autosend, '/v1/contacts/bulk-update');
				checks.equal(sent.map((entry) => entry.contacts), [2], 'only the valid contacts were sent');
			},
		},
		{
			name: 'AutoSend wrong API key: the workflow fails with a clear message',
			expectError: true,
			workflow: workflow('e2eAsWrongKey', 'AutoSend wrong key', [
				trigger(),
				generate('Contacts', contacts(3, 'wrongkey')),
				node('AutoSend', 'autoSend', { resource: 'contact', operation: 'bulkUpdate', runWorkflow: false, ...autoMap, options: unpaced }, {
					credentials: credentialRef('autosendWrongKey', 'autoSendApi'),
				}),
			], [['Start', 'Contacts'], ['Contacts', 'AutoSend']]),
			check(run, checks, { cli }) {
				checks.that(run?.status === 'error' || cli.code !== 0, 'the execution failed');
				const text = cli.stdout + cli.stderr;
				checks.that(/api key|unauthori[sz]ed|credential/i.test(text), 'the error names the key/credential problem');
				checks.that(!text.includes('AS_wrong'), 'the key is not echoed');
			},
		},
		{
			name: 'AutoSend Map Columns with every mapper type (text, list IDs, number, boolean, date); a bad cell goes to the error output alone',
			workflow: workflow('e2eAsMapColumns', 'AutoSend Map Columns', [
				trigger(),
				generate('Contacts', `return [
					{ email: 'map-ada@example.com', first: 'Ada', last: 'Lovelace', uid: 'u-1', lists: '${DEFAULTS.lists.newsletter.id}', plan: 'pro', logins: 3, premium: true, trial: '2024-03-01' },
					{ email: 'map-bad@example.com', first: 'Bad', logins: 'abc', premium: 'false', trial: '2024-03-02' },
					{ email: 'map-grace@example.com', first: 'Grace', logins: '4', premium: 'false', trial: '2024-03-01T23:30:00-05:00' },
				];`),
				node('AutoSend', 'autoSend', {
					resource: 'contact',
					operation: 'upsert',
					runWorkflow: false,
					...mapColumns([
						['email', 'string', '={{ $json.email }}'],
						['firstName', 'string', '={{ $json.first }}'],
						['lastName', 'string', '={{ $json.last }}'],
						['userId', 'string', '={{ $json.uid }}'],
						['listIds', 'string', '={{ $json.lists }}'],
						['plan', 'string', '={{ $json.plan }}'],
						['loginCount', 'number', '={{ $json.logins }}'],
						['isPremium', 'boolean', '={{ $json.premium }}'],
						['trialEndsAt', 'dateTime', '={{ $json.trial }}'],
					]),
					options: unpaced,
				}, { credentials, onError: 'continueErrorOutput' }),
				node('Synced', 'n8n-nodes-base.noOp', {}),
				node('Rejected rows', 'n8n-nodes-base.noOp', {}),
			], [['Start', 'Contacts'], ['Contacts', 'AutoSend'], ['AutoSend', 'Synced', 0], ['AutoSend', 'Rejected rows', 1]]),
			check(run, checks, { emulators }) {
				const synced = outputOf(run, 'Synced');
				checks.equal(synced.map((item) => [item.json.email, item.json.status]), [['map-ada@example.com', 'upserted'], ['map-grace@example.com', 'upserted']], 'synced items');
				const rejected = outputOf(run, 'Rejected rows').map((item) => String(item.json.error));
				checks.that(rejected.length === 1 && /^Item 1 \(map-bad@example.com\): loginCount .*"abc"/.test(rejected[0]), `rejected: ${JSON.stringify(rejected)}`);
				const ada = emulators.autosend.store.findContact('map-ada@example.com');
				checks.equal(ada?.customFields, { plan: 'pro', loginCount: 3, isPremium: true, trialEndsAt: '2024-03-01' }, 'typed custom fields stored');
				checks.equal([ada?.firstName, ada?.lastName, ada?.userId], ['Ada', 'Lovelace', 'u-1'], 'standard fields stored');
				checks.equal([...(ada?.listIds ?? [])], [DEFAULTS.lists.newsletter.id], 'added to the mapped list');
				checks.equal(emulators.autosend.store.findContact('map-grace@example.com')?.customFields, { loginCount: 4, isPremium: false, trialEndsAt: '2024-03-01' }, 'the day as written');
				checks.equal(emulators.autosend.store.findContact('map-bad@example.com'), undefined, 'the bad row was not sent');
			},
		},
	];
}
