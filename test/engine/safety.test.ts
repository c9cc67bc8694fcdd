import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { runBulkOperation } from '../../nodes/shared/engine';
import { createHttpClient } from '../../nodes/shared/http';
import { RequestPacer } from '../../nodes/shared/pacing';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from '../../nodes/shared/types';
import { bodyExcerpt } from '../../nodes/shared/verdicts';
import { FakeProvider, itemsOf, testAdapter, type ServerBehaviour } from './fakes';

const fastOptions: EngineOptions = { ...DEFAULT_ENGINE_OPTIONS, initialBackoffMs: 1, concurrency: 1 };

function emails(n: number, prefix = 'c') {
	return Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@example.com` }));
}

async function run(provider: FakeProvider, values: Array<Record<string, unknown>>, limits = {}, options: Partial<EngineOptions> = {}) {
	const http = provider.client();
	return await runBulkOperation(testAdapter(provider, limits), itemsOf(values), http, new RequestPacer(undefined, http.sleep), { ...fastOptions, ...options });
}

const LOGIN = '<!DOCTYPE html><html><head><title>Sign in</title><script>var x = "<b>";</script></head><body><h1>Sign in to continue</h1></body></html>';

describe('answers that are not the provider API (issue 17)', () => {
	it.each([301, 302, 303, 307, 308])('a %s redirect fails the chunk naming where it pointed, without a retry', async (status) => {
		const provider = new FakeProvider((attempt) => (attempt === 1 ? { kind: 'redirect', status, location: 'http://elsewhere.test/v1/contacts' } : { kind: 'ok' }));
		const { results } = await run(provider, emails(150));
		expect(provider.attempts).toBe(2);
		expect(results[0]).toMatchObject({ status: 'failed', errorCode: 'REDIRECTED' });
		expect(results[0].errorMessage).toContain(`redirected (HTTP ${status}) to http://elsewhere.test/v1/contacts`);
		expect(results[149].status).toBe('upserted');
	});

	it('splits an HTML 413 from a proxy instead of resending it as malformed', async () => {
		const provider = new FakeProvider((attempt) => (attempt === 1 ? { kind: 'page', status: 413 } : { kind: 'ok' }));
		const { results, report } = await run(provider, emails(300), { maxContacts: 300 });
		expect(report.stats.splits).toBe(1);
		expect(provider.attempts).toBe(3);
		expect(results.every((r) => r.status === 'upserted')).toBe(true);
	});

	it.each([502, 503, 504])('retries an HTML %s with backoff and says what the page said', async (status) => {
		const provider = new FakeProvider(() => ({ kind: 'page', status }));
		const { results } = await run(provider, emails(1), {}, { maxRetries: 2 });
		expect(provider.attempts).toBe(3);
		expect(provider.sleeps).toHaveLength(2);
		expect(results[0]).toMatchObject({ status: 'failed', errorCode: 'RETRIES_EXHAUSTED' });
		expect(results[0].errorMessage).toBe(`HTTP ${status} from a server in front of the provider: ${status} ${status} from nginx; gave up after 3 attempts`);
	});

	it('fails the chunk on another 4xx page with the status and an excerpt, without a retry', async () => {
		const provider = new FakeProvider((attempt) => (attempt === 1 ? { kind: 'page', status: 404, text: '404 page not found\n', contentType: 'text/plain' } : { kind: 'ok' }));
		const { results } = await run(provider, emails(2), { maxContacts: 1 });
		expect(provider.attempts).toBe(2);
		expect(results[0]).toMatchObject({ status: 'failed', errorCode: 'HTTP_404', errorMessage: 'HTTP 404 from a server in front of the provider: 404 page not found' });
		expect(results[1].status).toBe('upserted');
	});

	it('an HTML 200 is not the provider answering: failed, not retried', async () => {
		const provider = new FakeProvider((attempt) => (attempt === 1 ? { kind: 'page', status: 200, text: LOGIN } : { kind: 'ok' }));
		const { results } = await run(provider, emails(2), { maxContacts: 1 });
		expect(provider.attempts).toBe(2);
		expect(results[0]).toMatchObject({ status: 'failed', errorCode: 'NOT_PROVIDER_API' });
		expect(results[0].errorMessage).toMatch(/^HTTP 200 with a web page, not the provider's API .*: Sign in Sign in to continue$/);
	});

	it('still resends a damaged JSON answer (content type JSON) when that is safe', async () => {
		const provider = new FakeProvider((attempt) => (attempt === 1 ? { kind: 'malformed' } : { kind: 'ok' }));
		const { results } = await run(provider, emails(1));
		expect(provider.attempts).toBe(2);
		expect(results[0].status).toBe('upserted');
	});
});

