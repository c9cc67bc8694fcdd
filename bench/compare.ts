/**
 * Puts bench result files side by side: per workload, mode and size, node CPU per contact, ours
 * against the reference node, and peak RSS growth against the input, before → after.
 *
 *   node scripts/run-ts.js bench/compare.ts before-a.json,before-b.json after-a.json,after-b.json
 *
 * Names are files in bench/results/ (comma-separated lists are merged); the reference rows may come
 * from either side (they do not change with our engine).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Evaluated } from './report';

function load(list: string): Evaluated[] {
	return list.split(',').flatMap((name) => (JSON.parse(readFileSync(join(__dirname, 'results', name), 'utf8')) as { runs: Evaluated[] }).runs);
}

const [beforeArg, afterArg] = process.argv.slice(2);
const before = load(beforeArg);
const after = afterArg ? load(afterArg) : [];
const all = [...before, ...after];
/** The least node CPU and the least RSS growth over every run of one workload and size (as BENCH_REPEAT does). */
function find(rows: Evaluated[], id: string | undefined, size: number): Evaluated | undefined {
	const runs = rows.filter((r) => r.workload === id && r.size === size);
	if (runs.length === 0) return undefined;
	const cpu = runs.reduce((best, r) => (r.nodeCpuMs < best.nodeCpuMs ? r : best));
	const rss = runs.reduce((best, r) => (r.rssDeltaMb < best.rssDeltaMb ? r : best));
	return { ...cpu, nodeCpuPerContactUs: cpu.nodeCpuPerContactUs, rssDeltaMb: rss.rssDeltaMb, runsSeen: runs.length } as Evaluated;
}
const referenceOf = (row: Evaluated) => find(all, row.reference, row.size);
const f = (n: number | undefined, d = 1) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(d));
const pair = (a: string, b: string) => (b === '–' ? a : `${a} → ${b}`);

const lines = [
	'| Workload | Mode | Contacts | Node CPU µs/contact | Ours / reference (node CPU) | Peak RSS growth / input | Ours / reference (RSS growth) |',
	'|---|---|---:|---:|---:|---:|---:|',
];
const keys = [...new Map(all.filter((r) => r.contender === 'ours').map((r) => [`${r.workload}@${r.size}`, r])).values()].sort((a, b) => a.workload.localeCompare(b.workload) || a.size - b.size);
for (const row of keys) {
	const b = find(before, row.workload, row.size);
	const a = find(after, row.workload, row.size);
	const ref = referenceOf(row);
	const cpu = (r?: Evaluated) => (r ? f(r.nodeCpuPerContactUs) : '–');
	const vs = (r?: Evaluated) => (r && ref ? `${f(r.nodeCpuMs / ref.nodeCpuMs, 2)}×` : '–');
	const rss = (r?: Evaluated) => (r ? `${f(r.rssDeltaMb / r.inputMb, 1)}×` : '–');
	const rssVs = (r?: Evaluated) => (r && ref ? `${f(r.rssDeltaMb / Math.max(ref.rssDeltaMb, 0.5), 2)}×` : '–');
	lines.push(`| ${row.label} | ${row.mode} | ${row.size.toLocaleString('en-US')} | ${pair(cpu(b), cpu(a))} | ${pair(vs(b), vs(a))} | ${pair(rss(b), rss(a))} | ${pair(rssVs(b), rssVs(a))} |`);
}
for (const seen of [...new Map(all.filter((r) => r.contender === 'reference').map((r) => [`${r.workload}@${r.size}`, r])).values()]) {
	const ref = find(all, seen.workload, seen.size) as Evaluated;
	lines.push(`| ${ref.label} | Reference | ${ref.size.toLocaleString('en-US')} | ${f(ref.nodeCpuPerContactUs)} | 1× | ${f(ref.rssDeltaMb / ref.inputMb, 1)}× (+${f(ref.rssDeltaMb, 0)} MB) | 1× |`);
}
console.log(lines.join('\n'));
