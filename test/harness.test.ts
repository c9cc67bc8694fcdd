import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { createHarness, type Harness } from './harness';

const fixtureDir = join(__dirname, 'fixtures', 'harness-package');
const credentials = (baseUrl: string) => ({ echoApi: { apiKey: 'secret-key', baseUrl } });

describe('real-engine harness', () => {
	let harness: Harness;
	let server: http.Server;
	let baseUrl: string;
	let received = 0;

	beforeAll(async () => {
		harness = await createHarness({ packageDir: fixtureDir });
		server = http.createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				received++;
				const { n } = JSON.parse(body) as { n: number };
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify({ n, auth: req.headers.authorization }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
	});

	beforeEach(() => (received = 0));

	it('runs the node with real HTTP, generic auth and paired items', async () => {
		const items = [0, 1, 2].map((i) => ({ json: { i } }));
		const result = await harness.run({ nodeType: 'echo', parameters: {}, credentials: credentials(baseUrl), items });
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.outputs[0].map((item) => item.json)).toEqual([
			{ n: 0, auth: 'Bearer secret-key' },
			{ n: 1, auth: 'Bearer secret-key' },
			{ n: 2, auth: 'Bearer secret-key' },
		]);
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(received).toBe(3);
	});

	it('routes item errors to the error output with continueErrorOutput', async () => {
		const items = [{ json: {} }, { json: { fail: true } }, { json: {} }];
		const result = await harness.run({
			nodeType: 'echo',
			parameters: {},
			credentials: credentials(baseUrl),
			items,
			onError: 'continueErrorOutput',
		});
		expect(result.outputs).toHaveLength(2);
		expect(result.outputs[0].map((item) => item.json.n)).toEqual([0, 2]);
		expect(result.outputs[1]).toHaveLength(1);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 1 });
	});

	it('reports the thrown error with stopWorkflow', async () => {
		const result = await harness.run({
			nodeType: 'echo',
			parameters: {},
			credentials: credentials(baseUrl),
			items: [{ json: { throw: true } }],
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('item 0 asked to throw');
		expect(result.outputs).toEqual([]);
		expect(received).toBe(1);
	});

	it('re-runs the node with Retry On Fail', async () => {
		const result = await harness.run({
			nodeType: 'echo',
			parameters: {},
			credentials: credentials(baseUrl),
			items: [{ json: { throw: true } }],
			retryOnFail: true,
			maxTries: 3,
			waitBetweenTries: 0,
		});
		expect(result.status).toBe('error');
		// n8n treats waitBetweenTries 0 as its 1 s default; three tries mean three requests.
		expect(received).toBe(3);
		expect(result.error?.message).toBe('item 0 asked to throw');
	});

	it('cancels a slow run promptly through the execution cancel signal', async () => {
		const items = Array.from({ length: 50 }, (_, i) => ({ json: { i } }));
		const started = Date.now();
		const result = await harness.run({
			nodeType: 'echo',
			parameters: { delayMs: 200 },
			credentials: credentials(baseUrl),
			items,
			cancelAfterMs: 300,
		});
		expect(result.status).toBe('canceled');
		expect(Date.now() - started).toBeLessThan(5000);
		expect(received).toBeLessThan(5);
	});

	it('handles 5,000 items', async () => {
		const items = Array.from({ length: 5000 }, (_, i) => ({ json: { i } }));
		const result = await harness.run({ nodeType: 'echo', parameters: {}, credentials: credentials(baseUrl), items });
		expect(result.outputs[0]).toHaveLength(5000);
		expect(result.outputs[0][4999].json.n).toBe(4999);
		expect(received).toBe(5000);
	});
});
