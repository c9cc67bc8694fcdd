import type { INodeExecutionData } from 'n8n-workflow';

/** One row of the demo's summary table: what happened to the CRM rows in one provider. */
export interface NodeSummary {
	node: string;
	operation: string;
	items: number;
	statuses: Record<string, number>;
	addedToList: number;
	requests: number;
	seconds: number;
	resultsFile: string;
}

export function countStatuses(items: INodeExecutionData[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const item of items) {
		const status = String(item.json.status ?? 'unknown');
		counts[status] = (counts[status] ?? 0) + 1;
	}
	return counts;
}

const COLUMNS: Array<[string, (row: NodeSummary) => string | number]> = [
	['Node', (row) => row.node],
	['Operation', (row) => row.operation],
	['Rows', (row) => row.items],
	['Created', (row) => row.statuses.created ?? 0],
	['Updated', (row) => row.statuses.updated ?? 0],
	['Upserted*', (row) => row.statuses.upserted ?? 0],
	['Queued', (row) => row.statuses.queued ?? 0],
	['Added to list', (row) => row.addedToList],
	['Invalid', (row) => row.statuses.invalid ?? 0],
	['Failed', (row) => row.statuses.failed ?? 0],
	['Requests', (row) => row.requests],
	['Time', (row) => `${row.seconds.toFixed(1)} s`],
];

export function formatTable(rows: NodeSummary[]): string {
	const cells = [COLUMNS.map(([title]) => title), ...rows.map((row) => COLUMNS.map(([, value]) => String(value(row))))];
	const widths = COLUMNS.map((_, c) => Math.max(...cells.map((line) => line[c].length)));
	const line = (values: string[]) => values.map((value, c) => (c < 2 ? value.padEnd(widths[c]) : value.padStart(widths[c]))).join('  ');
	return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
