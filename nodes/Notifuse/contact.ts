import { rfc3339, readDate } from '../shared/dates';
import { readEmail } from '../shared/email';
import { checkNumber, checkText, describeValue, isBlank, type Checked } from '../shared/fieldValues';
import type { PreparedItem } from '../shared/types';

import { CONTACT_FIELDS, EMAIL_MAX_LENGTH, type ContactField } from './fields';
import { jsonSlotValue } from './schemas';

/** A contact as Notifuse's JSON expects it; `null` clears a field (contacts.upsert only). */
export type NotifuseContact = { email: string } & Record<string, unknown>;

export interface ContactRules {
	/**
	 * Empty Values = Clear Stored Value: a blank or null value is sent as null, which contacts.upsert
	 * stores as "no value" (Contact.Merge, internal/domain/contact.go). contacts.import cannot clear
	 * (its SQL keeps the stored value for null), so there it is always false and blanks are not sent.
	 */
	clearEmpty: boolean;
	/** Fields the user asked to clear explicitly (upsert only). */
	clearFields: readonly string[];
}

/**
 * Notifuse parses custom_datetime_* with Go's time.Parse(time.RFC3339) (internal/domain/contact.go,
 * parseNullableTime): seconds and a `Z`/`±hh:mm` offset are required, and a failure surfaces only as
 * "email is required". So every unambiguous spelling is rewritten to that form here: missing
 * seconds become `:00`, `+0200` becomes `+02:00`, a bare date is midnight UTC and a date-time
 * without a zone is read as UTC (the field descriptions say so).
 */
function checkDatetime(value: unknown): Checked<string> {
	const read = readDate(value);
	if ('problem' in read) return { problem: read.problem };
	return { value: rfc3339(read.value) };
}

function checkJson(value: unknown): Checked<unknown> {
	let candidate = value;
	// Spreadsheets and the mapping UI hand JSON over as text.
	if (typeof value === 'string') {
		try {
			candidate = JSON.parse(value);
		} catch {
			return { problem: `must be a JSON object or array, got text that is not JSON: ${describeValue(value)}` };
		}
	}
	if (jsonSlotValue.safeParse(candidate).success) return { value: candidate };
	return { problem: `must be a JSON object or array, got ${describeValue(candidate)}` };
}

function checkField(field: ContactField, value: unknown): Checked<unknown> {
	switch (field.kind) {
		case 'number':
			return checkNumber(value);
		case 'datetime':
			return checkDatetime(value);
		case 'json':
			return checkJson(value);
		default:
			return checkText(value, field.maxLength);
	}
}

/**
 * Turns an email and a bag of field values into a Notifuse contact, checking every type and column
 * size the server would otherwise reject with a generic "email is required" or a batch-wide SQL error.
 * Keys that are not Notifuse contact fields are ignored, as the server does.
 */
export function buildContact(
	rawEmail: unknown,
	values: Record<string, unknown>,
	rules: ContactRules,
): PreparedItem<NotifuseContact> {
	const read = readEmail(typeof rawEmail === 'number' ? String(rawEmail) : rawEmail);
	if ('problem' in read) return { ok: false, field: 'email', message: read.problem };
	if (read.email.length > EMAIL_MAX_LENGTH) {
		return { ok: false, email: read.email, field: 'email', message: `is longer than ${EMAIL_MAX_LENGTH} characters` };
	}
	const contact: NotifuseContact = { email: read.email };
	for (const field of CONTACT_FIELDS) {
		const value = values[field.name];
		if (value === null || isBlank(value)) {
			if (rules.clearEmpty && field.name in values) contact[field.name] = null;
			continue;
		}
		const checked = checkField(field, value);
		if ('problem' in checked) return { ok: false, email: read.email, field: field.name, message: checked.problem };
		contact[field.name] = checked.value;
	}
	for (const name of rules.clearFields) contact[name] = null;
	return { ok: true, key: read.email, email: read.email, contact };
}

/**
 * Two items for the same email: the later one wins per field. Unlike the engine's default, JSON slots
 * are replaced rather than merged, since Notifuse stores each as one value.
 */
export function mergeNotifuseContacts(earlier: NotifuseContact, later: NotifuseContact): NotifuseContact {
	const merged: NotifuseContact = { ...earlier };
	for (const [field, value] of Object.entries(later)) if (value !== undefined) merged[field] = value;
	return merged;
}
