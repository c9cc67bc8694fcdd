import type { INodeParameters } from 'n8n-workflow';

import type { BulkUpdateCounts } from '../../emulators/autosend';
import { checkRun, resendProblems } from '../../reliability/invariants';
import { emailsOf } from '../../reliability/sent';

import { contactParams, countBy, items, people, statuses, testbed, type AutoSendTestbed } from './setup';
import { useTestbed } from '../kit';

/**
 * bulk-update answers counts only (seeds/000_…txt: {successCount, failedCount, totalCount};
 * providers.md §1.3/§5). The node must not guess from counts that do not add up, and must find the
 * failing contacts without resending the ones that were stored (POST /v1/contacts/search/emails, A4).
 */
const bed = useTestbed(testbed);
beforeEach(async () => {
	bed.emulator.clearLog();
	bed.emulator.faults.configure({});
	bed.emulator.options.bulkUpdateCounts = 'accurate';
	bed.emulator.options.searchLagMs = 0;
	bed.emulator.options.storedDateFormat = 'asSent';
});

/** A mapping saved while the custom field "ghost" existed: AutoSend now rejects it, but only counts the failure. */
function ghostParams(extra: INodeParameters = {}): INodeParameters {
	return contactParams('bulkUpdate', {
		columns: {
			mappingMode: 'defineBelow',
			value: { email: '={{ $json.email }}', firstName: '={{ $json.firstName }}', ghost: '={{ $json.ghost }}' },
			schema: [
				{ id: 'email', type: 'string' },
				{ id: 'firstName', type: 'string' },
				{ id: 'ghost', type: 'string' },
			],
		},
		...extra,
	});
}

const bulkWrites = () => bed.requests('/contacts/bulk-update');
const lookups = () => bed.requests('/contacts/search/emails');
const singles = () => bed.requests('/contacts/email');
const jsonOf = (result: Awaited<ReturnType<AutoSendTestbed['run']>>) => result.outputs[0].map((item) => item.json);

describe('AutoSend bulkUpdate: counts that do not add up are checked, not trusted', () => {
	it('{0,0,0} for 100 contacts: a lookup finds them stored, so they are upserted (and say they were looked up)', async () => {
		bed.emulator.options.bulkUpdateCounts = 'zeros';
		const result = await bed.run(contactParams('bulkUpdate'), people(100, 'z'));
		expect(countBy(statuses(result))).toEqual({ upserted: 100 });
		expect(jsonOf(result)[42]).toMatchObject({ lookups: 1, request: 1, id: bed.emulator.store.findContact('z-42@example.com')?.id });
		expect(bulkWrites()).toHaveLength(1);
		expect(lookups().map((entry) => entry.contacts)).toEqual([100]);
	});

	it('{0,0,0} with nothing stored: every contact failed with a message saying the counts do not add up', async () => {
		bed.emulator.options.bulkUpdateCounts = 'zerosNothingStored';
		const result = await bed.run(contactParams('bulkUpdate', { options: { requestsPerSecond: 0, explainFailures: 0 } }), people(100, 'zn'), {
			onError: 'continueRegularOutput',
		});
		expect(countBy(statuses(result))).toEqual({ failed: 100 });
		const first = jsonOf(result)[0];
		expect(first).toMatchObject({ errorCode: 'NOT_STORED', lookups: 1 });
		expect(String(first.errorMessage)).toMatch(/counts do not add up: 0 succeeded \+ 0 failed, total 0, for 100 contacts sent/);
		expect(String(first.errorMessage)).toMatch(/does not find this contact/);
		expect(bulkWrites()).toHaveLength(1);
		expect(singles()).toHaveLength(0);
		const holds = (email: string) => bed.emulator.store.findContact(email) !== undefined;
		expect(checkRun(result, 100, { idempotent: true, writes: bulkWrites(), holds })).toEqual([]);
	});

	it.each([
		['totalProcessed', 'total 99'],
		['failedUncounted', '0 failed, total 100'],
	] as Array<[BulkUpdateCounts, string]>)('%s: the one contact not stored is found and explained, the others upserted', async (mode, counts) => {
		bed.emulator.options.bulkUpdateCounts = mode;
		const result = await bed.run(ghostParams(), people(100, mode, (i) => (i === 37 ? { ghost: 'boo' } : {})), { onError: 'continueRegularOutput' });
		expect(countBy(statuses(result))).toEqual({ upserted: 99, failed: 1 });
		const bad = jsonOf(result)[37];
		expect(bad).toMatchObject({ status: 'failed', errorCode: 'VALIDATION_FAILED', errorField: 'customFields.ghost', resentAlone: true });
		expect(String(bad.errorMessage)).toContain('Custom field "ghost" does not exist');
		expect(String(bad.errorMessage)).toContain(counts);
		expect(bulkWrites()).toHaveLength(1);
		expect(lookups()).toHaveLength(1);
		expect(singles()).toHaveLength(1);
	});
});

