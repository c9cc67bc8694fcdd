import { runBulkOperation } from '../../nodes/shared/engine';
import { RequestPacer } from '../../nodes/shared/pacing';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from '../../nodes/shared/types';
import { FakeProvider, itemsOf, testAdapter, type ServerBehaviour } from './fakes';

const fastOptions: EngineOptions = { ...DEFAULT_ENGINE_OPTIONS, initialBackoffMs: 1, concurrency: 2 };

function emails(n: number, prefix = 'c') {
	return Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@example.com` }));
}

async function run(
	provider: FakeProvider,
	values: Array<Record<string, unknown>>,
	limits: Parameters<typeof testAdapter>[1] = {},
	options: Partial<EngineOptions> = {},
) {
	const http = provider.client();
	const pacer = new RequestPacer(undefined, http.sleep);
	return await runBulkOperation(testAdapter(provider, limits), itemsOf(values), http, pacer, {
		...fastOptions,
		...options,
	});
}

describe('runBulkOperation', () => {
	it('sends 250 contacts in 3 requests and gives every item its own result in input order', async () => {
		const provider = new FakeProvider(() => ({ kind: 'ok' }));
		const { results, report } = await run(provider, emails(250));
		expect(provider.attempts).toBe(3);
		expect(report).toMatchObject({ items: 250, uniqueContacts: 250, chunks: 3 });
		expect(results).toHaveLength(250);
		expect(results[0]).toMatchObject({ status: 'upserted', email: 'c0@example.com', request: 1 });
		expect(results[249]).toMatchObject({ status: 'upserted', email: 'c249@example.com', request: 3 });
	});

	it('handles zero items without sending anything', async () => {
		const provider = new FakeProvider(() => ({ kind: 'ok' }));
		const { results } = await run(provider, []);
		expect(results).toEqual([]);
		expect(provider.attempts).toBe(0);
	});

	it('sends a duplicated email once and reports it on both items', async () => {
		const provider = new FakeProvider(() => ({ kind: 'ok' }));
		const { results } = await run(provider, [{ email: 'A@x.io', name: 'old' }, { email: 'b@x.io' }, { email: 'a@x.io ', name: 'new' }]);
		expect(provider.processed).toEqual([['a@x.io', 'b@x.io']]);
		expect(results[0]).toMatchObject({ status: 'upserted', email: 'a@x.io', mergedWithItems: [2] });
		expect(results[2]).toMatchObject({ status: 'upserted', email: 'a@x.io', mergedWithItems: [0] });
		expect(results[1].mergedWithItems).toBeUndefined();
	});

	it('never sends invalid items and reports the field', async () => {
		const provider = new FakeProvider(() => ({ kind: 'ok' }));
		const { results } = await run(provider, [{ email: 'ok@x.io' }, { email: 'nope' }, { email: 42 }]);
		expect(provider.processed).toEqual([['ok@x.io']]);
		expect(results[1]).toMatchObject({ status: 'invalid', errorField: 'email', errorCode: 'INVALID_INPUT' });
		expect(results[2].errorMessage).toBe('email must be text, got a number');
	});

	it('retries 429 honouring Retry-After, and 5xx with backoff, for an idempotent operation', async () => {
		const script: ServerBehaviour[] = [
			{ kind: 'status', status: 429, headers: { 'retry-after': '2' } },
			{ kind: 'status', status: 503 },
		];
		const provider = new FakeProvider((attempt) => script[attempt - 1] ?? { kind: 'ok' });
		const { results, report } = await run(provider, emails(3), {}, { concurrency: 1 });
		expect(provider.attempts).toBe(3);
		expect(report.stats).toMatchObject({ requests: 3, retries: 2 });
		expect(provider.sleeps[0]).toBeGreaterThanOrEqual(2000);
		expect(provider.sleeps[0]).toBeLessThan(2200);
		expect(results.every((r) => r.status === 'upserted' && r.attempts === 3)).toBe(true);
	});

	it('waits until X-RateLimit-Reset when the window is used up', async () => {
		const reset = Math.ceil(Date.now() / 1000) + 3;
		const provider = new FakeProvider((attempt) =>
			attempt === 1
				? { kind: 'status', status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } }
				: { kind: 'ok' },
		);
		await run(provider, emails(1));
		expect(provider.sleeps[0]).toBeGreaterThan(1500);
		expect(provider.sleeps[0]).toBeLessThanOrEqual(4200);
	});

	it('gives up after maxRetries with a message that says so', async () => {
		const provider = new FakeProvider(() => ({ kind: 'status', status: 500 }));
		const { results } = await run(provider, emails(2), {}, { maxRetries: 2 });
		expect(provider.attempts).toBe(3);
		expect(results[0]).toMatchObject({ status: 'failed', errorCode: 'RETRIES_EXHAUSTED' });
		expect(results[0].errorMessage).toContain('gave up after 3 attempts');
	});

	it('fails instead of waiting when the provider asks for a longer wait than allowed', async () => {
		const provider = new FakeProvider(() => ({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } }));
		const { results } = await run(provider, emails(1), {}, { maxRetryWaitMs: 60_000 });
		expect(provider.attempts).toBe(1);
		expect(results[0]).toMatchObject({ status: 'failed', errorCode: 'RATE_LIMITED' });
		expect(results[0].errorMessage).toContain('3600 s');
	});

	it('stops sending after a 401: that request reports the auth error, the unsent contacts NOT_SENT naming it', async () => {
		const provider = new FakeProvider(() => ({ kind: 'status', status: 401 }));
		const { results, report } = await run(provider, emails(500), {}, { concurrency: 1 });
		expect(provider.attempts).toBe(1);
		expect(results.slice(0, 100).every((r) => r.status === 'failed' && r.errorCode === 'HTTP_401')).toBe(true);
		expect(results.slice(100).every((r) => r.status === 'failed' && r.errorCode === 'NOT_SENT')).toBe(true);
		expect(results[499].errorMessage).toBe('Not sent: the node stopped sending after request 1 failed: HTTP 401');
		expect(report.stats.stopped).toEqual({ reason: 'the node stopped sending after request 1 failed: HTTP 401', unsent: 400 });
	});

	it('resends a non-idempotent request only when it certainly never arrived', async () => {
		const before = new FakeProvider((attempt) => (attempt === 1 ? { kind: 'reset-before' } : { kind: 'ok' }));
		const sentAgain = await run(before, emails(2), { idempotent: false, maxContacts: 1 }, { concurrency: 1 });
		expect(before.processed).toEqual([['c0@example.com'], ['c1@example.com']]);
		expect(sentAgain.results.map((r) => r.status)).toEqual(['upserted', 'upserted']);

		const after = new FakeProvider((attempt) => (attempt === 1 ? { kind: 'reset-after' } : { kind: 'ok' }));
		const notResent = await run(after, emails(2), { idempotent: false, maxContacts: 1 }, { concurrency: 1 });
		expect(after.processed).toEqual([['c0@example.com'], ['c1@example.com']]);
		expect(notResent.results[0]).toMatchObject({ status: 'failed', errorCode: 'ECONNRESET' });
		expect(notResent.results[0].errorMessage).toContain('Not resent');
		expect(notResent.results[1].status).toBe('upserted');
	});

	it('does not resend a non-idempotent request after a 500', async () => {
		const provider = new FakeProvider((attempt) => (attempt === 1 ? { kind: 'status', status: 500 } : { kind: 'ok' }));
		const { results } = await run(provider, emails(1), { idempotent: false });
		expect(provider.attempts).toBe(1);
		expect(results[0]).toMatchObject({ status: 'failed', errorCode: 'NOT_RETRIED' });
	});

	it('isolates the failing contacts of a counts-only answer by splitting, without failing the whole chunk', async () => {
		const poison = new Set(['c13@example.com', 'c77@example.com']);
		const provider = new FakeProvider(() => ({ kind: 'ok' }), poison);
		const { results, report } = await run(provider, emails(100));
		const failed = results.map((r, i) => (r.status === 'failed' ? i : -1)).filter((i) => i >= 0);
		expect(failed).toEqual([13, 77]);
		expect(results[13]).toMatchObject({ errorCode: 'REJECTED', request: 1 });
		expect(report.stats.splits).toBeGreaterThan(0);
		// Binary search: about 2·log2(100) extra requests per failing contact, far fewer than 100.
		expect(provider.attempts).toBeLessThanOrEqual(1 + 2 * 2 * 7);
	});

	it('dry run plans requests and sends nothing', async () => {
		const provider = new FakeProvider(() => ({ kind: 'ok' }));
		const { results } = await run(provider, [...emails(3), { email: 'bad' }], { maxContacts: 2 }, { dryRun: true });
		expect(provider.attempts).toBe(0);
		expect(results.map((r) => [r.status, r.request])).toEqual([
			['dry_run', 1],
			['dry_run', 1],
			['dry_run', 2],
			['invalid', undefined],
		]);
		expect(results[2].details).toMatchObject({ requestContacts: 1, payload: { email: 'c2@example.com' } });
	});

	it('marks contacts not yet sent as cancelled once the execution is cancelled', async () => {
		const controller = new AbortController();
		const provider = new FakeProvider((attempt) => {
			if (attempt === 2) controller.abort();
			return { kind: 'ok' };
		});
		const http = { ...provider.client(), signal: controller.signal };
		const pacer = new RequestPacer(undefined, http.sleep);
		const { results } = await runBulkOperation(testAdapter(provider, { maxContacts: 10 }), itemsOf(emails(50)), http, pacer, {
			...fastOptions,
			concurrency: 1,
		});
		expect(provider.attempts).toBe(2);
		expect(results[0].status).toBe('upserted');
		expect(results[49]).toMatchObject({ status: 'failed', errorCode: 'CANCELLED' });
	});
});

describe('RequestPacer', () => {
	it('spaces request starts by 1/rps across callers and lets a 429 push everyone back', async () => {
		let now = 0;
		const waits: number[] = [];
		const pacer = new RequestPacer(
			2,
			async (ms) => {
				waits.push(ms);
			},
			() => now,
		);
		await pacer.acquire();
		await pacer.acquire();
		await pacer.acquire();
		expect(waits).toEqual([500, 1000]);
		now = 5000;
		pacer.pause(3000);
		await pacer.acquire();
		expect(waits[2]).toBe(3000);
	});
});
