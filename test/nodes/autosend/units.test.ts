import { attribute, differences } from '../../../nodes/AutoSend/actions/contact/bulkAttribution';
import { countsProblem } from '../../../nodes/AutoSend/actions/contact/bulkCounts';
import { outcomesFor } from '../../../nodes/AutoSend/actions/contactList/addContacts.operation';
import { interpretSingleContact } from '../../../nodes/AutoSend/actions/singleContact';
import { buildContact, parseListIds, type ContactValues } from '../../../nodes/AutoSend/contact';
import { providerError } from '../../../nodes/AutoSend/transport';
import type { HttpResponse } from '../../../nodes/shared/types';

const response = (status: number, body: unknown, headers: HttpResponse['headers'] = {}): HttpResponse => ({ status, body, headers, malformed: false });
const rules = { allowListIds: true };

describe('buildContact', () => {
	it('normalises the email, trims text and types custom fields', () => {
		const prepared = buildContact(
			{
				email: ' Ann@Example.COM\u00a0',
				standard: { firstName: ' Ann ', userId: 42, listIds: 'a, b,a' },
				custom: [
					{ name: 'n', type: 'number', value: '3.5' },
					{ name: 'b', type: 'boolean', value: 'no' },
					{ name: 'd', type: 'date', value: '2024-03-01T10:00:00Z' },
					{ name: 'empty', type: 'string', value: '' },
				],
			},
			rules,
		);
		expect(prepared).toEqual({
			ok: true,
			key: 'ann@example.com',
			email: 'ann@example.com',
			contact: { email: 'ann@example.com', firstName: 'Ann', userId: '42', listIds: ['a', 'b'], customFields: { n: 3.5, b: false, d: '2024-03-01' } },
		});
	});

	const rejected: Array<{ values: ContactValues; field: string; message: string }> = [
		{ field: 'email', message: 'is a built-in AutoSend field name and cannot be used as a custom field', values: { email: 'a@b.co', standard: {}, custom: [{ name: 'email', type: 'string', value: 'x' }] } },
		{ field: 'mystery', message: 'is not a custom field of this AutoSend project (create it in AutoSend first)', values: { email: 'a@b.co', standard: {}, custom: [{ name: 'mystery', type: undefined, value: 'x' }] } },
		{ field: 'customFields', message: 'has an unusable field name "__proto__"', values: { email: 'a@b.co', standard: {}, custom: [{ name: '__proto__', type: 'string', value: 'x' }] } },
		{ field: 'lastName', message: 'must be text, got an object {"a":1}', values: { email: 'a@b.co', standard: { lastName: { a: 1 } }, custom: [] } },
		{ field: 'email', message: 'contains more than one @', values: { email: 'a@@b.co', standard: {}, custom: [] } },
		{ field: 's', message: 'is longer than 1000 characters', values: { email: 'a@b.co', standard: {}, custom: [{ name: 's', type: 'string', value: 'x'.repeat(1001) }] } },
	];
	it.each(rejected)('rejects: $field $message', ({ values, field, message }) => {
		expect(buildContact(values, rules)).toMatchObject({ ok: false, field, message });
	});

	it('refuses list ids where the endpoint cannot apply them', () => {
		expect(buildContact({ email: 'a@b.co', standard: { listIds: ['x'] }, custom: [] }, { allowListIds: false })).toMatchObject({ ok: false, field: 'listIds' });
	});

	it('reads id lists from arrays and comma-separated text', () => {
		expect(parseListIds([' a ', 'b', 'a'])).toEqual(['a', 'b']);
		expect(parseListIds(null)).toEqual([]);
		expect(parseListIds({})).toEqual({ problem: 'must be a list of IDs or a comma-separated text' });
	});
});

describe('providerError', () => {
	it('joins validation details into the message and keeps the first field', () => {
		const error = providerError(
			response(400, { success: false, error: { message: 'Validation failed', code: 'VALIDATION_FAILED', details: [{ field: 'email', message: 'Invalid email format' }] } }),
		);
		expect(error).toEqual({ message: 'Validation failed: email: Invalid email format', code: 'VALIDATION_FAILED', field: 'email', retryAfterMs: undefined });
	});

	it('reads retryAfter (seconds) from 429 bodies and copes with non-AutoSend bodies', () => {
		expect(providerError(response(429, { success: false, error: { message: 'Too many', code: 'RATE_LIMIT_EXCEEDED' }, retryAfter: 3 })).retryAfterMs).toBe(3000);
		expect(providerError(response(502, '<html>Bad gateway</html>')).message).toBe('AutoSend answered HTTP 502: Bad gateway');
		expect(providerError(response(500, undefined)).message).toBe('AutoSend answered HTTP 500');
	});
});

