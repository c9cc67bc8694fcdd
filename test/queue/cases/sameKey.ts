import { countBy, outputOf, pairedInOrder } from '../../e2e/check';
import { credentialRef } from '../../e2e/credentials';
import { node } from '../../e2e/workflow';
import { AUTOSEND_RATE_LIMIT } from '../../emulators/autosend/options';
import { asRun } from '../api';
import type { QueueCase, QueueContext } from '../types';
import { autoMap, syncWorkflow } from '../workflows';
import { emailsIn, seconds, statusOf } from './common';
import type { Checks } from '../../e2e/check';

const COUNT = 5_000;
const PER_REQUEST = 100;
const WORKFLOW_ID = 'qSameKeyAutoSnd'.padEnd(16, '0');
const BULK = '/v1/contacts/bulk-update';

/**
 * Both runs use one credential, i.e. one AutoSend API key; the pace comes from the webhook body.
 * Retry On Fail is on, as the README advises for a shared key: the node's set-up read (GET
 * /custom-fields) is not retried by the node itself, and a request that meets 429 six times fails
 * its contacts; n8n's retry of the node resends only those (resume.ts).
 */
const workflow = syncWorkflow(WORKFLOW_ID, 'Queue: AutoSend same key', 'q-same-key', node('AutoSend', 'autoSend', {
	resource: 'contact',
	operation: 'bulkUpdate',
	runWorkflow: false,
	...autoMap,
	options: { requestsPerSecond: "={{ $('Webhook').first().json.body.requestsPerSecond }}" },
}, { credentials: credentialRef('autosend', 'autoSendApi'), retryOnFail: true, maxTries: 3, waitBetweenTries: 2000 }), 'firstName');

/**
 * Two executions at once, one per worker, with the same key against AutoSend's 2 requests/s per
 * key (emulator token bucket, test/emulators/common/rateLimit.ts). Each worker paces only itself.
 */
async function twoAtOnce(context: QueueContext, checks: Checks, requestsPerSecond: number, label: string) {
	const { autosend } = context.emulators;
	autosend.clearLog();
	autosend.limiter?.configure(AUTOSEND_RATE_LIMIT);
	const before = (await context.api.executions(WORKFLOW_ID)).length;
	const started = Date.now();
	const slug = label.replace(/[^a-z]+/g, '-');
	const prefixes = [`${slug}-a`, `${slug}-b`];
	await Promise.all(prefixes.map((prefix) => context.api.trigger('q-same-key', { count: COUNT, prefix, requestsPerSecond })));
	const executions = (await context.api.waitFor(WORKFLOW_ID, before + 2, { timeoutMs: 400_000 })).slice(before);
	const wallMs = Date.now() - started;
	autosend.limiter?.configure(undefined);

	let resumed = 0;
	const workers = executions.map((e) => context.cluster.workerOf(e.id)?.name);
	checks.that(workers.every(Boolean) && workers[0] !== workers[1], `${label}: the two executions ran on two workers (${workers.join(', ')})`);
	for (const execution of executions) {
		const full = await context.api.execution(execution.id);
		const out = outputOf(asRun(full), 'AutoSend');
		checks.equal(statusOf(full), 'success', `${label}: execution ${execution.id} status`);
		checks.equal(countBy(out, 'status'), { upserted: COUNT }, `${label}: execution ${execution.id} statuses`);
		resumed += out.filter((item) => item.json.fromEarlierTry !== true).length < COUNT ? 1 : 0;
		checks.that(pairedInOrder(out), `${label}: execution ${execution.id} paired in order`);
	}
	const accepted = autosend.log.filter((entry) => entry.path === BULK && entry.status === 200);
	const limited = autosend.log.filter((entry) => entry.path === BULK && entry.status === 429);
	// One set-up read per try of the node: more than one per execution means n8n retried the node.
	const setupReads = autosend.log.filter((entry) => entry.path === '/v1/custom-fields');
	const setupLimited = setupReads.filter((entry) => entry.status === 429).length;
	const other = autosend.log.filter((entry) => entry.path === BULK && entry.status !== 200 && entry.status !== 429);
	const sent = accepted.flatMap((entry) => emailsIn(entry, 'contacts'));
	const distinct = new Set(sent);
	checks.equal(accepted.length, (2 * COUNT) / PER_REQUEST, `${label}: accepted bulk-update requests`);
	checks.equal(other.length, 0, `${label}: answers other than 200 and 429`);
	checks.equal([sent.length, distinct.size], [2 * COUNT, 2 * COUNT], `${label}: contacts accepted / distinct (0 duplicated)`);
	const missing = prefixes.flatMap((p) => Array.from({ length: COUNT }, (_, i) => `${p}-${i}@example.com`)).filter((email) => !autosend.store.findContact(email));
	checks.equal(missing.length, 0, `${label}: contacts missing from AutoSend (lost)`);

	// The token bucket starts full (burst 2), then refills at 2 per second.
	const boundMs = ((accepted.length - AUTOSEND_RATE_LIMIT.burst!) / AUTOSEND_RATE_LIMIT.perSecond) * 1000;
	const spanMs = accepted.length ? Math.max(...accepted.map((e) => e.at)) - Math.min(...autosend.log.map((e) => e.at)) : 0;
	context.figure(
		`${label} (Max Requests per Second ${requestsPerSecond} on each worker)`,
		`${accepted.length} accepted + ${limited.length} answered 429, ${distinct.size} distinct contacts stored; node tries ${setupReads.length} for 2 executions (${setupLimited} set-up reads answered 429; ${resumed} executions finished in a later try); first→last request ${seconds(spanMs)}, wall ${seconds(wallMs)} vs bound ${seconds(boundMs)} (${(spanMs / boundMs).toFixed(2)}×)`,
	);
	return { limited: limited.length, tries: setupReads.length };
}

export const sameKeyCase: QueueCase = {
	name: `two ${COUNT.toLocaleString('en')}-contact AutoSend bulk syncs at once on two workers with the same API key (2 requests/s per key)`,
	workflows: [workflow],
	async run(context, checks) {
		// Each worker at the provider's full limit: together twice the limit.
		// What the README advises: the key's limit divided by the workers sharing it.
		const atLimit = await twoAtOnce(context, checks, 2, 'each at the limit');
		const advised = await twoAtOnce(context, checks, 1, 'limit / workers');
		// Together exactly at the limit: only drift between the two pacers (and the set-up reads) meets 429.
		checks.that(advised.limited < atLimit.limited, `limit / workers: ${advised.limited} bulk requests answered 429 (at the limit: ${atLimit.limited})`);
	},
};
