import { interpretImport, operationsByContact } from '../../../nodes/Notifuse/actions/importAnswer';
import { buildContact, mergeNotifuseContacts } from '../../../nodes/Notifuse/contact';
import type { NotifuseContact } from '../../../nodes/Notifuse/contact';
import { readSelection } from '../../../nodes/shared/selection';
import type { HttpResponse, OutgoingChunk } from '../../../nodes/shared/types';

function chunkOf(emails: string[]): OutgoingChunk<NotifuseContact> {
	const contacts = emails.map((email) => ({ email }));
	const serialized = contacts.map((c) => JSON.stringify(c));
	const body = `{"workspace_id":"ws","contacts":[${serialized.join(',')}]}`;
	return { request: 1, contacts, serialized, body, bytes: body.length };
}

const ok = (body: unknown): HttpResponse => ({ status: 200, headers: {}, body, malformed: false });
const created = () => ({ status: 'created' as const });

describe('Notifuse contact building', () => {
	const upsertRules = { clearEmpty: true, clearFields: [] };
	const importRules = { clearEmpty: false, clearFields: [] };

	it('normalises the email and keeps only Notifuse fields', () => {
		const built = buildContact('  Ann@Example.COM\u00a0', { first_name: ' Ann ', unknown: 1, email: 'ignored' }, importRules);
		expect(built).toEqual({ ok: true, key: 'ann@example.com', email: 'ann@example.com', contact: { email: 'ann@example.com', first_name: 'Ann' } });
	});

	it('sends null only where it clears (upsert with Empty Values = Clear Stored Value) and adds the fields to clear', () => {
		const values = { last_name: null, phone: '' };
		expect(buildContact('a@b.co', values, upsertRules)).toMatchObject({ contact: { email: 'a@b.co', last_name: null, phone: null } });
		expect(buildContact('a@b.co', values, importRules)).toMatchObject({ contact: { email: 'a@b.co' } });
		expect(buildContact('a@b.co', {}, { clearEmpty: true, clearFields: ['country'] })).toMatchObject({ contact: { country: null } });
	});

	it.each([
		['custom_number_1', 'abc', 'must be a number, got "abc"'],
		['custom_number_1', { n: 1 }, 'must be a number, got an object {"n":1}'],
		['custom_datetime_1', '2024-01-32', 'must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got "2024-01-32"'],
		['custom_datetime_1', '01/01/2024 10:00', 'must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got "01/01/2024 10:00"'],
		['custom_json_1', 'text', 'must be a JSON object or array, got text that is not JSON: "text"'],
		['custom_json_1', true, 'must be a JSON object or array, got a boolean (true)'],
		['phone', '1'.repeat(51), 'is longer than 50 characters'],
		['country', 'x'.repeat(101), 'is longer than 100 characters'],
		['custom_string_5', 'é'.repeat(256), 'is longer than 255 characters'],
		['first_name', { a: 1 }, 'must be text, got an object {"a":1}'],
	])('rejects %s = %j', (field, value, message) => {
		expect(buildContact('a@b.co', { [field]: value }, importRules)).toEqual({ ok: false, email: 'a@b.co', field, message });
	});

	it('accepts typed values Notifuse stores', () => {
		const date = new Date('2024-05-06T07:08:09Z');
		const built = buildContact(
			'a@b.co',
			{ custom_number_2: '42.5', custom_datetime_2: date, custom_json_2: [1, 2], custom_string_1: 12, postcode: '1'.repeat(20) },
			importRules,
		);
		expect(built).toMatchObject({
			ok: true,
			contact: { custom_number_2: 42.5, custom_datetime_2: '2024-05-06T07:08:09Z', custom_json_2: [1, 2], custom_string_1: '12' },
		});
	});

	it('merges duplicates later-wins, replacing JSON slots and keeping nulls that clear', () => {
		const merged = mergeNotifuseContacts(
			{ email: 'a@b.co', custom_json_1: { a: 1 }, first_name: 'A', phone: '1' },
			{ email: 'a@b.co', custom_json_1: { b: 2 }, phone: null },
		);
		expect(merged).toEqual({ email: 'a@b.co', custom_json_1: { b: 2 }, first_name: 'A', phone: null });
	});

	it('rejects missing and malformed emails with a field name', () => {
		expect(buildContact(undefined, {}, importRules)).toEqual({ ok: false, field: 'email', message: 'is missing' });
		expect(buildContact('nope', {}, importRules)).toMatchObject({ ok: false, field: 'email' });
	});
});

