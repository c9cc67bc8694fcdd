import { countBy, outputOf, requestsTo } from '../../e2e/check';
import { credentialRef } from '../../e2e/credentials';
import { node } from '../../e2e/workflow';
import { asRun, isDone, type Execution } from '../api';
import type { QueueCase, QueueContext } from '../types';
import { autoMap, syncWorkflow } from '../workflows';
import { seconds, sleep, statusOf } from './common';

const BULK = '/v1/contacts/bulk-update';
const credentials = credentialRef('autosend', 'autoSendApi');

function autoSendBulk(options: Record<string, unknown>, extra: Record<string, unknown> = {}) {
	return node('AutoSend', 'autoSend', { resource: 'contact', operation: 'bulkUpdate', runWorkflow: false, ...autoMap, options }, { credentials, ...extra });
}

const RETRY_ID = 'qRetryOnFailAS'.padEnd(16, '0');
const CANCEL_ID = 'qCancelAutoSnd'.padEnd(16, '0');
const KILL_ID = 'qKillWorkerAS'.padEnd(16, '0');

/**
 * Triggers a workflow and returns its execution once a worker has started it. The public API's list
 * leaves running executions out (excludeRunning), so the id comes from main's log ("Enqueued
 * execution N (job M)").
 */
async function startOnWorker(context: QueueContext, path: string, body: unknown) {
	const enqueued = () => [...context.cluster.main.log.matchAll(/Enqueued execution (\d+)/g)].map((m) => m[1]);
	const known = new Set(enqueued());
	await context.api.trigger(path, body);
	const deadline = Date.now() + 30_000;
	let id: string | undefined;
	while (Date.now() < deadline) {
		id ??= enqueued().find((candidate) => !known.has(candidate));
		const worker = id ? context.cluster.workerOf(id) : undefined;
		if (id && worker) return { id, worker };
		await sleep(50);
	}
	throw new Error(`no worker started the execution of ${path} (enqueued: ${id ?? 'none'})`);
}

async function waitUntil(context: QueueContext, id: string, done: (e: Execution) => boolean, timeoutMs: number): Promise<Execution> {
	const deadline = Date.now() + timeoutMs;
	let last = await context.api.execution(id);
	while (!done(last) && Date.now() < deadline) {
		await sleep(500);
		last = await context.api.execution(id);
	}
	return last;
}

/** Bulk-update requests in the emulator's log, with their timing. */
const bulkLog = (context: QueueContext) => context.emulators.autosend.log.filter((entry) => entry.path === BULK);

async function acceptedAtLeast(context: QueueContext, count: number) {
	const deadline = Date.now() + 60_000;
	while (bulkLog(context).filter((e) => e.status === 200).length < count && Date.now() < deadline) await sleep(50);
}

/** n8n's Retry On Fail re-runs the node on the same worker; only the contacts that failed are resent. */
export const retryOnFailCase: QueueCase = {
	name: 'Retry On Fail inside a worker: one bulk request fails (500, no node retries), n8n re-runs the node, only its 100 contacts are resent',
	workflows: [syncWorkflow(RETRY_ID, 'Queue: AutoSend Retry On Fail', 'q-retry', autoSendBulk({ requestsPerSecond: 0, maxRetries: 0, concurrency: 1 }, { retryOnFail: true, maxTries: 2, waitBetweenTries: 1000 }), 'firstName')],
	async run(context, checks) {
		const { autosend } = context.emulators;
		autosend.faults.configure({ rules: [{ kind: 'status', status: 500, path: BULK, skip: 3, count: 1 }] });
		await context.api.trigger('q-retry', { count: 1_000, prefix: 'retry' });
		const [execution] = await context.api.waitFor(RETRY_ID, 1);
		autosend.faults.configure({});
		const full = await context.api.execution(execution.id);
		const out = outputOf(asRun(full), 'AutoSend');
		checks.equal(statusOf(full), 'success', 'execution status');
		checks.that(Boolean(context.cluster.workerOf(execution.id)), 'a worker ran it');
		checks.equal(countBy(out, 'status'), { upserted: 1_000 }, 'statuses after the retry');
		checks.equal(out.filter((item) => item.json.fromEarlierTry === true).length, 900, 'results kept from the first try');
		const bulk = requestsTo(autosend, BULK);
		checks.equal(bulk.map((e) => e.status).join(','), '200,200,200,500,200,200,200,200,200,200,200', 'bulk requests: 10 in the first try (the 4th failing), 1 in the second');
		checks.equal(requestsTo(autosend, '/v1/custom-fields').length, 2, 'node tries (one set-up read each)');
		context.figure('requests', `${bulk.length} bulk (1 answered 500), ${bulk.reduce((n, e) => n + (e.status === 200 ? e.contacts ?? 0 : 0), 0)} contacts accepted`);
	},
};

