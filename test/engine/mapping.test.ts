import type { IExecuteFunctions } from 'n8n-workflow';

import { itemPath, mappingReader } from '../../nodes/shared/contactInput/mapping';

describe('Map Columns item paths', () => {
	it.each([
		['={{ $json.email }}', ['email']],
		['={{$json.a.b}}', ['a', 'b']],
		['={{ $json["a b"] }}', ['a b']],
		["={{ $json['x'] }}", ['x']],
		['={{ $json.list[0].name }}', ['list', '0', 'name']],
		['={{ $json.$x_1 }}', ['$x_1']],
	])('%s is the item path %j', (raw, keys) => expect(itemPath(raw)).toEqual(keys));

	it.each([
		'={{ $json.x }} ',
		' ={{ $json.x }}',
		'={{ $json.first.trim() }}',
		'={{ $json.n + 1 }}',
		'=Hi {{ $json.name }}',
		'={{ $json.a }} {{ $json.b }}',
		'={{ $json["a\\"b"] }}',
		'={{ $json.__proto__ }}',
		'={{ $json.constructor }}',
		'={{ $json }}',
		'={{ $input.item.json.x }}',
		'{{ $json.x }}',
		'plain text',
	])('%s is left to n8n (or is a constant)', (raw) => expect(itemPath(raw)).toBeUndefined());
});

/** A context whose raw `columns` parameter is `columns` and whose expressions are answered by `evaluate`. */
function ctxWith(columns: unknown, evaluate: (expression: string, i: number) => unknown): IExecuteFunctions {
	return { getNodeParameter: () => columns, evaluateExpression: evaluate } as unknown as IExecuteFunctions;
}

describe('Map Columns reader', () => {
	const schema = [
		{ id: 'n', type: 'number' },
		{ id: 'b', type: 'boolean' },
		{ id: 'd', type: 'dateTime' },
		{ id: 's', type: 'string' },
	];

	it('reads plain paths from the item, converts as n8n does, and hands unconvertible cells on as they are', () => {
		const evaluated: string[] = [];
		const read = mappingReader(
			ctxWith({ value: { n: '={{ $json.n }}', b: '={{ $json.b }}', d: '={{ $json.d }}', s: '={{ $json.s.x }}', c: 'constant' }, schema }, (expression) => {
				evaluated.push(expression);
				return 'via n8n';
			}),
			'columns',
		);
		expect(read({ json: { n: '5', b: '1', d: '2024-03-01', s: { x: null } } }, 0)).toEqual({ values: { n: 5, b: true, d: '2024-03-01', s: undefined, c: 'constant' } });
		expect(read({ json: { n: 'abc', b: 'maybe', d: 'soon' } }, 1)).toEqual({ values: { n: 'abc', b: 'maybe', d: 'soon', s: 'via n8n', c: 'constant' } });
		// An empty cell stays empty (n8n would send 0); a missing parent is n8n's to answer.
		expect(read({ json: { n: '  ' } }, 2).values.n).toBe('  ');
		expect(evaluated).toEqual(['{{ $json.s.x }}', '{{ $json.s.x }}']);
	});

	it('an expression n8n cannot evaluate fails its item naming the column; the other columns are still read', () => {
		const read = mappingReader(
			ctxWith({ value: { email: '={{ $json.email }}', n: '={{ $json.n.toFixed() }}' }, schema }, () => {
				throw new Error('toFixed is not a function');
			}),
			'columns',
		);
		expect(read({ json: { email: 'a@b.c', n: 'x' } }, 0)).toEqual({ field: 'n', problem: 'could not be evaluated: toFixed is not a function', values: { email: 'a@b.c' } });
	});
});
