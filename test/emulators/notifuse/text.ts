/**
 * String rules as the Go server applies them: strings.TrimSpace (unicode.IsSpace, which unlike
 * JavaScript's trim() leaves U+FEFF alone), govalidator.IsEmail, time.RFC3339.
 */
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const LEADING = new RegExp(`^${GO_SPACE}+`);
const TRAILING = new RegExp(`${GO_SPACE}+$`);

export function trimUnicodeSpace(value: string): string {
	return value.replace(LEADING, '').replace(TRAILING, '');
}

/** Characters as Postgres VARCHAR(n) counts them (code points, not UTF-16 units or bytes). */
export function charLength(value: string): number {
	let n = 0;
	for (const _ of value) n++;
	return n;
}

// Close to govalidator's rxEmail: dot-atom or quoted local part, dotted domain (or an IP literal),
// letters-only top-level label; unicode letters are allowed like govalidator allows them.
const ATOM = "[\\p{L}\\p{N}!#$%&'*+\\-/=?^_`{|}~]+";
const LOCAL = `(?:${ATOM}(?:\\.${ATOM})*|"(?:[^"\\\\]|\\\\.)*")`;
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_~-]*[\\p{L}\\p{N}])?';
const DOMAIN = `(?:(?:${LABEL}\\.)+\\p{L}{1,}\\.?|\\[\\d{1,3}(?:\\.\\d{1,3}){3}\\])`;
const EMAIL = new RegExp(`^${LOCAL}@${DOMAIN}$`, 'u');

export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 timestamp strictly (`2024-01-01` fails), returning epoch ms. */
export function parseRfc3339(value: string): number | undefined {
	const m = RFC3339.exec(value);
	if (!m) return undefined;
	const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6]].map(Number);
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) return undefined;
	// Date.parse rolls 2024-02-31 over to March; Go rejects it.
	const probe = new Date(Date.UTC(Number(m[1]), month - 1, day));
	if (probe.getUTCDate() !== day) return undefined;
	return ms;
}

/** How Go marshals a time.Time read back from Postgres: UTC, fractional seconds only when set. */
export function formatTimestamp(epochMs: number): string {
	return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}
