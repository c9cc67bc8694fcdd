/**
 * `npm run bench`: every workload at every size (BENCH_SIZES, default 1000,10000,100000) against the
 * emulators (BENCH_LATENCY_MS, default 50), n8n's built-in SendGrid node and a one-request-per-item
 * HTTP Request workflow side by side, and the reference node (bench/reference/) for every bulk write.
 * Writes bench/results/latest.{json,md}. BENCH_ONLY=id,id limits the workloads, BENCH_REPEAT=3 takes
 * the least of three runs, BENCH_RETRY_ON_FAIL=1 turns n8n's Retry On Fail on, BENCH_OUT=name writes
 * bench/results/name.{json,md} instead of latest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { evaluate, markdown, type Evaluated } from './report';
import type { RunMeasurement } from './worker';
import { UNLIMITED, WORKLOADS, type EmulatorUrls } from './workloads';

const ROOT = join(__dirname, '..');
const RUNNER = join(ROOT, 'scripts/run-ts.js');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 50);
const ONLY = process.env.BENCH_ONLY?.split(',');
/** Runs per workload and size; the row keeps the least node CPU and the least RSS growth (GC and neighbours only add). */
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));

function checkIdentical(): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [RUNNER, join(__dirname, 'identical.ts')], { stdio: ['ignore', 'inherit', 'inherit'] });
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('bench: our request bodies differ from the reference node\'s (bench/identical.ts)'))));
	});
}

async function measure(workloadId: string, size: number, urls: EmulatorUrls): Promise<RunMeasurement> {
	let best: RunMeasurement | undefined;
	for (let round = 0; round < REPEAT; round++) {
		const run = await runWorker(workloadId, size, urls);
		if (!best) best = run;
		else {
			const growth = (m: RunMeasurement) => m.peakRss - m.rssBeforeRun;
			const memory = growth(run) < growth(best) ? run : best;
			best = run.nodeCpuMs < best.nodeCpuMs ? run : best;
			best = { ...best, peakRss: memory.peakRss, rssBeforeRun: memory.rssBeforeRun };
		}
	}
	return best as RunMeasurement;
}

function startEmulators(): Promise<{ child: ChildProcess; urls: EmulatorUrls }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [RUNNER, join(__dirname, 'emulators.ts')], { env: { ...process.env, BENCH_LATENCY_MS: String(LATENCY) }, stdio: ['ignore', 'pipe', 'inherit'] });
		let buffer = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			buffer += chunk.toString();
			const line = buffer.split('\n')[0];
			if (buffer.includes('\n')) resolve({ child, urls: JSON.parse(line) as EmulatorUrls });
		});
		child.on('exit', (code) => reject(new Error(`emulators exited with ${code}`)));
	});
}

