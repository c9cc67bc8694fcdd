import { join } from 'node:path';

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { contactParams, testbed as autoSendTestbed } from './autosend/setup';
import { params as notifuseParams, testbed as notifuseTestbed } from './notifuse/setup';
import { bodyOf, schemaEntry } from './schemaEntry';
import { testbed as sendGridTestbed, upsertParams } from './sendgrid/setup';

/**
 * The new Map Columns reader (mapping read once, plain `$json` paths from the item, other expressions
 * through n8n) against what the node did before: every column resolved per item by n8n's
 * getNodeParameter('columns.value', i), type check included. Both runs go through n8n's real
 * expression engine and the same provider rules; the emulators' request bodies must be identical.
 */
type MappingModule = { mappingReader: (ctx: IExecuteFunctions, parameter: string) => unknown };
const mapping = require(join(__dirname, '../../dist/nodes/shared/contactInput/mapping.js')) as MappingModule;

let oldReads = 0;

function perItemGetNodeParameter(ctx: IExecuteFunctions, parameter: string) {
	return (_item: INodeExecutionData, i: number) => {
		oldReads++;
		const value = ctx.getNodeParameter(`${parameter}.value`, i, {});
		return { values: typeof value === 'object' && value !== null ? (value as IDataObject) : {} };
	};
}

async function withOldReader<T>(run: () => Promise<T>): Promise<T> {
	const current = mapping.mappingReader;
	mapping.mappingReader = perItemGetNodeParameter as MappingModule['mappingReader'];
	try {
		return await run();
	} finally {
		mapping.mappingReader = current;
	}
}

type Column = [id: string, type: Parameters<typeof schemaEntry>[1], value: unknown];

function columns(list: Column[]): INodeParameters {
	return {
		columns: {
			mappingMode: 'defineBelow',
			value: Object.fromEntries(list.map(([id, , value]) => [id, value])),
			schema: list.map(([id, type]) => schemaEntry(id, type)),
		},
	} as INodeParameters;
}

interface Bed {
	reset(): Promise<void>;
	close(): Promise<void>;
	run(parameters: INodeParameters, items: INodeExecutionData[], extra?: object): Promise<{ outputs: INodeExecutionData[][]; error?: unknown }>;
	emulator: { log: Array<{ path: string; requestBody?: Buffer }> };
}

async function bothWays(bed: Bed, parameters: INodeParameters, items: IDataObject[], path: string) {
	const once = async () => {
		await bed.reset();
		const result = await bed.run(parameters, items.map((json) => ({ json: structuredClone(json) })), { onError: 'continueRegularOutput' });
		expect(result.error).toBeUndefined();
		return {
			// Job ids are random per run.
			outputs: result.outputs[0].map(({ json: { jobId: _jobId, ...json } }) => json),
			bodies: bed.emulator.log.filter((entry) => entry.path.startsWith(path) && (entry.requestBody?.length ?? 0) > 0).map((entry) => bodyOf(entry)),
		};
	};
	oldReads = 0;
	const before = await withOldReader(once);
	// The old reader really ran, once per item, and only in the first run.
	expect(oldReads).toBe(items.length);
	const after = await once();
	expect(oldReads).toBe(items.length);
	return { before, after };
}

const shapes = [
	{ email: ' Ada@Example.com ', first: '  Ada ', 'full name': 'Ada Lovelace', profile: { org: 'Acme', address: { city: 'London' } }, n: 41, day: '2024-03-01', flag: true, zip: 10115 },
	{ email: 'grace@example.com', first: 'Grace', 'full name': 'Grace Hopper', profile: { org: 'Navy', address: {} }, n: '7', day: '2024-03-01T10:30:00Z', flag: 'false', zip: 'SW1A' },
	{ email: 'linus@example.com', first: 'Linus', profile: { org: 'Linux' }, n: 0, day: '2024-12-31T23:30:00-05:00', flag: '1', extra: 'x' },
	{ email: 'radia@example.com', first: 'Radia ', 'full name': 'Radia Perlman', profile: { address: { city: 'Boston' } }, n: 2.5, day: '2024-02-29T08:00:00', flag: 'TRUE' },
	{ email: 'ken@example.com', first: 'Ken', 'full name': 'Ken Thompson', profile: { org: 'Bell' }, n: -3, day: 'March 1, 2024', flag: 0 },
	{ email: 'barbara@example.com', first: 'Barbara', profile: {}, n: 100, flag: false },
];

