import type { ImportAnswerShape } from '../../emulators/notifuse';

import { checkRun } from '../../reliability/invariants';

import { DEFAULTS, params, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

/**
 * 200 answers to contacts.import beyond `{"operations":[...]}`. Notifuse's own handler
 * (internal/http/contact_handler.go) answers 500 whenever `result.Error` is set, but the OpenAPI spec
 * (openapi/components/schemas/contact.yaml BatchImportContactsResponse, UpsertContactOperation) lets a
 * 200 carry a top-level `error` ("Global error message if the entire operation failed"), a null
 * `operations` (domain/contact.go: a Go nil slice without omitempty) and `"error": null` per operation.
 */
describe('Notifuse node: every 200 answer to contacts.import read for what it says', () => {
	const bed = useTestbed(testbed);
	beforeEach(async () => {
		bed.emulator.clearLog();
		bed.emulator.faults.configure({});
		bed.emulator.options.importAnswer = 'source';
		bed.emulator.options.importGlobalError = 'Failed to import contacts';
	});

	const run = async (shape: ImportAnswerShape, operation: 'import' | 'addContacts' = 'import', count = 4) => {
		bed.emulator.options.importAnswer = shape;
		const extra = operation === 'addContacts' ? { listIds: [DEFAULTS.lists.newsletter.id] } : {};
		const resource = operation === 'addContacts' ? 'contactList' : 'contact';
		return await bed.run(params(resource, operation, { ...extra, options: { maxRetries: 5 } }), people(count, `shape-${shape}`), {
			onError: 'continueRegularOutput',
		});
	};
	const jsonOf = (result: Awaited<ReturnType<typeof run>>) => result.outputs[0].map((item) => item.json);

	it('operations plus a top-level error: no contact reported created, each carries the provider message, no resend', async () => {
		const result = await run('errorAfterStoring');
		const out = jsonOf(result);
		expect(statuses(result)).toEqual(Array(4).fill('unknown'));
		for (const json of out) {
			expect(json.errorCode).toBe('IMPORT_ERROR');
			expect(String(json.errorMessage)).toContain('Failed to import contacts');
			expect(String(json.errorMessage)).toMatch(/reported "create" for this contact/);
		}
		expect(bed.requests('/api/contacts.import')).toHaveLength(1);
	});

	it('the same answer when nothing was stored: still no success (the node cannot tell the readings apart)', async () => {
		const result = await run('errorNothingStored', 'addContacts');
		expect(statuses(result)).toEqual(Array(4).fill('unknown'));
		expect(String(jsonOf(result)[0].errorMessage)).toContain('Failed to import contacts');
		const contacts = bed.emulator.store.workspaces.get(DEFAULTS.workspace.id)?.contacts;
		expect(contacts?.has('shape-errorNothingStored-0@example.com'.toLowerCase())).toBe(false);
		expect(bed.requests('/api/contacts.import')).toHaveLength(1);
		expect(checkRun(result, 4, { idempotent: true, writes: bed.requests('/api/contacts.import'), holds: (email) => contacts?.has(email) === true })).toEqual([]);
	});

	it('only {"error": ...} with 200: every contact failed with the provider message, sent once, never "not valid JSON"', async () => {
		const result = await run('errorOnly');
		const out = jsonOf(result);
		expect(statuses(result)).toEqual(Array(4).fill('failed'));
		for (const json of out) {
			expect(json).toMatchObject({ errorCode: 'IMPORT_FAILED' });
			expect(String(json.errorMessage)).toContain('Failed to import contacts');
			expect(String(json.errorMessage)).not.toMatch(/not valid JSON/);
		}
		expect(bed.requests('/api/contacts.import')).toHaveLength(1);
	});

	it('operations: null with an error: failed with the provider message, sent once', async () => {
		const result = await run('nullOperationsWithError');
		expect(statuses(result)).toEqual(Array(4).fill('failed'));
		expect(String(jsonOf(result)[2].errorMessage)).toContain('Failed to import contacts');
		expect(bed.requests('/api/contacts.import')).toHaveLength(1);
	});

	it('operations: null and no error: unknown, saying the answer named no contact, sent once', async () => {
		const result = await run('nullOperations');
		const out = jsonOf(result);
		expect(statuses(result)).toEqual(Array(4).fill('unknown'));
		expect(String(out[0].errorMessage)).toMatch(/operations: null/);
		expect(String(out[0].errorMessage)).not.toMatch(/not valid JSON/);
		expect(bed.requests('/api/contacts.import')).toHaveLength(1);
	});

	it('accepts "error": null on operations (allowed by the spec)', async () => {
		const result = await run('nullOperationErrors');
		expect(result.error).toBeUndefined();
		expect(statuses(result)).toEqual(Array(4).fill('created'));
		expect(bed.requests('/api/contacts.import')).toHaveLength(1);
	});

	it('a top-level workspace error on a 200 stops the run like the 500 Notifuse sends for it', async () => {
		bed.emulator.options.importGlobalError = 'failed to authenticate user: workspace not found: ws_gone';
		bed.emulator.options.importAnswer = 'errorOnly';
		const result = await bed.run(params('contact', 'import', { options: { batchSize: 2, concurrency: 1 } }), people(6, 'gone'), {
			onError: 'continueRegularOutput',
		});
		// The contacts of the one request sent carry the provider's answer; the rest were never sent and say so (engine breaker).
		expect(jsonOf(result).map((json) => json.errorCode)).toEqual([...Array(2).fill('WORKSPACE_ACCESS'), ...Array(4).fill('NOT_SENT')]);
		expect(jsonOf(result)[0].errorMessage).toBe('failed to authenticate user: workspace not found: ws_gone');
		expect(jsonOf(result)[5].errorMessage).toMatch(/^Not sent: .*failed to authenticate user: workspace not found: ws_gone/);
		expect(bed.requests('/api/contacts.import')).toHaveLength(1);
	});

	it('a JSON answer of an unexpected shape is reported as such, never as "not valid JSON"', async () => {
		bed.emulator.faults.configure({ rules: [{ kind: 'status', status: 200, count: 10, path: '/api/contacts.import', body: { operations: 'accepted' } }] });
		const result = await bed.run(params('contact', 'import'), people(2, 'odd'), { onError: 'continueRegularOutput' });
		const out = jsonOf(result);
		expect(statuses(result)).toEqual(['unknown', 'unknown']);
		expect(String(out[0].errorMessage)).toMatch(/JSON this node does not recognise/);
		expect(String(out[0].errorMessage)).toContain('{"operations":"accepted"}');
		expect(bed.requests('/api/contacts.import')).toHaveLength(1);
	});
});