function runWorker(workloadId: string, size: number, urls: EmulatorUrls): Promise<RunMeasurement> {
	return new Promise((resolve, reject) => {
		const args = JSON.stringify({ workloadId, size, urls, seed: 42 });
		const child = spawn(process.execPath, ['--max-old-space-size=4096', '--expose-gc', RUNNER, join(__dirname, 'worker.ts'), args], { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.on('exit', (code) => {
			const line = out.split('\n').find((l) => l.startsWith('RESULT '));
			if (line) resolve(JSON.parse(line.slice('RESULT '.length)) as RunMeasurement);
			else reject(new Error(`worker ${workloadId}@${size} exited with ${code}`));
		});
	});
}

const ratio = (ours: number, theirs: number) => (theirs > 0 ? `${(theirs / ours).toFixed(theirs / ours >= 100 ? 0 : 1)}× fewer` : '–');
const faster = (ours: number, theirs: number) => `${(theirs / ours).toFixed(1)}× ${theirs >= ours ? 'faster' : 'slower'}`;
const lessCpu = (ours: number, theirs: number) => (theirs >= ours ? `${(theirs / ours).toFixed(1)}× less` : `${(ours / theirs).toFixed(1)}× more`);

function comparisons(rows: Evaluated[]): string[] {
	const lines: string[] = [];
	const find = (id: string, size: number) => rows.find((r) => r.workload === id && r.size === size);
	const perItem = rows.find((r) => r.workload === 'perItem.sendgrid.upsert');
	for (const size of SIZES) {
		const builtin = find('builtin.sendgrid.upsert', size);
		for (const id of ['sendgrid.upsert', 'sendgrid.upsert.mapColumns', 'sendgrid.upsert.mapColumnsExpr']) {
			const ours = find(id, size);
			if (!ours || !builtin) continue;
			const failed = builtin.writesOk < builtin.writes ? ` (its single PUT was rejected: ${builtin.writes - builtin.writesOk} of ${builtin.writes} failed)` : '';
			lines.push(`| ${size.toLocaleString('en-US')} contacts, ours in ${ours.mode} vs n8n's SendGrid node${failed} | ${ours.writes} vs ${builtin.writes} | ${faster(ours.wallMs, builtin.wallMs)} | ${lessCpu(ours.cpuMs, builtin.cpuMs)} |`);
		}
		const ours = find('sendgrid.upsert', size);
		if (ours && perItem) {
			const scale = size / perItem.size;
			const note = scale === 1 ? '' : ` (per-item measured at ${perItem.size.toLocaleString('en-US')}, scaled ×${scale})`;
			lines.push(`| ${size.toLocaleString('en-US')} contacts, ours in Auto-map vs one HTTP request per item${note} | ${ratio(ours.writes, perItem.writes * scale)} | ${faster(ours.wallMs, perItem.wallMs * scale)} | ${lessCpu(ours.cpuMs, perItem.cpuMs * scale)} |`);
		}
	}
	return lines;
}

async function main() {
	if (process.env.BENCH_SKIP_IDENTICAL !== '1') await checkIdentical();
	const load = loadavg().map((n) => n.toFixed(2)).join(' ');
	const { child, urls } = await startEmulators();
	const rows: Evaluated[] = [];
	try {
		for (const workload of WORKLOADS.filter((w) => !ONLY || ONLY.includes(w.id))) {
			if ((workload.contender === 'builtin' || workload.contender === 'perItem') && !process.env.BENCH_N8N_NODES_BASE) {
				console.error(`bench: skipping ${workload.id}: BENCH_N8N_NODES_BASE is not set (bench/run.sh sets it)`);
				continue;
			}
			for (const size of workload.sizes(SIZES)) {
				const measured = await measure(workload.id, size, urls);
				const row = evaluate(workload, measured, LATENCY);
				rows.push(row);
				console.error(
					`bench: ${workload.id} (${workload.mode}) ×${size}: ${row.writes} requests (min ${row.minimumRequests}), ${(row.wallMs / 1000).toFixed(1)} s (bound ${(row.boundMs / 1000).toFixed(1)} s), CPU node ${row.nodeCpuPerContactUs.toFixed(1)} µs/contact, process ${row.cpuPerContactUs.toFixed(1)} (floor ${row.floorPerContactUs.toFixed(2)}), RSS +${row.rssDeltaMb.toFixed(0)} MB for ${row.inputMb.toFixed(1)} MB input ${JSON.stringify(row.statuses)}${row.error ? ` error: ${row.error}` : ''}`,
				);
			}
		}
	} finally {
		child.kill('SIGTERM');
	}
	const meta = { latencyMs: LATENCY, sizes: SIZES, date: new Date().toISOString().slice(0, 10), load, repeat: REPEAT, unlimited: UNLIMITED };
	const dir = join(__dirname, 'results');
	mkdirSync(dir, { recursive: true });
	const out = process.env.BENCH_OUT ?? 'latest';
	writeFileSync(join(dir, `${out}.json`), `${JSON.stringify({ ...meta, runs: rows }, null, '\t')}\n`);
	const table = markdown(rows, comparisons(rows), meta);
	writeFileSync(join(dir, `${out}.md`), `${table}\n`);
	console.log(table);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
