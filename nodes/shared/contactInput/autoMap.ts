import type { ContactInputReading, ContactItemReader } from './reader';

/**
 * "Map Automatically": input keys → the provider's field names, the way people name columns
 * (`firstName`, `first_name`, `First Name`, `FIRST_NAME`, `first-name`). The provider gives only its
 * field list; every key that is not sent is reported, so no value is dropped without a word.
 */

/** One provider field: the name the provider takes, and other names it is known by (labels, ids). */
export interface AutoMapField {
	name: string;
	aliases?: readonly string[];
}

export interface AutoMapping {
	/** Values by the provider's field name. */
	values: Record<string, unknown>;
	/** Input keys that were not sent, in input order. */
	ignored: string[];
}

/** Input with new keys on every item must not grow the cache without bound. */
const MAX_CACHED_PLANS = 1_000;

/** Which input key fills which field, and which keys are not sent, for one list of input keys. */
interface Plan {
	keys: readonly string[];
	pairs: Array<[field: string, key: string]>;
	ignored: string[];
}

export type AutoMapper = (json: Record<string, unknown>) => AutoMapping;

/** camelCase and ACRONYMWord split, letters and digits split, lower case, spaces/dashes/dots → one underscore. */
export function normaliseKey(key: string): string {
	return key
		.replace(/([a-z])([A-Z])/g, '$1_$2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
		.replace(/([A-Za-z])(\d)/g, '$1_$2')
		.toLowerCase()
		.replace(/[\s\-.]+/g, '_')
		.replace(/_+/g, '_')
		.replace(/^_|_$/g, '');
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/**
 * Builds the matcher once per run. A key that is a field's own name wins over one that is its alias
 * (a label, an id), and both over a key that only normalises to it, whatever the key order; among
 * equals the first key wins. The keys that lost are ignored.
 */
export function autoMapper(fields: readonly AutoMapField[]): AutoMapper {
	const names = new Map<string, string>();
	const aliases = new Map<string, string>();
	const loose = new Map<string, string>();
	for (const field of fields) {
		if (!names.has(field.name)) names.set(field.name, field.name);
		for (const alias of field.aliases ?? []) if (!aliases.has(alias)) aliases.set(alias, field.name);
		for (const spelling of [field.name, ...(field.aliases ?? [])]) {
			const normalised = normaliseKey(spelling);
			if (normalised !== '' && !loose.has(normalised)) loose.set(normalised, field.name);
		}
	}
	const looseMatch = (key: string): string | undefined => loose.get(normaliseKey(key));
	const tiers: Array<(key: string) => string | undefined> = [
		(key) => names.get(key),
		(key) => (names.has(key) ? undefined : aliases.get(key)),
		(key) => (names.has(key) || aliases.has(key) ? undefined : looseMatch(key)),
	];
	const planFor = (keys: string[]): Plan => {
		const winners = new Map<string, string>();
		for (const tier of tiers) {
			for (const key of keys) {
				const field = tier(key);
				if (field !== undefined && !winners.has(field)) winners.set(field, key);
			}
		}
		const sent = new Set(winners.values());
		return { keys, pairs: [...winners], ignored: keys.filter((key) => !sent.has(key)) };
	};
	// Items of one run nearly always share their keys: each distinct key list is matched once.
	const plans = new Map<string, Plan>();
	let last: Plan | undefined;
	const lookup = (keys: string[]): Plan => {
		const signature = keys.join('\u0000');
		const cached = plans.get(signature);
		// A key holding the separator could alias another key list: the cached plan must be for these keys.
		if (cached !== undefined && sameKeys(cached.keys, keys)) return cached;
		const plan = planFor(keys);
		if (plans.size < MAX_CACHED_PLANS && cached === undefined) plans.set(signature, plan);
		return plan;
	};
	return (json) => {
		const keys = Object.keys(json);
		const plan = last !== undefined && sameKeys(last.keys, keys) ? last : lookup(keys);
		last = plan;
		const values: Record<string, unknown> = {};
		for (const [field, key] of plan.pairs) values[field] = json[key];
		return { values, ignored: plan.ignored.slice() };
	};
}

/**
 * The auto-map reader: each item's keys matched to the provider's fields, the provider's rules applied
 * to the matched values, and the keys that were not sent reported on the item.
 */
export function autoMapReader<C>(reading: ContactInputReading<C>): ContactItemReader<C> {
	const map = autoMapper(reading.autoMapFields);
	return (item) => {
		const { values, ignored } = map(item.json);
		const prepared = reading.toContact({ mode: 'autoMapInputData', email: values.email, values, customRows: [] });
		prepared.ignoredFields = prepared.ignoredFields ? [...ignored, ...prepared.ignoredFields] : ignored;
		return prepared;
	};
}
