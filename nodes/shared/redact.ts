/** Shorter values would match ordinary text; real API keys are far longer. */
const MIN_SECRET_LENGTH = 8;

export function usableSecrets(values: unknown[]): string[] {
	return values.filter((v): v is string => typeof v === 'string' && v.trim().length >= MIN_SECRET_LENGTH).map((v) => v.trim());
}

function scrubText(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
	return out;
}

/**
 * Removes credential secrets from anything a provider sent back. Some providers and proxies echo the
 * request (headers included) in error bodies; those texts end up in output items and error messages,
 * which workflows store and forward.
 */
export function redactSecrets<T>(value: T, secrets: string[]): T {
	if (secrets.length === 0 || value === undefined || value === null) return value;
	if (typeof value === 'string') return scrubText(value, secrets) as T;
	if (typeof value !== 'object') return value;
	const text = JSON.stringify(value);
	if (!secrets.some((secret) => text.includes(secret))) return value;
	return JSON.parse(scrubText(text, secrets)) as T;
}