describe('AutoSend bulkUpdate: failures isolated without resending stored contacts', () => {
	it('worst case, one bad contact in each chunk of 100 of 1,000: 10 bulk + 10 lookups + 10 single requests, nothing resent', async () => {
		const input = people(1000, 'w', (i) => (i % 100 === 37 ? { ghost: 'boo' } : {}));
		const result = await bed.run(ghostParams(), input, { onError: 'continueRegularOutput' });
		expect(countBy(statuses(result))).toEqual({ upserted: 990, failed: 10 });
		for (let chunk = 0; chunk < 10; chunk++) {
			expect(jsonOf(result)[chunk * 100 + 37]).toMatchObject({ errorCode: 'VALIDATION_FAILED', resentAlone: true, request: chunk + 1 });
		}
		expect(bulkWrites().map((entry) => entry.contacts)).toEqual(Array(10).fill(100));
		expect(lookups()).toHaveLength(10);
		expect(singles()).toHaveLength(10);
		expect(resendProblems({ idempotent: true, writes: bulkWrites() })).toEqual([]);
		// Only the ten bad contacts went out a second time, each once, alone.
		expect(singles().flatMap(emailsOf).sort()).toEqual(Array.from({ length: 10 }, (_, c) => `w-${c * 100 + 37}@example.com`).sort());
	});

	it('Trigger AutoSend Automations on: every stored contact starts its automations once; an update AutoSend refused is not resent', async () => {
		// An existing contact whose update is refused keeps its old values: "stored but not as sent".
		await bed.run(contactParams('bulkUpdate'), items([{ email: 'old@example.com', firstName: 'Old' }]));
		bed.emulator.clearLog();
		const input = [...people(150, 'rw'), ...items([{ email: 'old@example.com', firstName: 'New', ghost: 'boo' }]), ...people(3, 'rw-new', () => ({ ghost: 'x' }))];
		const result = await bed.run(ghostParams({ runWorkflow: true }), input, { onError: 'continueRegularOutput' });
		const out = jsonOf(result);
		expect(countBy(statuses(result))).toEqual({ upserted: 150, failed: 4 });
		expect(out[150]).toMatchObject({ status: 'failed', errorCode: 'NOT_APPLIED' });
		expect(String(out[150].errorMessage)).toMatch(/firstName/);
		expect(String(out[150].errorMessage)).toMatch(/Trigger AutoSend Automations is on/);
		expect(out[151]).toMatchObject({ errorCode: 'VALIDATION_FAILED', resentAlone: true });
		// New contacts the lookup did not find were never stored, so asking about them cannot restart automations.
		expect(singles().flatMap(emailsOf).sort()).toEqual(['rw-new-0@example.com', 'rw-new-1@example.com', 'rw-new-2@example.com']);
		const started = new Map<string, number>();
		for (const o of bed.emulator.store.bulkOutcomes) {
			if (o.runWorkflow && o.outcome !== 'failed' && o.email) started.set(o.email, (started.get(o.email) ?? 0) + 1);
		}
		expect(started.size).toBe(150);
		expect([...started.values()].every((n) => n === 1)).toBe(true);
		expect(bulkWrites()).toHaveLength(2);
	});

	it('Trigger AutoSend Automations off: the refused update is asked about alone and its reason reported', async () => {
		await bed.run(contactParams('bulkUpdate'), items([{ email: 'old@example.com', firstName: 'Old' }]));
		bed.emulator.clearLog();
		const result = await bed.run(ghostParams(), [...people(20, 'off'), ...items([{ email: 'old@example.com', firstName: 'New', ghost: 'boo' }])], {
			onError: 'continueRegularOutput',
		});
		expect(countBy(statuses(result))).toEqual({ upserted: 20, failed: 1 });
		expect(jsonOf(result)[20]).toMatchObject({ errorCode: 'VALIDATION_FAILED', resentAlone: true, errorField: 'customFields.ghost' });
		expect(singles()).toHaveLength(1);
		expect(bulkWrites()).toHaveLength(1);
		expect(lookups()).toHaveLength(1);
	});

	it('a chunk AutoSend counts as wholly failed is not looked up; each contact is asked about until the budget is spent', async () => {
		const result = await bed.run(
			ghostParams({ options: { requestsPerSecond: 0, batchSize: 10, explainFailures: 3 } }),
			people(10, 'all', () => ({ ghost: 'boo' })),
			{ onError: 'continueRegularOutput' },
		);
		expect(countBy(statuses(result))).toEqual({ failed: 10 });
		expect(lookups()).toHaveLength(0);
		expect(singles()).toHaveLength(3);
		const out = jsonOf(result);
		expect(out.filter((json) => json.resentAlone === true)).toHaveLength(3);
		expect(String(out[9].errorMessage)).toMatch(/counted all 10 contacts of this request as failed/);
		expect(String(out[9].errorMessage)).toMatch(/at most 3 contacts per run/);
	});

	it('when the lookup itself fails with Trigger AutoSend Automations on: the chunk is unknown, never failed or upserted, and not resent', async () => {
		bed.emulator.faults.configure({ rules: [{ kind: 'status', status: 503, count: 100, path: '/v1/contacts/search/emails' }] });
		const result = await bed.run(ghostParams({ runWorkflow: true, options: { requestsPerSecond: 0, maxRetries: 1 } }), people(120, 'lf', (i) => (i === 5 ? { ghost: 'boo' } : {})), {
			onError: 'continueRegularOutput',
		});
		expect(countBy(statuses(result))).toEqual({ unknown: 100, upserted: 20 });
		expect(jsonOf(result)[0]).toMatchObject({ errorCode: 'LOOKUP_FAILED', lookups: 1 });
		expect(String(jsonOf(result)[0].errorMessage)).toMatch(/counted 1 of 100 contacts as failed.*look.*failed/i);
		expect(bulkWrites()).toHaveLength(2);
		expect(lookups()).toHaveLength(2);
		expect(singles()).toHaveLength(0);
	});

	it('when the lookup fails with Trigger AutoSend Automations off: the chunk is halved until the failure is alone (nothing confirmed is resent)', async () => {
		bed.emulator.faults.configure({ rules: [{ kind: 'status', status: 503, count: 1000, path: '/v1/contacts/search/emails' }] });
		const result = await bed.run(ghostParams({ options: { requestsPerSecond: 0, maxRetries: 0 } }), people(100, 'lfs', (i) => (i === 5 ? { ghost: 'boo' } : {})), {
			onError: 'continueRegularOutput',
		});
		expect(countBy(statuses(result))).toEqual({ upserted: 99, failed: 1 });
		expect(jsonOf(result)[5]).toMatchObject({ errorCode: 'VALIDATION_FAILED', resentAlone: true });
		// 100 → 50 → 25 → 13 → 7 → 4 → 2 → 1: both halves of each failing level, one lookup per level.
		expect(bulkWrites()).toHaveLength(15);
		expect(lookups()).toHaveLength(7);
		expect(singles()).toHaveLength(1);
	});

	it('a lookup that does not see new contacts yet, Trigger AutoSend Automations on: more missing than counted failed, so none is called failed', async () => {
		bed.emulator.options.searchLagMs = 60_000;
		const result = await bed.run(ghostParams({ runWorkflow: true }), people(20, 'lag', (i) => (i === 3 ? { ghost: 'boo' } : {})), { onError: 'continueRegularOutput' });
		expect(countBy(statuses(result))).toEqual({ unknown: 20 });
		expect(jsonOf(result)[0]).toMatchObject({ errorCode: 'NOT_FOUND_YET', lookups: 1 });
		expect(String(jsonOf(result)[0].errorMessage)).toMatch(/counted 1 of 20 contacts as failed.*20 contacts of this request are not found/);
		expect(singles()).toHaveLength(0);
		expect(bulkWrites()).toHaveLength(1);
	});

	it('the same lag with Trigger AutoSend Automations off: halving settles every contact', async () => {
		bed.emulator.options.searchLagMs = 60_000;
		const result = await bed.run(ghostParams(), people(20, 'lag2', (i) => (i === 3 ? { ghost: 'boo' } : {})), { onError: 'continueRegularOutput' });
		expect(countBy(statuses(result))).toEqual({ upserted: 19, failed: 1 });
		expect(jsonOf(result)[3]).toMatchObject({ errorCode: 'VALIDATION_FAILED', resentAlone: true });
	});

	it('dates AutoSend answers as full timestamps still count as stored as sent', async () => {
		bed.emulator.options.storedDateFormat = 'isoTimestamp';
		const params = contactParams('bulkUpdate', {
			columns: {
				mappingMode: 'defineBelow',
				value: { email: '={{ $json.email }}', trialEndsAt: '={{ $json.trialEndsAt }}', ghost: '={{ $json.ghost }}' },
				schema: [
					{ id: 'email', type: 'string' },
					// 'string', not 'dateTime': with dateTime n8n hands the node a date object (see the report).
					{ id: 'trialEndsAt', type: 'string' },
					{ id: 'ghost', type: 'string' },
				],
			},
		});
		const result = await bed.run(params, people(10, 'dt', (i) => ({ trialEndsAt: '2024-03-01', ...(i === 9 ? { ghost: 'boo' } : {}) })), {
			onError: 'continueRegularOutput',
		});
		expect(countBy(statuses(result))).toEqual({ upserted: 9, failed: 1 });
		expect(bed.emulator.store.findContact('dt-0@example.com')?.customFields.trialEndsAt).toBe('2024-03-01T00:00:00.000Z');
	});
});
