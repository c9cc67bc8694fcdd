import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { itemParameterReader, plainJsonField } from '../../nodes/shared/itemParameter';

/** A context whose parameter is `raw` and whose expression engine is counted. */
function context(raw: string) {
	let evaluated = 0;
	const ctx = {
		getNodeParameter: (_name: string, index: number, _fallback: unknown, options?: { rawExpressions?: boolean }) => {
			if (options?.rawExpressions) return raw;
			evaluated++;
			return `evaluated-${index}`;
		},
	} as unknown as IExecuteFunctions;
	return { ctx, evaluations: () => evaluated };
}

describe('itemParameterReader', () => {
	const items: INodeExecutionData[] = [{ json: { email: 'a@example.com', 'e-mail': 'b@example.com' } }, { json: {} }];

	it('reads {{ $json.email }} and {{ $json["e-mail"] }} straight from the item, without the expression engine', () => {
		for (const [raw, expected] of [
			['={{ $json.email }}', 'a@example.com'],
			['={{$json["e-mail"]}}', 'b@example.com'],
		] as const) {
			const { ctx, evaluations } = context(raw);
			const read = itemParameterReader(ctx, 'email');
			expect(read(items[0], 0)).toBe(expected);
			expect(read(items[1], 1)).toBeUndefined();
			expect(evaluations()).toBe(0);
		}
	});

	it('leaves every other value to n8n: fixed text, other expressions, inherited keys are not read', () => {
		for (const raw of ['someone@example.com', '={{ $json.email.trim() }}', '={{ $("Other").item.json.email }}']) {
			const { ctx, evaluations } = context(raw);
			expect(itemParameterReader(ctx, 'email')(items[0], 0)).toBe('evaluated-0');
			expect(evaluations()).toBe(1);
		}
		expect(itemParameterReader(context('={{ $json.toString }}').ctx, 'email')(items[0], 0)).toBeUndefined();
		expect(plainJsonField('={{ $json.constructor }}')).toBe('constructor');
	});
});
