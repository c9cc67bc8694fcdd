import type { RunMeasurement } from './worker';
import type { Workload } from './workloads';

export interface Evaluated extends RunMeasurement {
	label: string;
	contender: Workload['contender'];
	mode: Workload['mode'];
	reference?: string;
	/** ⌈sent / per-request limit⌉, or the byte bound when that is larger. */
	minimumRequests: number;
	/** Lower bound on wall time from latency, concurrency and the rate limit. */
	boundMs: number;
	cpuPerContactUs: number;
	nodeCpuPerContactUs: number;
	floorPerContactUs: number;
	rssDeltaMb: number;
	inputMb: number;
}

export function evaluate(workload: Workload, m: RunMeasurement, latencyMs: number): Evaluated {
	const byCount = Math.ceil(m.sentUnique / workload.perRequest);
	const byBytes = workload.maxBytes ? Math.ceil(m.writeBytes / workload.maxBytes) : 0;
	const minimumRequests = Math.max(byCount, byBytes);
	const rounds = Math.ceil(minimumRequests / workload.concurrency) * latencyMs;
	const rate = workload.rate ? (Math.max(0, minimumRequests - workload.rate.burst) / workload.rate.perSecond) * 1000 : 0;
	const boundMs = m.otherRequests * latencyMs + Math.max(rounds, rate);
	const perContact = Math.max(1, m.size);
	return {
		...m,
		label: workload.label,
		contender: workload.contender,
		mode: workload.mode,
		reference: workload.reference,
		minimumRequests,
		boundMs,
		cpuPerContactUs: (m.cpuMs * 1000) / perContact,
		nodeCpuPerContactUs: (m.nodeCpuMs * 1000) / perContact,
		floorPerContactUs: (m.floorCpuMs * 1000) / perContact,
		rssDeltaMb: Math.max(0, m.peakRss - m.rssBeforeRun) / 2 ** 20,
		inputMb: m.inputBytes / 2 ** 20,
	};
}

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const count = (value: number) => value.toLocaleString('en-US');

/** Ours against the reference node on the same contacts: node CPU, and peak RSS growth. */
export function againstReference(row: Evaluated, rows: Evaluated[]): { cpu: number; rss: number } | undefined {
	const reference = rows.find((r) => r.workload === row.reference && r.size === row.size);
	if (!reference) return undefined;
	return { cpu: row.nodeCpuMs / Math.max(reference.nodeCpuMs, 0.001), rss: row.rssDeltaMb / Math.max(reference.rssDeltaMb, 0.001) };
}

export function markdown(rows: Evaluated[], comparisons: string[], meta: { latencyMs: number; sizes: number[]; date: string; load?: string; repeat?: number; unlimited?: boolean }): string {
	const lines = [
		`Benchmark of ${meta.date}${meta.load ? ` (load average at the start: ${meta.load}, on a shared 2-core machine)` : ''}: emulators with ${meta.latencyMs} ms latency per request and ${meta.unlimited ? 'no rate limits, every sender unpaced (BENCH_UNLIMITED=1: CPU and memory as usual, wall time bound by latency and concurrency only)' : "the providers' rate limits (AutoSend 2 req/s; SendGrid contacts upsert 10 req/s)"}, in a separate process; each run in a fresh worker process through n8n's real execution engine${meta.repeat && meta.repeat > 1 ? `, least of ${meta.repeat} runs` : ''}. Input: generated CRM rows with ~2 % invalid and ~2 % duplicate emails, ~1 % long fields.`,
		'',
		'Mode: how the node is told what to send. Auto-map: Map Columns mapping the item JSON as it is; Map Columns: every field `={{ $json.x }}`, with the schema the node\'s own field list gives the editor; Map Columns + expressions: text fields `={{ $json.x.trim() }}`, the rest plain; Email parameter: `={{ $json.email }}`; Reference: bench/reference/, a minimal sender with byte-identical request bodies (bench/identical.ts checks them before every bench run).',
		'',
		'| Workload | Mode | Contacts | Requests (sent / minimum) | Wall / bound | Node CPU µs/contact | Node CPU vs reference | Node CPU / bare JSON.stringify | Peak RSS growth / input size | RSS growth vs reference |',
		'|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const row of rows.filter((r) => r.contender === 'ours' || r.contender === 'reference')) {
		const vs = againstReference(row, rows);
		lines.push(
			`| ${row.label} | ${row.mode} | ${count(row.size)} | ${count(row.writes)} / ${count(row.minimumRequests)} | ${fixed(row.wallMs / row.boundMs)}× | ${fixed(row.nodeCpuPerContactUs, 1)} | ${vs ? `${fixed(vs.cpu)}×` : '–'} | ${fixed(row.nodeCpuMs / Math.max(row.floorCpuMs, 0.001), 1)}× | ${fixed(row.rssDeltaMb / Math.max(row.inputMb, 0.001), 1)}× | ${vs ? `${fixed(vs.rss)}×` : '–'} |`,
		);
	}
	lines.push('', ...growth(rows));
	lines.push('', '| Against what users would use instead | Requests | Wall time | Process CPU |', '|---|---:|---:|---:|', ...comparisons, '');
	return lines.join('\n');
}

/** From the smallest to the largest size of each workload: how requests, time, CPU and memory grow against the contacts. */
function growth(rows: Evaluated[]): string[] {
	const lines = [
		'| Growth, smallest → largest run | Contacts | Requests | Wall time | Node CPU | Peak RSS growth |',
		'|---|---:|---:|---:|---:|---:|',
	];
	const ours = rows.filter((row) => row.contender === 'ours');
	for (const id of [...new Set(ours.map((row) => row.workload))]) {
		const runs = ours.filter((row) => row.workload === id).sort((a, b) => a.size - b.size);
		if (runs.length < 2) continue;
		const [small, large] = [runs[0], runs[runs.length - 1]];
		const times = (a: number, b: number) => (a > 0 ? `${fixed(b / a, 1)}×` : '–');
		lines.push(
			`| ${small.label} (${small.mode}) | ${times(small.size, large.size)} | ${times(small.writes, large.writes)} | ${times(small.wallMs, large.wallMs)} | ${times(small.nodeCpuMs, large.nodeCpuMs)} | ${times(Math.max(1, small.rssDeltaMb), Math.max(1, large.rssDeltaMb))} |`,
		);
	}
	return lines;
}