describe('Notifuse import answers', () => {
	it('maps operations by email and parse errors by index within the chunk', () => {
		const chunk = chunkOf(['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io']);
		const paired = operationsByContact(chunk, [
			{ email: '', action: 'error', error: 'invalid contact at index 2: email is required' },
			{ email: 'B@x.io', action: 'update' },
			{ email: 'a@x.io', action: 'create' },
		]);
		expect(paired.map((op) => op?.action)).toEqual(['create', 'update', 'error', undefined]);
	});

	it('turns operations into outcomes, missing ones into NO_RESULT', () => {
		const verdict = interpretImport(
			chunkOf(['a@x.io', 'b@x.io', 'c@x.io']),
			ok({ operations: [{ email: 'a@x.io', action: 'create' }, { email: '', action: 'error', error: 'invalid contact at index 1: email is required' }] }),
			created,
		);
		expect(verdict).toEqual({
			kind: 'outcomes',
			outcomes: [
				{ status: 'created' },
				{ status: 'failed', errorCode: 'CONTACT_REJECTED', errorMessage: 'invalid contact at index 1: email is required' },
				{ status: 'failed', errorCode: 'NO_RESULT', errorMessage: 'Notifuse returned no result for this contact' },
			],
		});
	});

	it('splits the chunk when Notifuse rejects its SQL batch without naming the culprit', () => {
		const error = 'failed to upsert contact at index 0: failed to execute bulk upsert: value too long for type character varying(50)';
		const verdict = interpretImport(chunkOf(['a@x.io', 'b@x.io']), ok({ operations: [
			{ email: 'a@x.io', action: 'error', error },
			{ email: 'b@x.io', action: 'error', error },
		] }), created);
		expect(verdict).toMatchObject({ kind: 'split', processed: true });
	});

	it('aborts on workspace problems, retries 5xx, resends only text that is not JSON', () => {
		const chunk = chunkOf(['a@x.io']);
		const answer = (status: number, error: string): HttpResponse => ({ status, headers: {}, body: { error }, malformed: false });
		expect(interpretImport(chunk, answer(500, 'failed to authenticate user: workspace not found: ws'), created)).toMatchObject({
			kind: 'abort',
			outcome: { errorCode: 'WORKSPACE_ACCESS' },
		});
		expect(interpretImport(chunk, answer(500, 'database is down'), created)).toMatchObject({ kind: 'retry', processed: true });
		expect(interpretImport(chunk, answer(400, 'contacts array is empty'), created)).toMatchObject({
			kind: 'all',
			outcome: { status: 'failed', errorMessage: 'contacts array is empty' },
		});
		expect(interpretImport(chunk, ok({ nope: true }), created)).toMatchObject({ kind: 'all', outcome: { status: 'unknown' } });
		expect(interpretImport(chunk, ok({ operations: 'yes' }), created)).toMatchObject({
			kind: 'all',
			outcome: { status: 'unknown', errorMessage: expect.stringContaining('JSON this node does not recognise') },
		});
		const text = (body: string): HttpResponse => ({ status: 200, headers: {}, body, malformed: true });
		expect(interpretImport(chunk, text('"queued"'), created)).toMatchObject({ kind: 'all', outcome: { status: 'unknown' } });
		// A page on a 200 is not Notifuse's API (a proxy or a sign-in page): resending cannot change it.
		expect(interpretImport(chunk, text('<html>502</html>'), created)).toMatchObject({ kind: 'all', outcome: { status: 'failed', errorCode: 'NOT_PROVIDER_API' } });
		const damaged: HttpResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"operations": [tru', malformed: true };
		expect(interpretImport(chunk, damaged, created)).toMatchObject({ kind: 'retry' });
	});

	it('reads list ids from arrays and comma-separated text', () => {
		expect(readSelection(['a', ' b ', 'a', ''])).toEqual(['a', 'b']);
		expect(readSelection('x, y,,x')).toEqual(['x', 'y']);
		expect(readSelection(undefined)).toEqual([]);
	});
});
