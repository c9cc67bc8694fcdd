import type { IDataObject } from 'n8n-workflow';

import type { FaultRule } from '../emulators/common';

import type { Target } from './targets';

/** What the run must end with, beyond the invariants every run keeps. */
export type Expectation =
	/** Every contact succeeds (the node rode the fault out). */
	| { kind: 'all-succeed' }
	/** Idempotent operations succeed; a create that may have been processed fails with a message saying it was not resent. */
	| { kind: 'creates-not-resent'; message: RegExp }
	/** Between `min` (default 0) and `max` contacts fail, each with a message matching `message`; the rest succeed. */
	| { kind: 'some-fail'; min?: number; max: number; message: RegExp }
	/**
	 * The node stops sending after a few identical failures: at most `maxWrites` requests carry
	 * contacts, every contact fails, those never sent with `NOT_SENT` and a message naming the cause.
	 */
	| { kind: 'stops'; message: RegExp; maxWrites: number; maySucceed?: number };

export interface FaultCase {
	name: string;
	rules: FaultRule[];
	options?: IDataObject;
	expect(target: Target): Expectation;
}

export const ITEMS = 30;
/** Small chunks so one run spans several requests on bulk endpoints. */
export const BATCH = 10;
export const CONCURRENCY = 3;
/** Identical failures in a row after which the engine stops sending (nodes/shared/dispatch.ts). */
const BREAKER = 3;

const on = (target: Target, rule: Omit<FaultRule, 'path' | 'method'>): FaultRule => ({ ...rule, path: target.write.path, method: target.write.method });
const bulk = (target: Target) => target.maxContacts > 1;
const perRequest = (target: Target) => (bulk(target) ? BATCH : 1);
const resendable = (message: RegExp) => (target: Target): Expectation =>
	target.idempotent ? { kind: 'all-succeed' } : { kind: 'creates-not-resent', message };
/** One request fails as a whole: exactly its contacts fail, with `message`. */
const oneRequestFails = (message: RegExp) => (target: Target): Expectation => ({ kind: 'some-fail', min: perRequest(target), max: perRequest(target), message });

export const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

/** `sink`: the origin of a second loopback server that redirects point to (it must never see a request). */
export function faultCases(target: Target, sink: string): FaultCase[] {
	return [
		{ name: '429 storm with Retry-After', rules: [on(target, { kind: 'status', status: 429, count: 3, retryAfter: 1 })], expect: () => ({ kind: 'all-succeed' }) },
		{ name: '429 storm without Retry-After', rules: [on(target, { kind: 'status', status: 429, count: 3 })], expect: () => ({ kind: 'all-succeed' }) },
		{ name: '5xx burst', rules: [on(target, { kind: 'status', status: 503, count: 3 })], expect: resendable(/Not resent/) },
		{ name: 'connection reset before the answer', rules: [on(target, { kind: 'drop-before', count: 2 })], expect: resendable(/Not resent/) },
		{ name: 'connection reset mid-answer', rules: [on(target, { kind: 'drop-mid', count: 2 })], expect: resendable(/Not resent/) },
		{
			name: 'timeout',
			rules: [on(target, { kind: 'slow-body', count: 1, ms: 2_500 })],
			options: { timeout: 800 },
			expect: resendable(/did not answer in time.*Not resent/),
		},
		{ name: 'malformed JSON answer', rules: [on(target, { kind: 'malformed', count: 2 })], expect: resendable(/not valid JSON.*Not resent/) },
		{
			name: '413 payload too large',
			rules: [on(target, { kind: 'status', status: 413, count: 1 })],
			expect: (t) => (bulk(t) ? { kind: 'all-succeed' } : { kind: 'some-fail', max: 1, message: /413|too large/i }),
		},
		{
			name: 'provider error for one chunk among many',
			rules: [on(target, { kind: 'status', status: 400, count: 1, skip: 1 })],
			expect: (t) => ({ kind: 'some-fail', max: bulk(t) ? BATCH : 1, message: /injected fault 400/ }),
		},
		...REDIRECT_STATUSES.map(
			(status): FaultCase => ({
				name: `${status} redirect to another origin for one request`,
				rules: [on(target, { kind: 'redirect', status, count: 1, skip: 1, redirectTo: sink })],
				expect: oneRequestFails(new RegExp(`redirected \\(HTTP ${status}\\) to ${sink.replace(/[.:/]/g, '\\$&')}`)),
			}),
		),
		{
			name: 'HTML 413 from a reverse proxy',
			rules: [on(target, { kind: 'page', status: 413, count: 1 })],
			expect: (t) => (bulk(t) ? { kind: 'all-succeed' } : { kind: 'some-fail', min: 1, max: 1, message: /413 Request Entity Too Large/ }),
		},
		{ name: 'HTML 502 from a reverse proxy ×2', rules: [on(target, { kind: 'page', status: 502, count: 2 })], expect: resendable(/502 Bad Gateway.*Not resent/) },
		{ name: 'HTML 504 from a reverse proxy ×2', rules: [on(target, { kind: 'page', status: 504, count: 2 })], expect: resendable(/504 Gateway Time-out.*Not resent/) },
		{
			name: 'plain-text 503 ×2',
			rules: [on(target, { kind: 'page', status: 503, count: 2, contentType: 'text/plain', text: 'upstream connect error or disconnect/reset before headers' })],
			expect: resendable(/upstream connect error.*Not resent/),
		},
		{
			name: 'HTML 400 from a reverse proxy for one request',
			rules: [on(target, { kind: 'page', status: 400, count: 1, skip: 1 })],
			expect: oneRequestFails(/HTTP 400.*400 Bad Request/),
		},
		{
			name: 'plain-text 404 for one request',
			rules: [on(target, { kind: 'page', status: 404, count: 1, skip: 1, contentType: 'text/plain' })],
			expect: oneRequestFails(/HTTP 404.*404 page not found/),
		},
		{
			name: 'HTML error page echoing the API key',
			rules: [on(target, { kind: 'page', status: 400, count: 1, skip: 1, text: '<html><body><h1>Bad request</h1><pre>Authorization: {{authorization}}</pre></body></html>' })],
			expect: oneRequestFails(/Bad request Authorization: Bearer \[redacted\]/),
		},
		{
			name: 'HTML 200 page for one request',
			rules: [on(target, { kind: 'page', status: 200, count: 1, skip: 1 })],
			expect: oneRequestFails(/not the provider's API.*Sign in to continue/),
		},
		{
			name: "HTML 200 login page for every request (base URL not the provider's API)",
			rules: [on(target, { kind: 'page', status: 200, count: 1_000 })],
			options: { batchSize: 2 },
			expect: () => ({ kind: 'stops', message: /not the provider's API.*Sign in to continue/, maxWrites: BREAKER + CONCURRENCY - 1 }),
		},
		{
			name: '401 from the second request on (key revoked mid-run)',
			rules: [on(target, { kind: 'status', status: 401, count: 1_000, skip: 1 })],
			options: { batchSize: 2 },
			expect: (t) => ({ kind: 'stops', message: /injected fault 401/, maxWrites: 1 + CONCURRENCY, maySucceed: bulk(t) ? 2 : 1 }),
		},
	];
}
