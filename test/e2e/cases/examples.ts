import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseCsv } from '../../../scripts/demo/csv';
import { DEFAULTS as AUTOSEND } from '../../emulators/autosend';
import { DEFAULTS as NOTIFUSE } from '../../emulators/notifuse';
import { DEFAULTS as SENDGRID } from '../../emulators/sendgrid';
import { batchSizes, countBy, outputOf, pairedInOrder, ran, requestsTo } from '../check';
import { POSTGRES_CREDENTIAL, postgresFromEnv, seedCustomers } from '../postgres';
import { EXAMPLES_DIR, loadExample, manualStart, unpaced } from '../examples';
import type { E2eCase } from '../types';
import { node as buildNode } from '../workflow';

const CSV_FILE = join(EXAMPLES_DIR, 'data', 'crm-export.csv');
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** What AutoSend must reject in the CSV: bad emails and over-long names (its 255-character limit). */
function expectedCsvOutcome() {
	const rows = parseCsv(readFileSync(CSV_FILE, 'utf8'));
	const rejected: number[] = [];
	const unique = new Set<string>();
	rows.forEach((row, index) => {
		const email = row.email.trim().toLowerCase();
		if (!EMAIL.test(email) || row.first_name.length > 255) rejected.push(index);
		else unique.add(email);
	});
	return { rows: rows.length, rejected, unique: unique.size };
}

/**
 * The Postgres → Notifuse example. With a real PostgreSQL (E2E_POSTGRES, set by the queue suite) the
 * shipped Postgres node reads a seeded `customers` table through n8n's own Postgres credential;
 * otherwise a Code node of the same name returns the rows the shipped query selects.
 */
function postgresExampleCase(): E2eCase {
	const pg = postgresFromEnv();
	return {
		name: pg
			? "example postgres-to-notifuse: n8n's Postgres node on a seeded customers table (1,500 of 2,000 rows changed today) → import + 2 lists, problems filtered"
			: 'example postgres-to-notifuse: 1,500 rows (database stood in by a Code node) → import + 2 lists, problems filtered',
		workflow: loadExample('postgres-to-notifuse.json', 'e2eExPgNotifuse', (node) => {
			if (node.type === 'n8n-nodes-base.postgres') {
				if (pg) return { ...node, credentials: { postgres: POSTGRES_CREDENTIAL } };
				// The same columns the shipped query selects, as Postgres would return them.
				return buildNode(node.name, 'n8n-nodes-base.code', {
					jsCode: `return Array.from({ length: 1500 }, (_, i) => ({ json: {
						email: i === 10 ? 'not-an-email' : 'pg-' + i + '@example.com',
						first_name: 'Row ' + i, last_name: null, phone: null, country: 'DE', job_title: 'Engineer',
						custom_string_1: 'Company ' + (i % 7), custom_number_1: i === 20 ? 'n/a' : i * 1.5,
						custom_datetime_1: new Date(Date.UTC(2025, 0, 1 + (i % 300))).toISOString(),
					} }));`,
				}, { typeVersion: 2, position: node.position });
			}
			return unpaced(manualStart(node));
		}),
		before: pg ? () => seedCustomers(pg) : undefined,
		check(run, checks, { emulators }) {
			checks.that(ran(run, 'Every night at 02:00'), 'the trigger ran');
			checks.equal(outputOf(run, 'Customers changed today').length, 1500, 'rows read');
			const imported = outputOf(run, 'Import into Notifuse');
			checks.equal(countBy(imported, 'status'), { created: 1498, invalid: 2 }, 'import statuses');
			// The seeded table has a malformed and a missing email; the stand-in a mistyped number.
			checks.equal([imported[10]?.json.errorField, imported[20]?.json.errorField], ['email', pg ? 'email' : 'custom_number_1'], 'invalid fields');
			checks.equal(outputOf(run, 'Only problems').map((item) => item.json.status), ['invalid', 'invalid'], 'the filter keeps the two problems');
			checks.equal(batchSizes(emulators.notifuse, '/api/contacts.import'), [500, 500, 498], 'import batches');
			const ws = emulators.notifuse.store.workspaces.get(NOTIFUSE.workspace.id);
			const memberships = ws?.memberships.get('pg-1499@example.com');
			checks.equal([memberships?.get('newsletter')?.status, memberships?.get('customers')?.status], ['active', 'active'], 'list memberships');
			checks.equal(ws?.contacts.get('pg-1499@example.com')?.values.custom_number_1, 2248.5, 'lifetime value stored as a number');
			if (pg) checks.equal(ws?.contacts.has('old-0@example.com'), false, 'rows not changed today were not synced');
		},
	};
}

