import { describeFaultMatrix } from '../../reliability/faultSuite';
import { itemsOf, targetNamed, useBed } from '../../reliability/targets';
import { targets } from './targets';

// The reliability fault matrix (test/reliability/faultCases.ts) over every operation of this node.
describeFaultMatrix(targets);

describe('SendGrid while waiting for an import job', () => {
	const target = targetNamed('SendGrid contact.upsert');
	const bed = useBed(target);

	it('a cancel during job polling ends the run promptly', async () => {
		// Every poll stalls for 10 s mid-answer: only the cancel can end the wait early.
		bed().faults.add({ kind: 'slow-body', count: 100, ms: 10_000, path: '/v3/marketing/contacts/imports', method: 'GET' });
		const result = await bed().run(itemsOf(target, 20), {}, { cancelAfterMs: 800 });
		expect(result.status).toBe('canceled');
		expect(result.durationMs).toBeLessThan(3_000);
		expect(bed().writes()).toHaveLength(1);
		expect(bed().log().some((entry) => entry.path.startsWith('/v3/marketing/contacts/imports/'))).toBe(true);
	});
});