describe('circuit breaker (issue 17)', () => {
	it('stops after 3 identical page answers: 1,000 contacts cost 3 requests, the rest NOT_SENT naming the cause', async () => {
		const provider = new FakeProvider(() => ({ kind: 'page', status: 200, text: LOGIN }));
		const { results, report } = await run(provider, emails(1000), {}, { concurrency: 2 });
		expect(provider.attempts).toBeLessThanOrEqual(4);
		expect(results.every((r) => r.status === 'failed')).toBe(true);
		const unsent = results.filter((r) => r.errorCode === 'NOT_SENT');
		expect(unsent.length).toBeGreaterThanOrEqual(600);
		expect(unsent[0].errorMessage).toMatch(/^Not sent: the node stopped sending after 3 requests in a row \(the last: request \d\) failed the same way: HTTP 200 with a web page/);
		expect(report.stats.stopped?.unsent).toBe(unsent.length);
	});

	it('stops after 3 chunks could not connect at all (wrong host), each after its retries', async () => {
		const provider = new FakeProvider(() => ({ kind: 'reset-before' }));
		const { results } = await run(provider, emails(1000), {}, { maxRetries: 2 });
		expect(provider.attempts).toBe(9);
		expect(results[0]).toMatchObject({ status: 'failed', errorCode: 'ECONNREFUSED' });
		expect(results[999]).toMatchObject({ status: 'failed', errorCode: 'NOT_SENT' });
		expect(results[999].errorMessage).toContain('Could not connect to the provider (ECONNREFUSED)');
	});

	it('does not trip on failures about the contacts, nor when successes come between', async () => {
		const alternating = new FakeProvider((attempt) => (attempt % 3 === 0 ? { kind: 'ok' } : { kind: 'page', status: 200, text: LOGIN }));
		const { results } = await run(alternating, emails(30), { maxContacts: 1 });
		expect(alternating.attempts).toBe(30);
		expect(results.filter((r) => r.errorCode === 'NOT_SENT')).toHaveLength(0);

		const rejected = new FakeProvider(() => ({ kind: 'status', status: 400 }));
		const second = await run(rejected, emails(30), { maxContacts: 1 });
		expect(rejected.attempts).toBe(30);
		expect(second.results.every((r) => r.errorCode === 'HTTP_400')).toBe(true);
	});

	it('a chunk waiting for its retry when the run stops keeps its own failure', async () => {
		const script: ServerBehaviour[] = [{ kind: 'status', status: 503 }];
		const provider = new FakeProvider((attempt) => script[attempt - 1] ?? { kind: 'page', status: 200, text: LOGIN });
		const { results } = await run(provider, emails(20), { maxContacts: 1 });
		expect(results[0].errorCode).not.toBe('NOT_SENT');
		expect(results[19]).toMatchObject({ errorCode: 'NOT_SENT' });
	});
});

describe('bounded contacts (issue 17)', () => {
	function nested(levels: number): Record<string, unknown> {
		let value: Record<string, unknown> = { leaf: true };
		for (let i = 0; i < levels; i++) value = { deeper: value };
		return value;
	}

	it('a value nested 6,000 levels makes its item invalid naming the field; its neighbours are sent', async () => {
		const provider = new FakeProvider(() => ({ kind: 'ok' }));
		const { results } = await run(provider, [{ email: 'a@x.io' }, { email: 'deep@x.io', tags: nested(6000) }, { email: 'b@x.io', tags: nested(10) }]);
		expect(provider.processed).toEqual([['a@x.io', 'b@x.io']]);
		expect(results[1]).toMatchObject({ status: 'invalid', errorField: 'tags.deeper', email: 'deep@x.io' });
		expect(results[1].errorMessage).toBe('tags.deeper is nested more than 64 levels deep');
		expect(results[0].status).toBe('upserted');
	});

	it('an item whose toContact throws (stack overflow on its input) is invalid, not a node failure', async () => {
		const provider = new FakeProvider(() => ({ kind: 'ok' }));
		const adapter = testAdapter(provider);
		const toContact = adapter.toContact.bind(adapter);
		adapter.toContact = (item, index) => {
			if (index === 1) throw new RangeError('Maximum call stack size exceeded');
			return toContact(item, index);
		};
		const http = provider.client();
		const items = itemsOf([{ email: 'a@x.io' }, { email: 'deep@x.io', custom: nested(6000) }]);
		const { results } = await runBulkOperation(adapter, items, http, new RequestPacer(undefined, http.sleep), fastOptions);
		expect(results[0].status).toBe('upserted');
		expect(results[1]).toMatchObject({ status: 'invalid', errorField: 'custom.deeper' });
	});

	it('a contact JSON cannot represent is invalid, the others are sent', async () => {
		const provider = new FakeProvider(() => ({ kind: 'ok' }));
		const broken = { toJSON: () => { throw new Error('this value cannot be serialised'); } };
		const { results } = await run(provider, [{ email: 'a@x.io' }, { email: 'big@x.io', tags: { n: broken } }]);
		expect(provider.processed).toEqual([['a@x.io']]);
		expect(results[1]).toMatchObject({ status: 'invalid', errorCode: 'INVALID_INPUT' });
		expect(results[1].errorMessage).toBe('This contact cannot be sent as JSON: this value cannot be serialised');
	});
});