/** A stop on the main instance travels over Redis pub/sub to the worker running the execution. */
export const cancelCase: QueueCase = {
	name: 'cancel on the main instance stops the execution on its worker; nothing is sent afterwards',
	workflows: [syncWorkflow(CANCEL_ID, 'Queue: AutoSend cancel', 'q-cancel', autoSendBulk({ requestsPerSecond: 2 }), 'firstName')],
	async run(context, checks) {
		const { id, worker } = await startOnWorker(context, 'q-cancel', { count: 3_000, prefix: 'cancel' });
		await acceptedAtLeast(context, 4);
		const stopAt = Date.now();
		const answer = await context.api.stop(id);
		const stopped = await waitUntil(context, id, isDone, 30_000);
		const visibleMs = Date.now() - stopAt;
		// Anything the worker still had queued would go out within a few pacing intervals.
		await sleep(4_000);
		const bulk = bulkLog(context);
		const after = bulk.filter((e) => e.at > stopAt + 1_000);
		checks.equal(stopped.status, 'canceled', `execution status (stop answered ${JSON.stringify(answer)})`);
		checks.equal(after.length, 0, 'bulk requests started more than 1 s after the stop');
		checks.that(bulk.length < 30, `fewer than all 30 requests went out (${bulk.length})`);
		checks.that(worker.running, 'the worker is still up');
		const last = Math.max(...bulk.map((e) => e.at));
		context.figure('stop → canceled in the API', seconds(visibleMs));
		context.figure('sent', `${bulk.length} of 30 requests (${bulk.reduce((n, e) => n + (e.contacts ?? 0), 0)} contacts), last one started ${last - stopAt} ms after the stop, none in the 4 s after`);
	},
};

/** A worker dies mid-run: what the execution shows, what reached the provider. */
export const killedWorkerCase: QueueCase = {
	name: 'a worker killed (SIGKILL) mid-run: the execution ends crashed (or error), the contacts sent before stay, nothing is resent',
	workflows: [syncWorkflow(KILL_ID, 'Queue: AutoSend worker killed', 'q-kill', autoSendBulk({ requestsPerSecond: 2 }), 'firstName')],
	async run(context, checks) {
		const { autosend } = context.emulators;
		const { id, worker } = await startOnWorker(context, 'q-kill', { count: 3_000, prefix: 'kill' });
		await acceptedAtLeast(context, 6);
		const killedAt = Date.now();
		worker.kill('SIGKILL');
		await worker.exited;
		const runningAfter = (await context.api.execution(id)).status;
		// Bull notices the lost lock (QUEUE_WORKER_LOCK_DURATION, 30 s) and fails the job without
		// handing it to another worker (maxStalledCount 0, scaling.service.ts); main's queue recovery
		// then marks the execution crashed.
		const ended = await waitUntil(context, id, isDone, 180_000);
		const endedMs = Date.now() - killedAt;
		await sleep(2_000);
		const bulk = bulkLog(context);
		const accepted = bulk.filter((e) => e.status === 200);
		const stored = Array.from({ length: 3_000 }, (_, i) => `kill-${i}@example.com`).filter((email) => autosend.store.findContact(email)).length;
		checks.equal(runningAfter, 'running', 'right after the kill the execution still shows running');
		// Whichever notices first decides the status: main's queue recovery marks it `crashed`; Bull's
		// stalled-job check fails the job, and n8n stores `error` with "…failed to be processed too many
		// times…". Both are seen on this machine; both tell the user the run did not finish.
		const lost = ended.status === 'crashed' || (ended.status === 'error' && /failed to be processed/.test(statusOf(ended)));
		checks.that(lost, `the execution ends crashed, or error "failed to be processed" (got ${ended.status}: ${statusOf(ended)})`);
		checks.equal(bulk.filter((e) => e.at > killedAt).length, 0, 'no request after the kill (no other worker re-ran it)');
		checks.equal(stored, accepted.reduce((n, e) => n + (e.contacts ?? 0), 0), 'contacts stored = contacts in accepted requests');
		checks.that(!context.cluster.workers.find((w) => w !== worker && w.startedExecutions().includes(id)), 'the other worker did not pick it up');
		const nodeRan = Boolean(ended.data?.resultData.runData.AutoSend);
		context.figure('user sees', `status "running" until ${seconds(endedMs)} after the kill, then "${ended.status}"${statusOf(ended) !== ended.status ? ` (${statusOf(ended)})` : ''}; per-item results: ${nodeRan ? 'present' : 'none'}`);
		context.figure('sent', `${accepted.length} of 30 requests accepted before the kill = ${stored} of 3000 contacts in AutoSend; a re-run sends all 3000 again (bulk update is an upsert)`);
	},
};
