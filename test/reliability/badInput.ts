import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { intBetween, pick } from './random';
import type { Target } from './targets';

/**
 * What a generated item must end as:
 * - `ok`: sent and succeeded (valid after normalising, e.g. upper-case or padded emails);
 * - `bad`: `invalid` or `failed` with a message naming `field`;
 * - `either`: succeeds, or fails naming `field` (the provider decides, e.g. IDN domains).
 */
export type Expect = { kind: 'ok'; email: string } | { kind: 'bad'; field: string } | { kind: 'either'; field: string };

export interface Case {
	label: string;
	item: INodeExecutionData;
	expect: Expect;
}

const WEIRD_VALUES: Array<[string, unknown]> = [
	['null', null],
	['an array', ['a', 'b']],
	['a nested object', { nested: { deeper: 'x' } }],
	['an empty object', {}],
	['Infinity', Number.POSITIVE_INFINITY],
	['NaN', Number.NaN],
];

const BAD_EMAILS: Array<[string, unknown]> = [
	['blank', ''],
	['whitespace', '   '],
	['no at sign', 'not-an-email'],
	['no domain', 'someone@'],
	['no local part', '@example.com'],
	['two at signs', 'a@@example.com'],
	['space inside', 'first last@example.com'],
	['no dot in domain', 'someone@localhost'],
	['a number', 12345],
	['true', true],
	['over-long', `${'x'.repeat(300)}@example.com`],
	...WEIRD_VALUES,
];

/** One generated item; `n` keeps generated emails unique within a run. */
export function generateCase(target: Target, random: () => number, n: number): Case {
	const generated = generateAny(target, random, n);
	// Operations that read only the email ignore every other field, so those cannot make an item fail.
	if (!target.mapsFields && generated.expect.kind === 'bad' && generated.expect.field !== 'email') {
		return { ...generated, expect: { kind: 'either', field: generated.expect.field } };
	}
	return generated;
}

function generateAny(target: Target, random: () => number, n: number): Case {
	const base = target.contact(n, 'fuzz');
	const email = String(base.email);
	const { name, number, boolean, date, maxString } = target.fields;
	const kind = intBetween(random, 0, 13);
	switch (kind) {
		case 0:
			return { label: 'valid', item: { json: base }, expect: { kind: 'ok', email } };
		case 1:
			return { label: 'upper-case email', item: { json: { ...base, email: email.toUpperCase() } }, expect: { kind: 'ok', email } };
		case 2:
			return { label: 'padded email', item: { json: { ...base, email: `  ${email}\t` } }, expect: { kind: 'ok', email } };
		case 3: {
			const [label, value] = pick(random, BAD_EMAILS);
			return { label: `email ${label}`, item: { json: { ...base, email: value } as IDataObject }, expect: { kind: 'bad', field: 'email' } };
		}
		case 4: {
			const json = { ...base };
			delete json.email;
			return { label: 'missing email', item: { json }, expect: { kind: 'bad', field: 'email' } };
		}
		case 5: {
			const value = pick(random, [`ünïcødé-${n}@example.com`, `user-${n}@bücher.example`, `user-${n}@xn--bcher-kva.example`, `用户-${n}@例子.example`]);
			return { label: 'unicode or IDN email', item: { json: { ...base, email: value } }, expect: { kind: 'either', field: 'email' } };
		}
		case 6:
			return {
				label: `over-long ${name}`,
				item: { json: { ...base, [name]: 'y'.repeat(maxString + intBetween(random, 1, 500)) } },
				expect: { kind: 'bad', field: name },
			};
		case 7: {
			const [label, value] = pick(random, WEIRD_VALUES);
			return { label: `${name} is ${label}`, item: { json: { ...base, [name]: value } as IDataObject }, expect: { kind: 'either', field: name } };
		}
		case 8: {
			if (!number) return generateAny(target, random, n);
			const value = pick(random, ['many', '12abc', { n: 1 }, [1, 2], true]);
			return { label: `${number} is ${JSON.stringify(value)}`, item: { json: { ...base, [number]: value } as IDataObject }, expect: { kind: 'bad', field: number } };
		}
		case 9: {
			const field = boolean ?? date;
			if (!field) return generateAny(target, random, n);
			const value = field === boolean ? pick(random, ['maybe', 2, { b: true }]) : pick(random, ['not a date', '2024-13-45', { d: 1 }]);
			return { label: `${field} is ${JSON.stringify(value)}`, item: { json: { ...base, [field]: value } as IDataObject }, expect: { kind: 'bad', field } };
		}
		case 10: {
			// JSON.parse makes `__proto__` an own key, as a JSON body from a webhook or API would.
			const key = pick(random, ['__proto__', 'constructor', 'prototype']);
			const json = JSON.parse(`{"email":${JSON.stringify(email)},${JSON.stringify(key)}:{"polluted":"yes"}}`) as IDataObject;
			return { label: `${key} key`, item: { json }, expect: { kind: 'either', field: key } };
		}
		case 11:
			return { label: 'binary-only item', item: { json: {}, binary: { data: { data: 'aGk=', mimeType: 'text/plain', fileName: 'x.txt' } } }, expect: { kind: 'bad', field: 'email' } };
		case 12: {
			// json: null never reaches a node: n8n's engine fails on it in the node that produced it (normalizeNodeErrors).
			const json = pick(random, [['a@example.com'], 'a@example.com', 42]);
			return { label: `item json is ${JSON.stringify(json)}`, item: { json } as unknown as INodeExecutionData, expect: { kind: 'bad', field: 'email' } };
		}
		default:
			return { label: 'duplicate of a valid neighbour', item: { json: { ...target.contact(0, 'control') } }, expect: { kind: 'ok', email: 'control-0@example.com' } };
	}
}
