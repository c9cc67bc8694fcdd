import { countBy, items, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

const bed = useTestbed(testbed);

const deleteParams = (options: Record<string, unknown> = {}) => ({
	resource: 'contact',
	operation: 'delete',
	email: '={{ $json.email }}',
	options: { requestsPerSecond: 0, ...options },
});

function storeEven(count: number, prefix = 'person') {
	for (let i = 0; i < count; i += 2) bed.emulator.store.upsertContact({ email: `${prefix}-${i}@example.com` });
}

describe('AutoSend contact → delete', () => {
	it('deletes 250 emails with 3 lookups and 3 removes; contacts without one report not_found', async () => {
		storeEven(250);
		const result = await bed.run(deleteParams(), people(250));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ deleted: 125, not_found: 125 });
		expect(bed.requests('/contacts/search/emails').map((r) => r.contacts)).toEqual([100, 100, 50]);
		// Only the emails that have a contact go to contacts/remove.
		expect(bed.requests('/contacts/remove').map((r) => r.contacts)).toEqual([50, 50, 25]);
		expect(bed.emulator.store.contactsByEmail.size).toBe(0);
		expect(result.outputs[0][0].json).toMatchObject({ status: 'deleted', email: 'person-0@example.com' });
		expect(typeof result.outputs[0][0].json.id).toBe('string');
	});

	it('needs 100 lookups and 100 removes for 10,000 contacts, and the contacts are gone', async () => {
		storeEven(10_000);
		const result = await bed.run(deleteParams({ concurrency: 4 }), people(10_000));
		expect(countBy(statuses(result))).toEqual({ deleted: 5000, not_found: 5000 });
		expect(bed.requests('/contacts/search/emails')).toHaveLength(100);
		expect(bed.requests('/contacts/remove')).toHaveLength(100);
		expect(bed.emulator.store.contactsByEmail.size).toBe(0);
	});

	it('skips the remove call when no email of a chunk has a contact', async () => {
		const result = await bed.run(deleteParams(), people(3));
		expect(statuses(result)).toEqual(['not_found', 'not_found', 'not_found']);
		expect(bed.requests('/contacts/remove')).toHaveLength(0);
	});

	it('reports invalid emails as invalid and sends nothing for them', async () => {
		storeEven(2);
		const result = await bed.run(deleteParams(), items([{ email: 'person-0@example.com' }, { email: 'bad@' }]), { onError: 'continueRegularOutput' });
		expect(statuses(result)).toEqual(['deleted', 'invalid']);
		expect(bed.requests('/contacts/remove').map((r) => r.contacts)).toEqual([1]);
	});

	it('fails only the chunk whose remove AutoSend answered 400', async () => {
		storeEven(250);
		bed.emulator.faults.add({ kind: 'status', status: 400, count: 1, path: '/v1/contacts/remove', body: { success: false, error: { message: 'Validation failed', code: 'VALIDATION_FAILED' } } });
		const result = await bed.run(deleteParams({ concurrency: 1 }), people(250), { onError: 'continueRegularOutput' });
		expect(countBy(statuses(result))).toEqual({ failed: 50, not_found: 125, deleted: 75 });
		expect(result.outputs[0][0].json).toMatchObject({ status: 'failed', errorCode: 'VALIDATION_FAILED' });
		expect(bed.emulator.store.contactsByEmail.size).toBe(50);
	});
});

describe('AutoSend contact → delete, when contacts/remove lists the removed ids', () => {
	const ids = useTestbed(async () => await testbed({ removeAnswer: 'ids' }));

	it('reports a contact missing from the list as unknown, not deleted', async () => {
		for (let i = 0; i < 4; i += 2) ids.emulator.store.upsertContact({ email: `person-${i}@example.com` });
		ids.emulator.faults.add({ kind: 'status', status: 200, count: 1, path: '/v1/contacts/remove', body: { success: true, data: { removedIds: [] } } });
		const result = await ids.run(deleteParams(), people(4));
		expect(statuses(result)).toEqual(['unknown', 'not_found', 'unknown', 'not_found']);
		expect(result.outputs[0][0].json.errorCode).toBe('NOT_IN_ANSWER');
		const second = await ids.run(deleteParams(), people(4));
		expect(statuses(second)).toEqual(['deleted', 'not_found', 'deleted', 'not_found']);
	});
});