describe('Map Columns reader: identical contacts to n8n\'s own per-item evaluation (real expression engine)', () => {
	it('SendGrid: plain, nested and bracketed paths, real expressions, a text template, constants and missing fields', async () => {
		const bed = (await sendGridTestbed({ dateValues: 'mmddyyyy' })) as unknown as Bed;
		try {
			const parameters = upsertParams(
				{ waitForImport: true },
				columns([
					['email', 'string', '={{ $json.email }}'],
					['first_name', 'string', '={{ $json.first.trim() }}'],
					['last_name', 'string', '={{ $json["full name"] }}'],
					['city', 'string', '={{ $json.profile.address.city }}'],
					['company', 'string', "={{ $json.profile['org'] }}"],
					['lifetime_value', 'number', '={{ $json.n + 1 }}'],
					['signup_date', 'dateTime', '={{ $json.day }}'],
					['favorite_drink', 'string', '={{ $json.missing }}'],
					['postal_code', 'string', '={{ $json.zip }}'],
					['address_line_1', 'string', '=No. {{ $json.n }}'],
					['country', 'string', 'DE'],
				]),
			);
			const { before, after } = await bothWays(bed, parameters, shapes, '/v3/marketing/contacts');
			expect(after).toEqual(before);
			expect(after.outputs.map((out) => out.status)).toEqual(['created', 'created', 'created', 'created', 'created', 'created']);
			const contacts = after.bodies[0].contacts as IDataObject[];
			expect(contacts[0]).toMatchObject({ email: 'ada@example.com', first_name: 'Ada', last_name: 'Ada Lovelace', city: 'London', postal_code: '10115', address_line_1: 'No. 41', country: 'DE' });
			expect(contacts[0].custom_fields).toEqual({ e1_T: 'Acme', e2_N: 42, e3_D: '03/01/2024' });
			// "March 1, 2024" is not ISO: both ways it goes through n8n's own date parsing (Date.parse in the
			// process zone, then the workflow zone), whose day is whatever that gives.
			expect(contacts[4].custom_fields).toMatchObject({ e1_T: 'Bell', e2_N: -2 });
		} finally {
			await bed.close();
		}
	}, 60_000);

	it('AutoSend: the same mix with number, boolean and date custom fields', async () => {
		const bed = (await autoSendTestbed({ dateValues: 'dateOnly' })) as unknown as Bed;
		try {
			const parameters = contactParams(
				'bulkUpdate',
				columns([
					['email', 'string', '={{ $json.email }}'],
					['firstName', 'string', '={{ $json.first.trim() }}'],
					['lastName', 'string', '={{ $json["full name"] }}'],
					['company', 'string', '={{ $json.profile.org }}'],
					['role', 'string', '={{ $json.profile.address.city }}'],
					['plan', 'string', 'pro'],
					['loginCount', 'number', '={{ $json.n + 1 }}'],
					['isPremium', 'boolean', '={{ $json.flag }}'],
					['trialEndsAt', 'dateTime', '={{ $json.day }}'],
					['userId', 'string', '={{ $json.extra }}'],
				]),
			);
			const { before, after } = await bothWays(bed, parameters, shapes, '/v1/contacts');
			expect(after).toEqual(before);
			expect(new Set(after.outputs.map((out) => out.status)).has('invalid')).toBe(false);
			const contacts = after.bodies.flatMap((body) => body.contacts as IDataObject[]);
			expect(contacts[1]).toMatchObject({ email: 'grace@example.com', customFields: { company: 'Navy', plan: 'pro', loginCount: 71, isPremium: false, trialEndsAt: '2024-03-01' } });
		} finally {
			await bed.close();
		}
	}, 60_000);

	it('Notifuse: the same mix with number and JSON slots declared text', async () => {
		const bed = (await notifuseTestbed()) as unknown as Bed;
		try {
			const parameters = notifuseParams(
				'contact',
				'import',
				columns([
					['email', 'string', '={{ $json.email }}'],
					['first_name', 'string', '={{ $json.first.trim() }}'],
					['full_name', 'string', '={{ $json["full name"] }}'],
					['custom_string_1', 'string', '={{ $json.profile.address.city }}'],
					['custom_number_1', 'number', '={{ $json.n + 1 }}'],
					['custom_number_2', 'number', '={{ $json.zip }}'],
					['custom_json_1', 'string', '={{ $json.profile }}'],
					['custom_datetime_1', 'string', '={{ $json.day }}'],
					['country', 'string', 'DE'],
				]),
			);
			const { before, after } = await bothWays(bed, parameters, shapes.filter((shape) => shape.day !== 'March 1, 2024' && shape.zip !== 'SW1A'), '/api/contacts.import');
			expect(after).toEqual(before);
			expect(new Set(after.outputs.map((out) => out.status)).has('invalid')).toBe(false);
		} finally {
			await bed.close();
		}
	}, 60_000);
});
