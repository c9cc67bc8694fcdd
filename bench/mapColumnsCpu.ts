/**
 * Map Columns vs auto-map: CPU of the node's execute() per contact (main thread, min of 3 runs) at
 * BENCH_MAP_SIZE items (default 10,000), SendGrid upsert and AutoSend bulk update, Dry Run on so
 * nothing but reading, validating and planning is measured (the emulator runs in this process).
 * Run: npm run build && node scripts/run-ts.js bench/mapColumnsCpu.ts
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { createHarness } from '../test/harness';
import { AUTOSEND, SENDGRID, type Provider } from '../test/providers';

import { generateContacts } from './contacts';
import { measureNodeExecute } from './nodeCpu';

const SIZE = Number(process.env.BENCH_MAP_SIZE ?? 10_000);

type Column = [id: string, type: string, expression: string];

function defineBelow(columns: Column[]): IDataObject {
	return {
		mappingMode: 'defineBelow',
		value: Object.fromEntries(columns.map(([id, , expression]) => [id, expression])),
		schema: columns.map(([id, type]) => ({ id, displayName: id, type, required: false, defaultMatch: false, canBeUsedToMatch: false, display: true })),
	};
}

const plain = (columns: Array<[string, string]>): Column[] => columns.map(([id, type]) => [id, type, `={{ $json.${id} }}`]);

interface Case {
	provider: Provider;
	label: string;
	parameters(columns: IDataObject): INodeParameters;
	item(row: ReturnType<typeof generateContacts>['rows'][number]): IDataObject;
	plain: Column[];
	mixed: Column[];
}

const SENDGRID_FIELDS: Array<[string, string]> = [
	['email', 'string'],
	['first_name', 'string'],
	['last_name', 'string'],
	['country', 'string'],
	['company', 'string'],
	['lifetime_value', 'number'],
	['signup_date', 'dateTime'],
];

const AUTOSEND_FIELDS: Array<[string, string]> = [
	['email', 'string'],
	['firstName', 'string'],
	['lastName', 'string'],
	['company', 'string'],
	['plan', 'string'],
	['loginCount', 'number'],
	['trialEndsAt', 'dateTime'],
];

const CASES: Case[] = [
	{
		provider: SENDGRID,
		label: 'SendGrid upsert',
		parameters: (columns) => ({ resource: 'contact', operation: 'upsert', fieldsInput: 'columns', columns: columns as INodeParameters, listIds: [], options: { dryRun: true } }),
		item: (row) => ({
			email: row.email,
			first_name: row.first_name.slice(0, 50),
			last_name: row.last_name.slice(0, 50),
			country: row.country,
			company: row.company,
			lifetime_value: row.lifetime_value,
			signup_date: row.signup_date,
		}),
		plain: plain(SENDGRID_FIELDS),
		mixed: [
			['email', 'string', '={{ $json.email }}'],
			['first_name', 'string', '={{ $json.first_name.trim() }}'],
			['last_name', 'string', '={{ $json["last_name"] }}'],
			['country', 'string', 'US'],
			['company', 'string', '={{ $json.company }}'],
			['lifetime_value', 'number', '={{ $json.lifetime_value + 1 }}'],
			['signup_date', 'dateTime', '={{ $json.signup_date }}'],
		],
	},
	{
		provider: AUTOSEND,
		label: 'AutoSend bulk update',
		parameters: (columns) => ({ resource: 'contact', operation: 'bulkUpdate', fieldsInput: 'columns', columns: columns as INodeParameters, runWorkflow: false, options: { dryRun: true } }),
		item: (row) => ({
			email: row.email,
			firstName: row.first_name,
			lastName: row.last_name,
			company: row.company,
			plan: row.plan,
			loginCount: Math.round(row.lifetime_value),
			trialEndsAt: row.signup_date,
		}),
		plain: plain(AUTOSEND_FIELDS),
		mixed: [
			['email', 'string', '={{ $json.email }}'],
			['firstName', 'string', '={{ $json.firstName.trim() }}'],
			['lastName', 'string', '={{ $json["lastName"] }}'],
			['company', 'string', 'Acme'],
			['plan', 'string', '={{ $json.plan }}'],
			['loginCount', 'number', '={{ $json.loginCount + 1 }}'],
			['trialEndsAt', 'dateTime', '={{ $json.trialEndsAt }}'],
		],
	},
];

async function main() {
	const harness = await createHarness({ packageDir: `${__dirname}/..` });
	const cpu = measureNodeExecute();
	const rows = generateContacts(SIZE, 7).rows;
	for (const bench of CASES) {
		const emulator = await bench.provider.start({ rateLimit: false });
		const credentials = { [bench.provider.credentialType]: bench.provider.credential(emulator) };
		const items: INodeExecutionData[] = rows.map((row) => ({ json: bench.item(row) }));
		const variants: Array<[string, IDataObject]> = [
			['auto-map', { mappingMode: 'autoMapInputData', value: null }],
			['Map Columns, 7 plain', defineBelow(bench.plain)],
			['Map Columns, mixed', defineBelow(bench.mixed)],
		];
		for (const [name, columns] of variants) {
			const parameters = bench.parameters(columns);
			await harness.run({ nodeType: bench.provider.nodeType, parameters, credentials, items: items.slice(0, 200), onError: 'continueRegularOutput' });
			const runs: number[] = [];
			let statuses = '';
			for (let run = 0; run < 3; run++) {
				const before = cpu.ms();
				const result = await harness.run({ nodeType: bench.provider.nodeType, parameters, credentials, items, onError: 'continueRegularOutput' });
				runs.push(((cpu.ms() - before) * 1000) / SIZE);
				const counts: Record<string, number> = {};
				for (const item of result.outputs[0] ?? []) counts[String(item.json.status)] = (counts[String(item.json.status)] ?? 0) + 1;
				statuses = JSON.stringify(counts) + (result.error ? ` error: ${result.error.message}` : '');
			}
			process.stdout.write(`${bench.label.padEnd(22)} ${name.padEnd(22)} ${Math.min(...runs).toFixed(1).padStart(7)} µs/contact  ${statuses}\n`);
		}
		await emulator.close();
	}
	process.exit(0);
}

void main();