export function exampleCases(): E2eCase[] {
	const csv = expectedCsvOutcome();
	return [
		{
			name: `example csv-to-autosend-list: ${csv.rows} CSV rows → bulk update + Newsletter, bad rows on the error branch`,
			workflow: loadExample('csv-to-autosend-list.json', 'e2eExCsvAutoSend', (node) =>
				node.type === 'n8n-nodes-base.readWriteFile'
					? { ...node, parameters: { ...node.parameters, fileSelector: CSV_FILE } }
					: unpaced(node),
			),
			check(run, checks, { emulators }) {
				checks.equal(outputOf(run, 'Parse CSV').length, csv.rows, 'parsed rows');
				const synced = outputOf(run, 'Create or update contacts');
				const rejected = outputOf(run, 'Create or update contacts', 1);
				checks.equal(rejected.map((item) => (item.pairedItem as { item: number }).item), csv.rejected, 'rejected rows');
				checks.equal(synced.length, csv.rows - csv.rejected.length, 'synced rows');
				checks.equal(countBy(synced, 'status'), { upserted: synced.length }, 'bulk update statuses');
				checks.that(outputOf(run, 'Rows to fix').every((item) => /^Item \d+/.test(String(item.json.error))), 'each row to fix says which item');
				const added = outputOf(run, 'Add to Newsletter');
				checks.equal(added.length, synced.length, 'one list result per synced row');
				checks.that(added.every((item) => item.json.status === 'added' || item.json.status === 'already_in_list'), `list statuses ${JSON.stringify(countBy(added, 'status'))}`);
				checks.that(pairedInOrder(added), 'list results paired in order');
				const bulk = requestsTo(emulators.autosend, '/v1/contacts/bulk-update');
				checks.equal(bulk.length, Math.ceil(csv.unique / 100), 'bulk-update requests (duplicates merged)');
				checks.equal(requestsTo(emulators.autosend, '/v1/contact-lists/contacts/bulk-add').length, Math.ceil(csv.unique / 500), 'bulk-add requests');
				const members = emulators.autosend.store.lists.get(AUTOSEND.lists.newsletter.id)?.members.size ?? 0;
				checks.that(members >= csv.unique, `newsletter holds every synced contact (${members})`);
			},
		},
		postgresExampleCase(),
		{
			name: 'example crm-segment-to-list: 300 CRM rows (stood in by a Code node) → 200 still in the segment added; of the 100 who left, Get finds 80 (removed / not_in_list) and reports 20 AutoSend never had',
			workflow: loadExample('crm-segment-to-list.json', 'e2eExCrmSegment', (node) => {
				if (node.name === 'Segment rows from the CRM') {
					// 0-199 in the segment, 200-259 churned (on the list), 260-279 opted out (already off it), 280-299 churned, never synced.
					return buildNode(node.name, 'n8n-nodes-base.code', {
						jsCode: `return Array.from({ length: 300 }, (_, i) => ({ json: {
							email: 'seg-' + i + '@example.com',
							crm_status: i < 200 ? (i % 3 === 0 ? 'trial' : 'active') : i < 260 || i >= 280 ? 'churned' : 'opted_out',
						} }));`,
					}, { typeVersion: 2, position: node.position });
				}
				return unpaced(manualStart(node));
			}),
			before(emulators) {
				const store = emulators.autosend.store;
				for (let i = 200; i < 260; i++) store.upsertContact({ email: `seg-${i}@example.com`, listIds: [AUTOSEND.lists.newsletter.id] });
				for (let i = 260; i < 280; i++) store.upsertContact({ email: `seg-${i}@example.com` });
			},
			check(run, checks, { emulators }) {
				const added = outputOf(run, 'Add to Newsletter');
				checks.equal(countBy(added, 'status'), { added: 200 }, 'rows still in the segment added');
				const looked = outputOf(run, 'Look them up in AutoSend');
				checks.equal(countBy(looked, 'status'), { found: 80, not_found: 20 }, 'Get: who left, known to AutoSend or not');
				checks.that(pairedInOrder(looked), 'lookup results paired in order');
				const unknown = outputOf(run, 'Unknown to AutoSend');
				checks.equal([unknown.length, unknown[0]?.json.email, unknown[19]?.json.email], [20, 'seg-280@example.com', 'seg-299@example.com'], 'the 20 AutoSend never had, reported');
				const removed = outputOf(run, 'Remove from Newsletter');
				checks.equal(countBy(removed, 'status'), { removed: 60, not_in_list: 20 }, 'known rows that left');
				checks.that(pairedInOrder(removed), 'removal results paired in order');
				checks.equal([removed[0]?.json.email, removed[79]?.json.email], ['seg-200@example.com', 'seg-279@example.com'], 'removal results in input order');
				checks.that(!ran(run, 'Rows to fix'), 'no row to fix');
				checks.equal(requestsTo(emulators.autosend, '/v1/contact-lists/contacts/bulk-add').map((entry) => entry.contacts), [200], 'one bulk-add request');
				checks.equal(requestsTo(emulators.autosend, '/v1/contacts/search/emails').map((entry) => entry.contacts), [100], 'one lookup request');
				const removals = emulators.autosend.log.filter((entry) => entry.path.endsWith('/contacts/remove'));
				checks.equal(removals.map((entry) => entry.contacts), [80], 'one removal request, only for contacts AutoSend has');
				const store = emulators.autosend.store;
				const onList = [...(store.lists.get(AUTOSEND.lists.newsletter.id)?.members ?? [])]
					.map((id) => store.contactsById.get(id)?.email ?? '')
					.filter((email) => email.startsWith('seg-'));
				checks.equal(onList.length, 200, 'the newsletter holds exactly the segment (other cases share the emulator)');
				checks.that(onList.every((email) => Number(/seg-(\d+)@/.exec(email)?.[1]) < 200), 'nobody who left is still on the list');
				checks.that(Boolean(emulators.autosend.store.findContact('seg-200@example.com')), 'a removed contact stays in AutoSend');
			},
		},
		{
			name: 'example scheduled-crm-to-sendgrid: CRM rows (stood in by a Code node) → upsert + list, failures aggregated to the notification branch',
			workflow: loadExample('scheduled-crm-to-sendgrid.json', 'e2eExCrmSendGrid', (node) => {
				if (node.name === 'Contacts changed in the CRM') {
					return buildNode(node.name, 'n8n-nodes-base.code', {
						jsCode: `return Array.from({ length: 300 }, (_, i) => ({ json: {
							crm_id: 'crm-' + i, email: i === 5 ? 'broken@' : 'crm-' + i + '@example.com', first_name: 'Row ' + i,
							last_name: i === 9 ? 'L'.repeat(60) : 'Last', country: 'DE', company: 'Co ' + (i % 5), lifetime_value: i * 3,
						} }));`,
					}, { typeVersion: 2, position: node.position });
				}
				// The Slack webhook stands in as a no-op: the branch and the message it would send are what is checked.
				if (node.name === 'Notify team') return { ...node, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };
				return unpaced(manualStart(node));
			}),
			check(run, checks, { emulators }) {
				const synced = outputOf(run, 'Create or Update in SendGrid');
				checks.equal(countBy(synced, 'status'), { created: 298 }, 'synced statuses');
				const failures = outputOf(run, 'Collect failures')[0]?.json.failures as Array<{ error?: string }> | undefined;
				checks.equal(failures?.length, 2, 'failures collected for the notification');
				checks.that((failures ?? []).every((f) => /^Item (5|9)\b/.test(String(f.error))), `failure messages ${JSON.stringify(failures?.map((f) => f.error))}`);
				checks.that(ran(run, 'Notify team'), 'the notification branch ran');
				checks.equal(requestsTo(emulators.sendgrid, '/v3/marketing/contacts').map((entry) => entry.contacts), [298], 'one upsert request');
				const stored = emulators.sendgrid.store.findByEmail('crm-299@example.com');
				checks.that(Boolean(stored && [...stored.list_ids].includes(SENDGRID.lists.newsletter.id)), 'added to the newsletter list');
			},
		},
	];
}
