import { DEFAULTS } from '../../emulators/notifuse';
import { batchSizes, countBy, outputOf, pairedInOrder, requestsTo } from '../check';
import { credentialRef } from '../credentials';
import type { E2eCase, Emulators } from '../types';
import { mapColumns } from '../mapColumns';
import { generate, node, trigger, workflow } from '../workflow';

const credentials = credentialRef('notifuse', 'notifuseApi');
const autoMap = { fieldsInput: 'columns', columns: { mappingMode: 'autoMapInputData', value: null } };
const lists = DEFAULTS.lists;

function workspace(emulators: Emulators) {
	const found = emulators.notifuse.store.workspaces.get(DEFAULTS.workspace.id);
	if (!found) throw new Error('the emulator lost its demo workspace');
	return found;
}

function listStatus(emulators: Emulators, email: string, listId: string) {
	return workspace(emulators).memberships.get(email)?.get(listId)?.status;
}

export function notifuseCases(): E2eCase[] {
	return [
		{
			name: 'Notifuse upsert: created and updated per item, typed custom slots',
			workflow: workflow('e2eNfUpsert', 'Notifuse upsert', [
				trigger(),
				generate('Contacts', `return [
					{ email: 'lin@example.com', first_name: 'Lin', custom_string_1: 'Acme', custom_number_1: 1200.5 },
					{ email: 'Max@Example.com', first_name: 'Max', custom_datetime_1: '2026-01-31T10:00:00Z' },
					{ email: 'known@example.com', last_name: 'Known' },
					{ email: 'lin@example.com', last_name: 'Wong' },
				];`),
				node('Notifuse', 'notifuse', { resource: 'contact', operation: 'upsert', ...autoMap }, { credentials }),
			], [['Start', 'Contacts'], ['Contacts', 'Notifuse']]),
			before(emulators) {
				workspace(emulators).upsertContact({ email: 'known@example.com', values: new Map([['first_name', 'Kim']]) }, Date.now());
			},
			check(run, checks, { emulators }) {
				const out = outputOf(run, 'Notifuse');
				checks.equal(out.map((item) => item.json.status), ['created', 'created', 'updated', 'created'], 'statuses');
				checks.equal(out[1]?.json.email, 'max@example.com', 'normalised email');
				checks.that(pairedInOrder(out), 'paired in order');
				checks.equal(requestsTo(emulators.notifuse, '/api/contacts.upsert').length, 3, 'upsert requests (duplicates merged)');
				checks.equal(workspace(emulators).contacts.get('known@example.com')?.values.first_name, 'Kim', 'an update keeps fields it does not send');
				const lin = workspace(emulators).contacts.get('lin@example.com');
				checks.equal([lin?.values.first_name, lin?.values.last_name, lin?.values.custom_number_1], ['Lin', 'Wong', 1200.5], 'stored fields');
			},
		},
		{
			name: 'Notifuse import: 1,200 contacts in 3 batches, subscribed to a list, bad rows reported',
			workflow: workflow('e2eNfImport', 'Notifuse import', [
				trigger(),
				generate('Contacts', `return Array.from({ length: 1200 }, (_, i) => ({
					email: i === 7 ? 'broken@' : 'import-' + i + '@example.com',
					first_name: 'Person ' + i,
					custom_number_2: i === 9 ? 'lots' : i,
				}));`),
				node('Notifuse', 'notifuse', {
					resource: 'contact',
					operation: 'import',
					...autoMap,
					options: { subscribeToLists: [lists.newsletter.id] },
				}, { credentials, onError: 'continueRegularOutput' }),
			], [['Start', 'Contacts'], ['Contacts', 'Notifuse']]),
			check(run, checks, { emulators }) {
				const out = outputOf(run, 'Notifuse');
				checks.equal(countBy(out, 'status'), { created: 1198, invalid: 2 }, 'statuses');
				checks.equal([out[7]?.json.errorField, out[9]?.json.errorField], ['email', 'custom_number_2'], 'invalid fields');
				checks.that(pairedInOrder(out), 'paired in order');
				checks.equal(batchSizes(emulators.notifuse, '/api/contacts.import'), [500, 500, 198], 'import batches');
				checks.equal(listStatus(emulators, 'import-1199@example.com', lists.newsletter.id), 'active', 'subscribed to the newsletter');
			},
		},
		{
			name: 'Notifuse add to lists: 700 contacts to two lists in 2 requests',
			workflow: workflow('e2eNfAddLists', 'Notifuse add to lists', [
				trigger(),
				generate('Contacts', "return Array.from({ length: 700 }, (_, i) => ({ email: 'member-' + i + '@example.com' }));"),
				node('Notifuse', 'notifuse', {
					resource: 'contactList',
					operation: 'addContacts',
					...autoMap,
					listIds: [lists.customers.id, lists.updates.id],
				}, { credentials }),
			], [['Start', 'Contacts'], ['Contacts', 'Notifuse']]),
			check(run, checks, { emulators }) {
				const out = outputOf(run, 'Notifuse');
				checks.equal(countBy(out, 'status'), { added: 700 }, 'statuses');
				checks.equal(requestsTo(emulators.notifuse, '/api/contacts.import').length, 2, 'import requests');
				checks.equal(
					[listStatus(emulators, 'member-699@example.com', lists.customers.id), listStatus(emulators, 'member-0@example.com', lists.updates.id)],
					['active', 'active'],
					'memberships',
				);
			},
		},
		{
			name: 'Notifuse workspace the key cannot use: clear error, nothing written',
			expectError: true,
			workflow: workflow('e2eNfWrongWs', 'Notifuse wrong workspace', [
				trigger(),
				generate('Contacts', "return [{ email: 'nobody@example.com' }];"),
				node('Notifuse', 'notifuse', { resource: 'contact', operation: 'import', ...autoMap, workspaceId: DEFAULTS.foreignWorkspace.id }, { credentials }),
			], [['Start', 'Contacts'], ['Contacts', 'Notifuse']]),
			check(run, checks, { cli, emulators }) {
				checks.that(run?.status === 'error' || cli.code !== 0, 'the execution failed');
				checks.that(/workspace/i.test(cli.stdout + cli.stderr), 'the error names the workspace');
				checks.equal(workspace(emulators).contacts.has('nobody@example.com'), false, 'nothing written');
			},
		},
		{
			name: 'Notifuse Map Columns with every mapper type (text, number; date-time and JSON slots as text); a bad cell goes to the error output alone',
			workflow: workflow('e2eNfMapColumns', 'Notifuse Map Columns', [
				trigger(),
				generate('Contacts', `return [
					{ email: 'map-ada@example.com', first: 'Ada', country: 'GB', n: 3, at: '2024-03-01T10:30Z', tags: ['a', 'b'] },
					{ email: 'map-bad@example.com', first: 'Bad', n: 'abc', at: '2024-03-01T10:30:00Z', tags: ['c'] },
					{ email: 'map-grace@example.com', first: 'Grace', n: '2.5', at: '2024-03-01', tags: { team: 'navy' } },
				];`),
				node('Notifuse', 'notifuse', {
					resource: 'contact',
					operation: 'import',
					workspaceId: '',
					...mapColumns([
						['email', 'string', '={{ $json.email }}'],
						['first_name', 'string', '={{ $json.first }}'],
						['country', 'string', '={{ $json.country }}'],
						['custom_number_1', 'number', '={{ $json.n }}'],
						['custom_datetime_1', 'string', '={{ $json.at }}'],
						['custom_json_1', 'string', '={{ $json.tags }}'],
					]),
					options: {},
				}, { credentials, onError: 'continueErrorOutput' }),
				node('Synced', 'n8n-nodes-base.noOp', {}),
				node('Rejected rows', 'n8n-nodes-base.noOp', {}),
			], [['Start', 'Contacts'], ['Contacts', 'Notifuse'], ['Notifuse', 'Synced', 0], ['Notifuse', 'Rejected rows', 1]]),
			check(run, checks, { emulators }) {
				const synced = outputOf(run, 'Synced');
				checks.equal(synced.map((item) => [item.json.email, item.json.status]), [['map-ada@example.com', 'created'], ['map-grace@example.com', 'created']], 'synced items');
				const rejected = outputOf(run, 'Rejected rows').map((item) => String(item.json.error));
				checks.that(rejected.length === 1 && /^Item 1 \(map-bad@example.com\): custom_number_1 .*"abc"/.test(rejected[0]), `rejected: ${JSON.stringify(rejected)}`);
				const ada = workspace(emulators).contacts.get('map-ada@example.com')?.values;
				checks.equal([ada?.first_name, ada?.country, ada?.custom_number_1, ada?.custom_datetime_1, ada?.custom_json_1], ['Ada', 'GB', 3, '2024-03-01T10:30:00Z', ['a', 'b']], 'typed fields stored');
				const grace = workspace(emulators).contacts.get('map-grace@example.com')?.values;
				checks.equal([grace?.custom_number_1, grace?.custom_datetime_1, grace?.custom_json_1], [2.5, '2024-03-01T00:00:00Z', { team: 'navy' }], 'number text, bare date as midnight UTC, JSON object');
				checks.that(!workspace(emulators).contacts.has('map-bad@example.com'), 'the bad row was not sent');
			},
		},
	];
}