describe('interpretSingleContact', () => {
	it('turns "already exists" into a per-item failure suggesting Create or Update, whatever the status', () => {
		const verdict = interpretSingleContact(response(400, { success: false, error: { message: 'Contact already exists', code: 'X' } }), 'created');
		expect(verdict.kind === 'all' && verdict.outcome.errorMessage).toMatch(/use the Create or Update operation/);
		expect(verdict).toMatchObject({ kind: 'all', outcome: { status: 'failed', errorCode: 'ALREADY_EXISTS' } });
	});

	it('aborts on 401 and retries on 5xx', () => {
		expect(interpretSingleContact(response(401, { success: false, error: { message: 'Unauthorized', code: 'UNAUTHORIZED' } }), 'upserted').kind).toBe('abort');
		expect(interpretSingleContact(response(503, {}), 'upserted')).toMatchObject({ kind: 'retry', processed: true });
	});
});

describe('outcomesFor (bulk-add report → items)', () => {
	const base = { validation: { valid: [], invalid: [], suppressed: [] }, errors: [] };
	it('marks created contacts when the call only created', () => {
		const outcomes = outcomesFor(['a@x.co'], { ...base, added: 0, created: 1, contacts: [{ email: 'a@x.co', id: '1', createdAt: 't1', updatedAt: 't2' }] }, 'L');
		expect(outcomes).toEqual([{ status: 'added', id: '1', details: { listId: 'L', created: true } }]);
	});

	it('maps errors, suppressed and untouched emails', () => {
		const outcomes = outcomesFor(
			['e@x.co', 's@x.co', 'in@x.co'],
			{ ...base, added: 0, created: 0, alreadyInList: 1, errors: [{ email: 'e@x.co', error: 'boom' }], validation: { suppressed: [{ email: 'S@x.co' }] }, contacts: [] },
			'L',
		);
		expect(outcomes.map((o) => o.status)).toEqual(['failed', 'suppressed', 'already_in_list']);
		expect(outcomes[0].errorMessage).toBe('boom');
	});
});

describe('bulk-update counts and lookup attribution', () => {
	it('trusts only counts that add up to the contacts sent (seed page: success + failed = total)', () => {
		expect(countsProblem({ successCount: 100, failedCount: 0, totalCount: 100 }, 100)).toBeUndefined();
		expect(countsProblem({ successCount: 99, failedCount: 1 }, 100)).toBeUndefined();
		expect(countsProblem({ successCount: 0, failedCount: 0, totalCount: 0 }, 100)).toMatch(/do not add up: 0 succeeded \+ 0 failed, total 0, for 100/);
		expect(countsProblem({ successCount: 99, failedCount: 1, totalCount: 99 }, 100)).toBeDefined();
		expect(countsProblem({ successCount: 60, failedCount: 40, totalCount: 100 }, 99)).toBeDefined();
		expect(countsProblem({ successCount: 1.5, failedCount: -0.5, totalCount: 1 }, 1)).toBeDefined();
		expect(countsProblem(undefined, 3)).toMatch(/without the successCount/);
	});

	const sent = { email: 'a@x.io', firstName: 'Ann', customFields: { n: 3, d: '2024-03-01', s: 'x' } };

	it('compares only the fields sent, numbers and dates in either notation', () => {
		expect(differences(sent, { email: 'a@x.io', firstName: 'Ann', lastName: 'Other', customFields: { n: '3', d: '2024-03-01T00:00:00.000Z', s: 'x', extra: 1 } })).toEqual([]);
		expect(differences(sent, { email: 'a@x.io', firstName: 'Bob', customFields: { n: 3, d: '2024-03-01' } })).toEqual([
			'firstName is "Bob", sent "Ann"',
			'customFields.s is nothing, sent "x"',
		]);
	});

	const why = 'AutoSend counted 1 of 3 contacts as failed';
	const stored = { kind: 'stored' as const, id: 'i1' };
	const absent = { kind: 'absent' as const };
	const changed = { kind: 'different' as const, id: 'i2', differences: ['firstName is "B", sent "A"'] };

	it('attributes failures the counts account for, and leaves the rest unknown', () => {
		const exact = attribute([stored, absent, stored], { failed: 1, why });
		expect(exact.map((a) => a.outcome.status)).toEqual(['upserted', 'failed', 'upserted']);
		expect(exact[1]).toMatchObject({ failed: true, alreadyStored: false, outcome: { errorCode: 'NOT_STORED' } });

		const notApplied = attribute([changed, stored], { failed: 1, why });
		expect(notApplied[0]).toMatchObject({ failed: true, alreadyStored: true, outcome: { status: 'failed', errorCode: 'NOT_APPLIED', id: 'i2' } });

		// Two missing or different while AutoSend counted one failure: one of them succeeded, which is not known.
		const tooMany = attribute([absent, changed, stored], { failed: 1, why });
		expect(tooMany.map((a) => [a.outcome.status, a.outcome.errorCode])).toEqual([
			['failed', 'NOT_STORED'],
			['unknown', 'STORED_DIFFERENTLY'],
			['upserted', undefined],
		]);
		const lagging = attribute([absent, absent], { failed: 1, why });
		expect(lagging.map((a) => a.outcome.errorCode)).toEqual(['NOT_FOUND_YET', 'NOT_FOUND_YET']);
	});

	it('without counts to trust: not found means not stored, stored differently means unknown', () => {
		const result = attribute([absent, changed, stored], { why: "AutoSend's counts do not add up" });
		expect(result.map((a) => a.outcome.status)).toEqual(['failed', 'unknown', 'upserted']);
	});
});
