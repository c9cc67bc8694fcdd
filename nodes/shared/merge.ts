function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges two contacts that share a key: the later item wins per field, and nested objects
 * (custom fields) are merged one level deep so a later row does not wipe fields it does not carry.
 */
export function mergeContacts<C>(earlier: C, later: C): C {
	if (!isPlainObject(earlier) || !isPlainObject(later)) return later;
	const merged: Record<string, unknown> = { ...earlier };
	for (const [field, value] of Object.entries(later)) {
		if (value === undefined) continue;
		const previous = merged[field];
		merged[field] = isPlainObject(previous) && isPlainObject(value) ? { ...previous, ...value } : value;
	}
	return merged as C;
}
