import { join } from 'node:path';

import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { createHarness, type Harness, type RunResult } from '../../harness';
import type { RequestLogEntry } from '../../emulators/common';
import { AUTOSEND, NOTIFUSE, SENDGRID, type Provider, type StartedEmulator } from '../../providers';
import * as autosendEmulator from '../../emulators/autosend';
import * as notifuseEmulator from '../../emulators/notifuse';
import * as sendgridEmulator from '../../emulators/sendgrid';
import * as autosend from '../autosend/setup';
import * as notifuse from '../notifuse/setup';
import * as sendgrid from '../sendgrid/setup';

/**
 * Every Base URL form a user pastes reaches the paths the clean one does: a trailing slash, the API's
 * own segment (AutoSend `/v1` [providers.md §1.1, DOC A12], Notifuse `/api` [Notifuse server routes
 * `/api/<method>`], SendGrid `/v3` [sendgrid-oai spec/json servers + paths]), surrounding spaces.
 */
interface Case {
	provider: Provider;
	start(): Promise<StartedEmulator & { log: RequestLogEntry[] }>;
	/** The URL a user would type for the emulator, from its root address. */
	clean(root: string): string;
	/** The segment every API path starts with. */
	segment: string;
	/** Forms of the Base URL, `ROOT` standing for the emulator's address. */
	forms: string[];
	/** A node run that makes authenticated requests and reports no failure when they arrive. */
	run: { parameters: INodeParameters; items: ReturnType<typeof autosend.people> };
	testPath: string;
	credential(emulator: StartedEmulator, baseUrl: string, extra?: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject;
}

const CASES: Case[] = [
	{
		provider: AUTOSEND,
		start: async () => await autosendEmulator.start({ rateLimit: false }),
		clean: (root) => `${root}/v1`,
		segment: '/v1',
		forms: ['ROOT', 'ROOT/', 'ROOT/v1/', '  ROOT/v1  ', 'ROOT//v1//', 'ROOT/V1'],
		run: { parameters: autosend.contactParams('bulkUpdate'), items: autosend.people(2, 'url') },
		testPath: '/v1/contact-lists',
		credential: (emulator, baseUrl, extra = {}) => ({ ...AUTOSEND.credential(emulator), baseUrl, ...extra }),
	},
	{
		provider: NOTIFUSE,
		start: async () => await notifuseEmulator.start({ rateLimit: false }),
		clean: (root) => root,
		segment: '/api',
		forms: ['ROOT/', 'ROOT/api', 'ROOT/api/', '  ROOT  ', 'ROOT//api//'],
		run: { parameters: notifuse.params('contact', 'upsert'), items: notifuse.people(2, 'url') },
		testPath: '/api/workspaces.get',
		credential: (emulator, baseUrl, extra = {}) => ({ ...NOTIFUSE.credential(emulator), baseUrl, ...extra }),
	},
	{
		provider: SENDGRID,
		start: async () => await sendgridEmulator.start({ rateLimit: false, jobDelayMs: 50 }),
		clean: (root) => root,
		segment: '/v3',
		forms: ['ROOT/', 'ROOT/v3', 'ROOT/v3/', '  ROOT  ', 'ROOT//v3//'],
		run: { parameters: sendgrid.upsertParams(), items: sendgrid.people(2, 'url') },
		testPath: '/v3/marketing/field_definitions',
		credential: (emulator, baseUrl, extra = {}) => ({ ...SENDGRID.credential(emulator), baseUrl, ...extra }),
	},
];

/** A host that is not this machine; the harness sends its requests to the emulator (after auth is applied). */
const LAN_HOST = 'contacts-proxy.example.test';

function failures(result: RunResult): unknown[] {
	return (result.outputs[0] ?? []).filter((item) => item.json.status === 'failed').map((item) => item.json.errorMessage);
}

describe.each(CASES)('$provider.title credential Base URL', (c) => {
	let harness: Harness;
	let emulator: Awaited<ReturnType<Case['start']>>;
	const paths = () => emulator.log.map((entry) => entry.path);

	beforeAll(async () => {
		emulator = await c.start();
		const lan = `http://${LAN_HOST}:${new URL(emulator.baseUrl).port}`;
		harness = await createHarness({ packageDir: join(__dirname, '../../..'), rewriteUrl: (url) => url.split(lan).join(emulator.baseUrl) });
	});
	afterAll(async () => await emulator.close());
	beforeEach(async () => {
		await fetch(`${emulator.baseUrl}/__emulator/reset`, { method: 'POST' });
	});

	const run = async (baseUrl: string, extra?: ICredentialDataDecryptedObject, onError: 'stopWorkflow' | 'continueRegularOutput' = 'continueRegularOutput') =>
		await harness.run({
			nodeType: c.provider.nodeType,
			parameters: c.run.parameters,
			items: c.run.items,
			credentials: { [c.provider.credentialType]: c.credential(emulator, baseUrl, extra) },
			onError,
		});
	const check = async (baseUrl: string, extra?: ICredentialDataDecryptedObject) =>
		await harness.testCredential(c.provider.credentialType, c.credential(emulator, baseUrl, extra));

	it('the clean URL: node run and credential test reach the API paths', async () => {
		const result = await run(c.clean(emulator.baseUrl));
		expect(result.error).toBeUndefined();
		expect(failures(result)).toEqual([]);
		expect(await check(c.clean(emulator.baseUrl))).toMatchObject({ ok: true });
		expect(paths().length).toBeGreaterThanOrEqual(2);
		expect(paths().every((path) => path.startsWith(`${c.segment}/`))).toBe(true);
		expect(paths()).toContain(c.testPath);
	}, 60_000);

	it.each(c.forms.map((form) => [JSON.stringify(form), form]))('Base URL %s sends the same requests as the clean URL', async (_name, template) => {
		const form = template.replace('ROOT', emulator.baseUrl);
		await run(c.clean(emulator.baseUrl));
		await check(c.clean(emulator.baseUrl));
		const expected = paths();
		await fetch(`${emulator.baseUrl}/__emulator/reset`, { method: 'POST' });

		const result = await run(form);
		expect(result.error).toBeUndefined();
		expect(failures(result)).toEqual([]);
		expect(await check(form)).toMatchObject({ ok: true });
		expect({ form, paths: paths() }).toEqual({ form, paths: expected });
		expect(paths().some((path) => path.startsWith(`${c.segment}${c.segment}`) || path.includes('//'))).toBe(false);
	}, 60_000);

	it('refuses http:// to another host in node runs and the credential test, naming the field and the option', async () => {
		const lan = `http://${LAN_HOST}:${new URL(emulator.baseUrl).port}`;
		const result = await run(c.clean(lan), undefined, 'stopWorkflow');
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Base URL.*http:\/\/.*Allow Unencrypted HTTP/s);
		const tested = await check(c.clean(lan));
		expect(tested.ok).toBe(false);
		expect(tested.message).toMatch(/Base URL.*http:\/\/.*Allow Unencrypted HTTP/s);
		expect(paths()).toEqual([]);
	}, 60_000);

	it('sends http:// to another host when Allow Unencrypted HTTP is ticked', async () => {
		const lan = `http://${LAN_HOST}:${new URL(emulator.baseUrl).port}`;
		const result = await run(c.clean(lan), { allowHttp: true });
		expect(result.error).toBeUndefined();
		expect(failures(result)).toEqual([]);
		expect(await check(c.clean(lan), { allowHttp: true })).toMatchObject({ ok: true });
		expect(paths()).toContain(c.testPath);
	}, 60_000);

	it('allows http://localhost without the option (loopback)', async () => {
		const local = emulator.baseUrl.replace('127.0.0.1', 'localhost');
		expect(await check(c.clean(local))).toMatchObject({ ok: true });
		expect(paths()).toEqual([c.testPath]);
	}, 60_000);
});
