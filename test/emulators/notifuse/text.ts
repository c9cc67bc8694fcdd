/**
 * String rules as the Go server applies them: strings.TrimSpace (unicode.IsSpace, which unlike
 * JavaScript's trim() leaves U+FEFF alone), govalidator.IsEmail, time.Parse(time.RFC3339).
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

/*
 * Go's time.Parse(time.RFC3339, v), which Notifuse's parseNullableTime calls on custom_datetime_*
 * (internal/domain/contact.go). Go first tries a strict fast path (time/format_rfc3339.go:
 * 2006-01-02T15:04:05, optional `.digits`, `Z` or ±hh:mm within 23:59) and, when that fails, its
 * general layout parser, which also takes a one-digit hour, a `,` before the fraction and offsets up
 * to 24:60 ("some people do write offsets of 24 hours or 60 minutes"). Both need the seconds, an
 * upper-case T and Z, a colon in the offset, and reject trailing text; the value is not trimmed.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return month === 2 && leap ? 29 : DAYS[month - 1];
}

/** Parses like Go's time.Parse(time.RFC3339) (`2024-01-01` and `…T10:30Z` fail), returning epoch ms. */
export function parseRfc3339(value: string): number | undefined {
	const m = RFC3339.exec(value);
	if (!m) return undefined;
	const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number);
	if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	let offsetMinutes = 0;
	if (m[8] !== undefined) {
		const [offsetHours, offsetMins] = [Number(m[9]), Number(m[10])];
		if (offsetHours > 24 || offsetMins > 60) return undefined;
		offsetMinutes = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
	}
	const at = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, Number((m[7] ?? '').padEnd(3, '0').slice(0, 3))));
	at.setUTCFullYear(year);
	return at.getTime() - offsetMinutes * 60_000;
}

/** How Go marshals a time.Time read back from Postgres: UTC, fractional seconds only when set. */
export function formatTimestamp(epochMs: number): string {
	return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}
