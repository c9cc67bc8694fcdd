import { params, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

/** Volume runs: exact request counts for 10,000 contacts; durations are logged, never asserted. */
describe('Notifuse node: 10,000 contacts', () => {
	const bed = useTestbed(testbed);

	const typed = (i: number) => ({ last_name: `Last ${i}`, custom_number_1: i, custom_datetime_1: '2024-03-01T10:30:00Z', custom_json_1: { i } });

	it('imports 10,000 contacts in 20 requests of 500', async () => {
		const input = people(10_000, 'bulk', typed);
		const result = await bed.run(params('contact', 'import'), input);
		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toHaveLength(10_000);
		expect(statuses(result).every((status) => status === 'created')).toBe(true);
		const sent = bed.requests('/api/contacts.import');
		expect(sent).toHaveLength(20);
		expect(sent.every((entry) => entry.contacts === 500 && entry.status === 200)).toBe(true);
		console.log(`import 10,000: ${sent.length} requests, ${Math.round(result.durationMs)} ms`);
	}, 60_000);

	it('adds 10,000 contacts to a list in 1 list check + 20 import requests', async () => {
		const result = await bed.run(params('contactList', 'addContacts', { listIds: ['newsletter'] }), people(10_000, 'bulk'));
		expect(statuses(result).every((status) => status === 'added')).toBe(true);
		expect(bed.requests('/api/lists.list')).toHaveLength(1);
		expect(bed.requests('/api/contacts.import')).toHaveLength(20);
		console.log(`addContacts 10,000: ${bed.requests().length} requests, ${Math.round(result.durationMs)} ms`);
	}, 60_000);

	it('upserts 2,000 contacts one request each', async () => {
		const result = await bed.run(params('contact', 'upsert'), people(2_000, 'single', typed));
		expect(statuses(result).every((status) => status === 'created')).toBe(true);
		expect(bed.requests('/api/contacts.upsert')).toHaveLength(2_000);
		console.log(`upsert 2,000: ${bed.requests().length} requests, ${Math.round(result.durationMs)} ms`);
	}, 60_000);
});
