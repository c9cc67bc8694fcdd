import type { RequestLogEntry } from '../emulators/common';

import { unansweredSuccesses } from './invariants';

function write(seq: number, status: number, emails: string[], fault?: string): RequestLogEntry {
	const entry = { seq, method: 'POST', path: '/w', status, bodyBytes: 0, at: 0, durationMs: 0, fault } as RequestLogEntry;
	Object.defineProperty(entry, 'requestBody', { value: Buffer.from(JSON.stringify({ contacts: emails.map((email) => ({ email })) })) });
	return entry;
}

describe('invariant: no contact reported as succeeded unless the provider says so', () => {
	const writes = [write(1, 200, ['a@x.io']), write(2, 503, ['b@x.io']), write(3, 200, ['c@x.io'], 'malformed'), write(4, 202, ['d@x.io'])];

	it('holds for successes answered 2xx without a fault, and ignores failures', () => {
		expect(unansweredSuccesses([{ status: 'upserted', email: 'A@x.io' }, { status: 'queued', email: 'd@x.io' }, { status: 'failed', email: 'b@x.io' }], writes)).toEqual([]);
	});

	it('flags a success whose only answers were a 5xx or a faulty 2xx, or that was never sent', () => {
		expect(unansweredSuccesses([{ status: 'created', email: 'b@x.io' }, { status: 'added', email: 'c@x.io' }, { status: 'updated', email: 'z@x.io' }], writes)).toEqual([
			'b@x.io reported created without a 2xx answer to a request that carried it',
			'c@x.io reported added without a 2xx answer to a request that carried it',
			'z@x.io reported updated without a 2xx answer to a request that carried it',
		]);
	});

	it('flags a success the provider does not hold (a 2xx whose body said otherwise), but not a queued one', () => {
		const holds = (email: string) => email === 'a@x.io';
		expect(unansweredSuccesses([{ status: 'upserted', email: 'a@x.io' }, { status: 'queued', email: 'd@x.io' }, { status: 'upserted', email: 'd@x.io' }], writes, holds)).toEqual([
			'd@x.io reported upserted but the provider does not hold it',
		]);
	});
});
