import { countBy, outputOf } from '../../e2e/check';
import { loadExample } from '../../e2e/examples';
import { psql } from '../../e2e/postgres';
import type { WorkflowNode } from '../../e2e/workflow';
import { DEFAULTS as NOTIFUSE } from '../../emulators/notifuse';
import { asRun, type Execution } from '../api';
import type { QueueCase } from '../types';
import { active } from '../workflows';
import { emailsIn, executedBy, seconds, statusOf } from './common';
import { forQueue } from './postgresExample';

const ROWS = 200_000;
const PAGE = 20_000;
const PAGES = ROWS / PAGE;
const PARENT_ID = 'qLargeSyncParent';
const CHILD_ID = 'qLargeSyncChild0';
const CHILD_PATH = 'contact-sync-page';

/** The parent's HTTP Request node posts each page to the child's production webhook on main. */
function toMain(node: WorkflowNode): WorkflowNode {
	if (node.name !== 'Hand page to a worker') return node;
	if (!process.env.QUEUE_MAIN_URL) throw new Error('QUEUE_MAIN_URL is not set (test/queue/run.ts sets it before building the cases)');
	return { ...node, parameters: { ...node.parameters, url: `${process.env.QUEUE_MAIN_URL}/webhook/${CHILD_PATH}` } };
}

/**
 * The large-sync pattern: a parent pages the table, each page is its own execution on a free worker.
 * Built once main's port is known (the parent's HTTP Request node targets it).
 */
export const fanOutCase = (): QueueCase => ({
	name: `large-sync example pair: ${ROWS.toLocaleString('en')} CRM rows in Postgres, the parent hands ${PAGES} pages of ${PAGE.toLocaleString('en')} to the child workflow by webhook, the pages run on both workers`,
	workflows: [
		active(loadExample('large-sync-parent.json', PARENT_ID, (node) => toMain(forQueue('q-large-sync')(node)))),
		active(loadExample('large-sync-page-to-notifuse.json', CHILD_ID, forQueue(CHILD_PATH))),
	],
	seed(services) {
		psql(services.crm, `
			SET client_min_messages = warning;
			DROP TABLE IF EXISTS crm_contacts;
			CREATE TABLE crm_contacts (id serial PRIMARY KEY, email text NOT NULL, first_name text, last_name text, country text, company text, lifetime_value numeric(12, 2));
			INSERT INTO crm_contacts (email, first_name, last_name, country, company, lifetime_value)
			SELECT 'crm-' || i || '@example.com', 'First ' || i, 'Last ' || i, 'DE', 'Company ' || (i % 50), (i % 1000) * 1.25
			FROM generate_series(1, ${ROWS}) AS i;
		`);
	},
	async run(context, checks) {
		const started = Date.now();
		await context.api.trigger('q-large-sync');
		const [parent] = await context.api.waitFor(PARENT_ID, 1);
		const parentRun = asRun(await context.api.execution(parent.id));
		checks.equal(statusOf(await context.api.execution(parent.id)), 'success', 'parent status');
		checks.equal(outputOf(parentRun, 'Plan pages').length, PAGES, 'pages planned');
		const children = await context.api.waitFor(CHILD_ID, PAGES, { timeoutMs: 900_000 });
		const wallMs = Date.now() - started;
		checks.equal(children.length, PAGES, 'child executions');

		const durations: number[] = [];
		for (const child of children) {
			const full = await context.api.execution(child.id);
			const out = outputOf(asRun(full), 'Import into Notifuse');
			checks.equal(statusOf(full), 'success', `page execution ${child.id} status`);
			checks.equal(countBy(out, 'status'), { created: PAGE }, `page execution ${child.id} statuses`);
			durations.push(Date.parse(String(child.stoppedAt)) - Date.parse(String(child.startedAt)));
		}
		const imports = context.emulators.notifuse.log.filter((entry) => entry.path === '/api/contacts.import');
		const emails = imports.flatMap((entry) => emailsIn(entry, 'contacts'));
		checks.equal(imports.length, ROWS / 500, 'import requests');
		checks.equal([emails.length, new Set(emails).size], [ROWS, ROWS], 'contacts sent / distinct (each row exactly once)');
		const ws = context.emulators.notifuse.store.workspaces.get(NOTIFUSE.workspace.id);
		checks.equal(ws?.contacts.has(`crm-${ROWS}@example.com`), true, 'the last row is in Notifuse');
		const perWorker = executedBy(context, [parent, ...children] as Execution[], checks);
		const childWorkers = new Set(children.map((c) => context.cluster.workerOf(c.id)?.name));
		checks.equal(childWorkers.size, 2, 'pages ran on both workers');
		const avg = durations.reduce((a, b) => a + b, 0) / durations.length;
		context.figure('pages', `${PAGES} of ${PAGE.toLocaleString('en')} rows, ${imports.length} import requests, ${new Set(emails).size.toLocaleString('en')} distinct contacts`);
		context.figure('executions per worker (parent + pages)', perWorker);
		context.figure('wall', `${seconds(wallMs)} from the trigger to the last page done; a page takes ${seconds(avg)} on average (min ${seconds(Math.min(...durations))}, max ${seconds(Math.max(...durations))}), the parent ${seconds(Date.parse(String(parent.stoppedAt)) - Date.parse(String(parent.startedAt)))}`);
	},
});
