/**
 * How deep and how large one contact may be. Input items can carry anything an upstream node built
 * (a JSON column parsed into 6,000 nested levels, a huge array); serialising such a value overflows
 * the stack and used to fail the whole node, valid neighbours included. Checked without recursion.
 */
export const MAX_CONTACT_DEPTH = 64;
export const MAX_CONTACT_VALUES = 100_000;

export interface ShapeProblem {
	/** The top-level field (and its sub-field, for nested objects) holding the offending value. */
	field: string;
	message: string;
}

function childPath(parent: string | undefined, key: string, isIndex: boolean): string {
	if (parent === undefined) return key;
	return isIndex ? `${parent}[${key}]` : `${parent}.${key}`;
}

/** Undefined when `value` is within bounds; otherwise the field and what is wrong with it. */
export function checkContactShape(value: unknown): ShapeProblem | undefined {
	const stack: Array<{ value: unknown; depth: number; path: string | undefined }> = [{ value, depth: 0, path: undefined }];
	let values = 0;
	while (stack.length > 0) {
		const current = stack.pop()!;
		if (++values > MAX_CONTACT_VALUES) {
			return { field: current.path ?? 'contact', message: `makes the contact hold more than ${MAX_CONTACT_VALUES} values` };
		}
		if (current.value === null || typeof current.value !== 'object') continue;
		if (current.depth >= MAX_CONTACT_DEPTH) {
			return { field: current.path ?? 'contact', message: `is nested more than ${MAX_CONTACT_DEPTH} levels deep` };
		}
		const isArray = Array.isArray(current.value);
		// Paths name the field and its sub-field; deeper keys would only make the message longer.
		for (const [key, child] of Object.entries(current.value as object)) {
			const path = current.depth < 2 ? childPath(current.path, key, isArray) : current.path;
			stack.push({ value: child, depth: current.depth + 1, path });
		}
	}
	return undefined;
}
