/**
 * Email normalisation shared by every provider: all three lower-case addresses, and trimming
 * (including Unicode spaces such as NBSP that spreadsheets leave behind) never changes meaning.
 */
const UNICODE_SPACE = /^[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+$/g;

export function normaliseEmail(value: string): string {
	return value.replace(UNICODE_SPACE, '').toLowerCase();
}

// Characters RFC 5321 does not allow unquoted; quoted local parts are not accepted by the providers.
const FORBIDDEN = /[\s"(),:;<>[\]\\]/;
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;
const TLD = /^(?:[\p{L}]{2,63}|xn--[a-z0-9-]{1,59})$/u;

/** Why an already-normalised address is unusable, or undefined when it is fine. */
export function emailProblem(email: string): string | undefined {
	if (email.length === 0) return 'is empty';
	if (email.length > 254) return 'is longer than 254 characters';
	const at = email.lastIndexOf('@');
	if (at <= 0 || at === email.length - 1) return 'is not an email address (expected name@domain)';
	const local = email.slice(0, at);
	const domain = email.slice(at + 1);
	if (local.includes('@')) return 'contains more than one @';
	if (FORBIDDEN.test(email)) return 'contains a space or a character not allowed in an email address';
	if (local.length > 64) return 'has a part before @ longer than 64 characters';
	if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
		return 'has a misplaced dot before the @';
	}
	const labels = domain.split('.');
	if (labels.length < 2) return 'has a domain without a dot';
	if (!labels.every((label) => DOMAIN_LABEL.test(label))) return 'has an invalid domain';
	if (!TLD.test(labels[labels.length - 1])) return 'has an invalid top-level domain';
	return undefined;
}

/** Normalises a raw field value into an email, or says what is wrong with it. */
export function readEmail(value: unknown): { email: string } | { problem: string } {
	if (value === undefined || value === null) return { problem: 'is missing' };
	if (typeof value !== 'string') return { problem: `must be text, got ${describeType(value)}` };
	const email = normaliseEmail(value);
	const problem = emailProblem(email);
	return problem ? { problem } : { email };
}

export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}
