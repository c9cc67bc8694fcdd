import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const EMBEDDED = /\{\{([\s\S]+?)\}\}/g;

function evaluate(expression: string, credentials: ICredentialDataDecryptedObject): unknown {
	// Test-only stand-in for n8n's expression engine: credential expressions only read $credentials.
	const fn = new Function('$credentials', `return (${expression});`) as (c: unknown) => unknown;
	return fn(credentials);
}

/**
 * Resolves a credential-type value such as `=Bearer {{$credentials.apiKey}}`. A value that is a
 * single expression keeps the expression's own type (objects, numbers, undefined).
 */
export function resolveCredentialValue(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const template = value.slice(1);
	const whole = /^\{\{([\s\S]+)\}\}$/.exec(template.trim());
	if (whole && !whole[1].includes('}}')) return evaluate(whole[1], credentials);
	return template.replace(EMBEDDED, (_match, expression: string) => {
		const result = evaluate(expression, credentials);
		return result === undefined || result === null ? '' : String(result);
	});
}

export function resolveCredentialObject(
	object: Record<string, unknown> | undefined,
	credentials: ICredentialDataDecryptedObject,
): Record<string, unknown> {
	const resolved: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(object ?? {})) {
		const result = resolveCredentialValue(value, credentials);
		if (result !== undefined) resolved[key] = result;
	}
	return resolved;
}
