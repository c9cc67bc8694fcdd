/**
 * Runs one workload at one size in a fresh process (so CPU and peak RSS are this run's alone) and
 * prints one `RESULT {...}` line. Started by bench/run.ts.
 */
import { join } from 'node:path';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { createHarness } from '../test/harness';

import { generateContacts } from './contacts';
import { floorCpuMs } from './floor';
import { startCpuProfile } from './profile';
import { mapColumnsParameters } from './mapColumns';
import { measureNodeExecute } from './nodeCpu';
import { REFERENCE_NODE_TYPE, ReferenceContactSender } from './reference/node';
import { WORKLOADS, type EmulatorUrls, type Workload } from './workloads';

export interface LoggedRequest {
	method: string;
	path: string;
	status: number;
	contacts?: number;
	bodyBytes: number;
}

export interface RunMeasurement {
	workload: string;
	size: number;
	inputBytes: number;
	statuses: Record<string, number>;
	/** Distinct contacts the node reported as sent (not invalid). */
	sentUnique: number;
	validUnique: number;
	writes: number;
	writesOk: number;
	otherRequests: number;
	rateLimited: number;
	writeBytes: number;
	maxWriteBytes: number;
	maxWriteContacts: number;
	wallMs: number;
	/** The whole worker process during the run: n8n's engine, the node, the HTTP client. */
	cpuMs: number;
	/** Main thread while the node's execute() was running: the node itself and its HTTP client. */
	nodeCpuMs: number;
	/** The whole process (V8 and libuv background threads too) while execute() was running. */
	nodeProcessCpuMs: number;
	floorCpuMs: number;
	rssBeforeRun: number;
	peakRss: number;
	error?: string;
}

function withUrls(parameters: INodeParameters, urls: EmulatorUrls): INodeParameters {
	return JSON.parse(JSON.stringify(parameters).split('__SENDGRID_URL__').join(urls.sendgrid)) as INodeParameters;
}

function warmUpItems(workload: Workload): INodeExecutionData[] {
	return generateContacts(20, 7).rows.map((row) => ({ json: workload.toItem(row) }));
}

async function main() {
	const { workloadId, size, urls, seed } = JSON.parse(process.argv[2]) as { workloadId: string; size: number; urls: EmulatorUrls; seed: number };
	const workload = WORKLOADS.find((w) => w.id === workloadId);
	if (!workload) throw new Error(`unknown workload ${workloadId}`);
	const base = urls[workload.provider];
	const builtins = process.env.BENCH_N8N_NODES_BASE;
	const n8nOwn = workload.contender === 'builtin' || workload.contender === 'perItem';
	const harness = await createHarness({
		packageDir: join(__dirname, '..'),
		packages: !n8nOwn || !builtins ? [] : [{ dir: builtins, include: ['n8n-nodes-base.sendGrid', 'n8n-nodes-base.httpRequest'] }],
		rewriteUrl: (url) => url.replace('https://api.sendgrid.com', urls.sendgrid),
		nodes: { [REFERENCE_NODE_TYPE]: new ReferenceContactSender() },
	});
	const parameters = withUrls(await mapColumnsParameters(harness, workload, urls), urls);
	// Warm-up: module loading and JIT belong to n8n's start, not to a sync of N contacts.
	await harness.run({ nodeType: workload.nodeType, parameters, credentials: workload.credentials(urls) as never, items: warmUpItems(workload), onError: 'continueRegularOutput' });
	await fetch(`${base}/__emulator/reset`, { method: 'POST' });

	const input = generateContacts(size, seed);
	const items: INodeExecutionData[] = input.rows.map((row) => ({ json: workload.toItem(row) }));
	const inputBytes = Buffer.byteLength(JSON.stringify(items.map((item) => item.json)));
	(globalThis as { gc?: () => void }).gc?.();

	const profile = await startCpuProfile(process.env.BENCH_PROFILE_DIR, `${workload.id}-${size}`);
	const nodeCpu = measureNodeExecute([ReferenceContactSender]);
	const rssBeforeRun = process.memoryUsage.rss();
	const cpu = process.cpuUsage();
	const started = performance.now();
	const result = await harness.run({
		nodeType: workload.nodeType,
		parameters,
		credentials: workload.credentials(urls) as never,
		items,
		onError: 'continueRegularOutput',
		retryOnFail: process.env.BENCH_RETRY_ON_FAIL === '1' || undefined,
	});
	const wallMs = performance.now() - started;
	const used = process.cpuUsage(cpu);
	const peakRss = process.resourceUsage().maxRSS * 1024;
	await profile.stop();

	const log = ((await (await fetch(`${base}/__emulator/log`)).json()) as { requests: LoggedRequest[] }).requests;
	const writes = log.filter((entry) => entry.method === workload.write.method && entry.path === workload.write.path);
	const outputs = result.outputs[0] ?? [];
	const statuses: Record<string, number> = {};
	const sent = new Set<string>();
	outputs.forEach((item, index) => {
		const json = item?.json ?? {};
		const status = String(json.status ?? (json.error ? 'error' : 'response'));
		statuses[status] = (statuses[status] ?? 0) + 1;
		if (!n8nOwn && status !== 'invalid' && status !== 'error') sent.add(String(json.email ?? items[index].json.email).trim().toLowerCase());
	});
	// n8n's own nodes answer per request, not per contact: count what reached the provider instead.
	if (n8nOwn) for (const item of items) sent.add(String(item.json.email).trim().toLowerCase());
	const sentItems = [...new Map(items.map((item) => [String(item.json.email).trim().toLowerCase(), item.json])).entries()]
		.filter(([email]) => sent.has(email))
		.map(([, json]) => json);

	const measurement: RunMeasurement = {
		workload: workload.id,
		size,
		inputBytes,
		statuses,
		sentUnique: sent.size,
		validUnique: input.validUnique,
		writes: writes.length,
		writesOk: writes.filter((entry) => entry.status >= 200 && entry.status < 300).length,
		otherRequests: log.length - writes.length,
		rateLimited: log.filter((entry) => entry.status === 429).length,
		writeBytes: writes.filter((entry) => entry.status >= 200 && entry.status < 300).reduce((sum, entry) => sum + entry.bodyBytes, 0),
		maxWriteBytes: Math.max(0, ...writes.map((entry) => entry.bodyBytes)),
		maxWriteContacts: Math.max(0, ...writes.map((entry) => entry.contacts ?? 0)),
		wallMs,
		cpuMs: (used.user + used.system) / 1000,
		nodeCpuMs: nodeCpu.ms(),
		nodeProcessCpuMs: nodeCpu.processMs(),
		floorCpuMs: floorCpuMs(sentItems, workload.perRequest),
		rssBeforeRun,
		peakRss,
		error: result.error?.message,
	};
	process.stdout.write(`RESULT ${JSON.stringify(measurement)}\n`);
	process.exit(0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
