import { CONTACT_FIELDS, EMAIL_MAX_LENGTH } from './fields';
import { charLength, formatTimestamp, isEmail, parseRfc3339, trimUnicodeSpace } from './text';

/** A stored field value: trimmed string, number, UTC RFC 3339 datetime, or JSON object/array. */
export type FieldValue = string | number | object;

/**
 * A contact as Notifuse's `Contact.FromJSON` produces it. `values` holds only the keys the caller
 * sent; an explicit JSON null is kept as `null` (import ignores it, upsert clears the field).
 */
export interface ParsedContact {
	email: string;
	values: Map<string, FieldValue | null>;
}

export type ParseResult = { ok: true; contact: ParsedContact } | { ok: false; error: string };

/** Type names the way gjson prints them, which is what Notifuse's messages show. */
function jsonTypeName(value: unknown): string {
	if (value === null) return 'Null';
	if (value === true) return 'True';
	if (value === false) return 'False';
	if (typeof value === 'number') return 'Number';
	if (typeof value === 'string') return 'String';
	return 'JSON';
}

function typeError(field: string, expected: string, got: unknown) {
	return `invalid type for ${field}: expected ${expected}, got ${jsonTypeName(got)}`;
}

function parseField(kind: string, name: string, raw: unknown): { value: FieldValue } | { error: string } {
	switch (kind) {
		case 'string':
			if (typeof raw !== 'string') return { error: typeError(name, 'string', raw) };
			return { value: trimUnicodeSpace(raw) };
		case 'number':
			if (typeof raw !== 'number') return { error: typeError(name, 'number', raw) };
			return { value: raw };
		case 'datetime': {
			if (typeof raw !== 'string') return { error: typeError(name, 'string', raw) };
			const ms = parseRfc3339(raw);
			if (ms === undefined) return { error: `invalid datetime format for ${name}: expected RFC3339` };
			return { value: formatTimestamp(ms) };
		}
		default:
			if (typeof raw !== 'object' || raw === null) return { error: typeError(name, 'object or array', raw) };
			return { value: raw };
	}
}

export function parseContact(input: unknown): ParseResult {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return { ok: false, error: 'email is required' };
	}
	const record = input as Record<string, unknown>;
	const rawEmail = record.email;
	if (rawEmail !== undefined && rawEmail !== null && typeof rawEmail !== 'string') {
		return { ok: false, error: typeError('email', 'string', rawEmail) };
	}
	const email = typeof rawEmail === 'string' ? trimUnicodeSpace(rawEmail).toLowerCase() : '';
	if (!email) return { ok: false, error: 'email is required' };
	if (!isEmail(email)) return { ok: false, error: 'invalid email format' };

	const values = new Map<string, FieldValue | null>();
	for (const field of CONTACT_FIELDS) {
		if (!(field.name in record)) continue;
		const raw = record[field.name];
		if (raw === null) {
			values.set(field.name, null);
			continue;
		}
		const parsed = parseField(field.kind, field.name, raw);
		if ('error' in parsed) return { ok: false, error: parsed.error };
		values.set(field.name, parsed.value);
	}
	return { ok: true, contact: { email, values } };
}

/** What Postgres would reject when writing this contact: the first over-long VARCHAR, if any. */
export function columnOverflow(contact: ParsedContact): number | undefined {
	if (charLength(contact.email) > EMAIL_MAX_LENGTH) return EMAIL_MAX_LENGTH;
	for (const field of CONTACT_FIELDS) {
		if (field.maxLength === undefined) continue;
		const value = contact.values.get(field.name);
		if (typeof value === 'string' && charLength(value) > field.maxLength) return field.maxLength;
	}
	return undefined;
}
