/** The values of a multi-select, or of an expression giving an array or a comma-separated text: trimmed, de-duplicated. */
export function readSelection(value: unknown): string[] {
	const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return [...new Set(raw.map((id) => String(id).trim()).filter((id) => id !== ''))];
}
