import { byEmailParams, storeEven } from './byEmail';
import { countBy, items, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

const bed = useTestbed(testbed);

describe('Notifuse contact → delete', () => {
	it('deletes 250 emails with 250 contacts.delete calls; a missing contact is not_found', async () => {
		const workspace = storeEven(bed, 250);
		const result = await bed.run(byEmailParams('delete'), people(250));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ deleted: 125, not_found: 125 });
		expect(bed.requests('/api/contacts.delete')).toHaveLength(250);
		expect(workspace.contacts.size).toBe(0);
		expect(workspace.memberships.size).toBe(0);
		const again = await bed.run(byEmailParams('get'), people(2));
		expect(statuses(again)).toEqual(['not_found', 'not_found']);
	});

	it('needs exactly 10,000 calls for 10,000 emails', async () => {
		const workspace = storeEven(bed, 10_000);
		const result = await bed.run(byEmailParams('delete', { concurrency: 16 }), people(10_000));
		expect(countBy(statuses(result))).toEqual({ deleted: 5000, not_found: 5000 });
		expect(bed.requests('/api/contacts.delete')).toHaveLength(10_000);
		expect(workspace.contacts.size).toBe(0);
		console.log(`delete 10,000: ${bed.requests().length} requests, ${Math.round(result.durationMs)} ms`);
	}, 600_000);

	it('reports invalid emails as invalid without a call', async () => {
		storeEven(bed, 2);
		const result = await bed.run(byEmailParams('delete'), items([{ email: 'person-0@example.com' }, { email: 'nope' }]), { onError: 'continueRegularOutput' });
		expect(statuses(result)).toEqual(['deleted', 'invalid']);
		expect(bed.requests('/api/contacts.delete')).toHaveLength(1);
	});

	it('fails only the item Notifuse answered 400; under Stop Workflow the node error names it', async () => {
		storeEven(bed, 4);
		bed.emulator.faults.add({ kind: 'status', status: 400, count: 1, path: '/api/contacts.delete', body: { error: 'invalid email format' } });
		const result = await bed.run(byEmailParams('delete', { concurrency: 1 }), people(4));
		expect(result.status).toBe('error');
		expect(String(result.error?.message)).toContain('1 of 4 contacts failed. First: item 0 (person-0@example.com): invalid email format');
	});
});
