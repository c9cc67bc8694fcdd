import type { IDataObject } from 'n8n-workflow';

import type { FaultRule } from '../emulators/common';

import type { Target } from './targets';

/** What the run must end with, beyond the invariants every run keeps. */
export type Expectation =
	/** Every contact succeeds (the node rode the fault out). */
	| { kind: 'all-succeed' }
	/** Idempotent operations succeed; a create that may have been processed fails with a message saying it was not resent. */
	| { kind: 'creates-not-resent'; message: RegExp }
	/** At most `max` contacts fail, each with a message matching `message`; the rest succeed. */
	| { kind: 'some-fail'; max: number; message: RegExp };

export interface FaultCase {
	name: string;
	rules: FaultRule[];
	options?: IDataObject;
	expect(target: Target): Expectation;
}

export const ITEMS = 30;
/** Small chunks so one run spans several requests on bulk endpoints. */
export const BATCH = 10;

const on = (target: Target, rule: Omit<FaultRule, 'path' | 'method'>): FaultRule => ({ ...rule, path: target.write.path, method: target.write.method });
const bulk = (target: Target) => target.maxContacts > 1;
const resendable = (message: RegExp) => (target: Target): Expectation =>
	target.idempotent ? { kind: 'all-succeed' } : { kind: 'creates-not-resent', message };

export function faultCases(target: Target): FaultCase[] {
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
	];
}
