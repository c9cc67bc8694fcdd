import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { checkRun, pairedOutputs } from './invariants';
import { itemsOf, TARGETS, useBed } from './targets';

/** A value nested `levels` deep, built without recursion (as a parsed JSON column can be). */
function nested(levels: number): IDataObject {
	let value: IDataObject = { leaf: 'x' };
	for (let i = 0; i < levels; i++) value = { deeper: value };
	return value;
}

const DEEP = 6_000;

/**
 * Issue 17: one item holding a value nested ≈6,000 levels used to overflow the stack while the
 * request was planned, failing the whole node even under "Continue (using error output)".
 * Such an item is `invalid`, naming the field; its neighbours are sent.
 */
describe.each(TARGETS.filter((target) => target.mapsFields))('$name with a deeply nested value', (target) => {
	const bed = useBed(target);
	const fields = [target.fields.name, ...(target.name.startsWith('Notifuse') ? ['custom_json_1'] : [])];

	it.each(fields)('in %s: that item is invalid, its neighbours are sent', async (field) => {
		const items: INodeExecutionData[] = itemsOf(target, 3);
		items[1] = { json: { ...items[1].json, [field]: nested(DEEP) } };
		const result = await bed().run(items, {}, { onError: 'continueErrorOutput' });
		expect(result.status).toBe('success');
		expect(checkRun(result, 3, { idempotent: target.idempotent, writes: bed().writes() })).toEqual([]);
		const outputs = pairedOutputs(result);
		expect(outputs.filter((o) => o.output === 0).map((o) => o.index)).toEqual([0, 2]);
		const bad = outputs.find((o) => o.index === 1)!;
		expect(bad.output).toBe(1);
		expect(String(bad.item.json.error)).toMatch(new RegExp(`^Item 1 \\(person-1@example.com\\): ${field}\\b`));
		expect(bed().writes().length).toBeGreaterThan(0);
	});
});