describe('HTTP client (issue 17)', () => {
	function context(answers: Array<{ statusCode: number; headers?: Record<string, string>; body?: unknown }>) {
		const seen: IHttpRequestOptions[] = [];
		const reply = async (options: IHttpRequestOptions) => {
			seen.push(options);
			return answers[Math.min(seen.length - 1, answers.length - 1)];
		};
		const ctx = {
			getExecutionCancelSignal: () => undefined,
			helpers: { httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => await reply(options), httpRequest: reply },
		} as unknown as IExecuteFunctions;
		const pacer = new RequestPacer(undefined, async () => {});
		const http = createHttpClient(ctx, { credentialType: 'x', baseUrl: 'http://api.test', secrets: ['sk_live_secret_123'] }, { maxRetries: 3, initialBackoffMs: 1, maxRetryWaitMs: 10_000 }, pacer);
		return { http, seen };
	}

	it('never follows a redirect nor sends credentials across origins, on every request', async () => {
		const { http, seen } = context([{ statusCode: 307, headers: { location: 'http://evil.test/' } }]);
		const answer = await http.send({ method: 'POST', url: '/contacts', body: '{}' });
		expect(answer.status).toBe(307);
		await http.sendWithRetry({ method: 'GET', url: '/lists' });
		await http.send({ method: 'GET', url: 'http://files.test/errors.csv' });
		expect(seen).toHaveLength(3);
		for (const options of seen) expect(options).toMatchObject({ disableFollowRedirect: true, sendCredentialsOnCrossOriginRedirect: false });
	});

	it('reads retries with the engine policy: 5xx pages are resent, a 200 page and a redirect are not', async () => {
		const html = '<html><body>502 Bad Gateway</body></html>';
		const retried = context([{ statusCode: 502, headers: { 'content-type': 'text/html' }, body: html }, { statusCode: 200, body: { ok: true } }]);
		expect((await retried.http.sendWithRetry({ method: 'GET', url: '/x' })).body).toEqual({ ok: true });
		expect(retried.seen).toHaveLength(2);

		const page = context([{ statusCode: 200, headers: { 'content-type': 'text/html' }, body: LOGIN }]);
		const answer = await page.http.sendWithRetry({ method: 'GET', url: '/x' });
		expect(page.seen).toHaveLength(1);
		expect(answer).toMatchObject({ status: 200, malformed: true });

		const moved = context([{ statusCode: 308, headers: { location: 'http://evil.test/x' } }]);
		expect((await moved.http.sendWithRetry({ method: 'GET', url: '/x' })).status).toBe(308);
		expect(moved.seen).toHaveLength(1);
	});

	it('a non-2xx text body is read by its status, not marked malformed; the key is redacted', async () => {
		const { http } = context([{ statusCode: 400, headers: { 'content-type': 'text/html' }, body: '<pre>Authorization: Bearer sk_live_secret_123</pre>' }]);
		const answer = await http.send({ method: 'GET', url: '/x' });
		expect(answer.malformed).toBe(false);
		expect(bodyExcerpt(answer.body)).toBe('Authorization: Bearer [redacted]');
	});
});

describe('bodyExcerpt', () => {
	it('strips tags, scripts and styles, decodes entities, collapses whitespace and cuts at 200 characters', () => {
		expect(bodyExcerpt('<html><style>p{}</style><body>\n<p>A &amp; B&nbsp;&lt;ok&gt;</p>\n\n</body></html>')).toBe('A & B <ok>');
		const long = bodyExcerpt(`<p>${'word '.repeat(100)}</p>`);
		expect(long.length).toBeLessThanOrEqual(200);
		expect(long.endsWith('…')).toBe(true);
		expect(bodyExcerpt({ error: 'x' })).toBe('{"error":"x"}');
	});
});
