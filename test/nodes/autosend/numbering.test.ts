import { contactParams, items, testbed } from './setup';
import { useTestbed } from '../kit';

/**
 * The fifth input item is "item 4" everywhere, as n8n counts (pairedItem, $itemIndex, its own
 * "[item 4]"): in the error-output message, in the Stop Workflow error and in mergedWithItems.
 */
const bed = useTestbed(testbed);

const input = () =>
	items([
		{ email: 'a@example.com' },
		{ email: 'same@example.com', firstName: 'First' },
		{ email: 'c@example.com' },
		{ email: 'd@example.com' },
		{ email: 'not-an-email' },
		{ email: 'SAME@example.com', firstName: 'Second' },
	]);

describe('AutoSend node: one item numbering', () => {
	it('the error output names the fifth item "Item 4" and pairs it to item 4', async () => {
		const result = await bed.run(contactParams('bulkUpdate'), input(), { onError: 'continueErrorOutput' });
		const [bad] = result.outputs[1];
		expect(String(bad.json.error)).toMatch(/^Item 4 \(not-an-email\): email\b/);
		expect(bad.pairedItem).toEqual({ item: 4 });
	});

	it('Stop Workflow names the same item "item 4"', async () => {
		const result = await bed.run(contactParams('bulkUpdate'), input(), { onError: 'stopWorkflow' });
		expect(result.error?.message).toMatch(/First: item 4 \(not-an-email\)/);
	});

	it('mergedWithItems counts the same way', async () => {
		const result = await bed.run(contactParams('bulkUpdate'), input(), { onError: 'continueRegularOutput' });
		const out = result.outputs[0];
		expect(out[1].json.mergedWithItems).toEqual([5]);
		expect(out[5].json.mergedWithItems).toEqual([1]);
		expect(out[5].pairedItem).toEqual({ item: 5 });
	});
});
