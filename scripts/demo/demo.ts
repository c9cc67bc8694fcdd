/**
 * `npm run demo`: a CRM-to-email sync of examples/data/crm-export.csv (5,000 rows with the usual mess)
 * through the three nodes, inside n8n's real workflow engine, against local emulators of the three
 * APIs (AutoSend at its real 2 requests/second). No account or network needed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { createHarness } from '../../test/harness';
import type { RunningEmulator } from '../../test/emulators/common';
import { parseCsv } from './csv';
import { providers, type DemoProvider } from './providers';
import { countStatuses, formatTable, type NodeSummary } from './summary';

const ROOT = resolve(__dirname, '..', '..');
const CSV_FILE = join(ROOT, 'examples', 'data', 'crm-export.csv');
const OUTPUT_DIR = join(ROOT, 'demo-output');

function apiRequests(emulator: RunningEmulator): number {
	return emulator.log.filter((entry) => !entry.path.startsWith('/__')).length;
}

async function runProvider(provider: DemoProvider, items: INodeExecutionData[]): Promise<NodeSummary> {
	// One engine per provider: a harness holds one run's credentials at a time.
	const harness = await createHarness({ packageDir: ROOT });
	const emulator = await provider.start(items);
	try {
		emulator.clearLog();
		const started = Date.now();
		const result = await harness.run({
			nodeType: provider.nodeType,
			parameters: provider.parameters as INodeParameters,
			credentials: provider.credentials(emulator),
			items,
			onError: 'continueRegularOutput',
		});
		const seconds = (Date.now() - started) / 1000;
		if (result.status !== 'success') throw new Error(`${provider.title} failed: ${result.error?.message ?? result.status}`);
		const out = result.outputs[0] ?? [];
		const resultsFile = join(OUTPUT_DIR, `${provider.file}.json`);
		writeFileSync(resultsFile, JSON.stringify(out.map((item, row) => ({ row: row + 1, ...item.json })), null, 1));
		return {
			node: provider.title,
			operation: provider.operation,
			items: items.length,
			statuses: countStatuses(out),
			addedToList: provider.addedToList(emulator),
			requests: apiRequests(emulator),
			seconds,
			resultsFile,
		};
	} finally {
		await emulator.close();
	}
}

async function main() {
	const started = Date.now();
	const rows = parseCsv(readFileSync(CSV_FILE, 'utf8'));
	const items = rows.map((json) => ({ json }));
	console.log(`CRM export: ${rows.length} rows from ${relative(ROOT, CSV_FILE)}`);
	mkdirSync(OUTPUT_DIR, { recursive: true });
	console.log('Syncing through AutoSend, Notifuse and SendGrid in n8n\'s engine (local emulators)…\n');
	const summaries = await Promise.all(providers.map(async (provider) => await runProvider(provider, items)));
	console.log(formatTable(summaries));
	console.log('\n* AutoSend\'s bulk update and SendGrid\'s import jobs report counts, not which contact was new, so a mixed');
	console.log('  batch reports "upserted"; rejected contacts are still named one by one.');
	console.log('  Invalid rows (bad emails, over-long names, a text where a number belongs) were never sent; each says why.');
	console.log('\nPer-row results (one per CSV row, in order, with status and any error):');
	for (const summary of summaries) console.log(`  ${summary.node.padEnd(18)} ${relative(ROOT, summary.resultsFile)}`);
	console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
