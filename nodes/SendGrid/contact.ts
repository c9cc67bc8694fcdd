import { readEmail } from '../shared/email';
import { checkNumber, checkText, isBlank, isUnsafeKey, type Checked } from '../shared/fieldValues';
import type { PreparedItem } from '../shared/types';

import { ALTERNATE_EMAILS, checkDate, IDENTIFIERS, RESERVED_FIELDS } from './fields';
import type { CustomFieldType } from './schemas';

/** A contact as PUT /v3/marketing/contacts takes it: identifiers, reserved fields, custom fields by id. */
export interface SendGridContact {
	[field: string]: unknown;
	custom_fields?: Record<string, string | number>;
}

/** Custom field definitions by name (what users map) → id and type (what SendGrid takes). */
export type CustomFieldIndex = ReadonlyMap<string, { id: string; type: CustomFieldType }>;

export interface ContactRules {
	customFields: CustomFieldIndex;
	/**
	 * Whether a name that is neither a SendGrid field nor a custom field is an error. Auto-mapped input
	 * carries unrelated columns, so there unknown names are skipped; named mappings must all resolve.
	 */
	unknownNamesAreErrors: boolean;
}

const KNOWN = new Set<string>([...IDENTIFIERS.map((f) => f.name), ...RESERVED_FIELDS.map((f) => f.name), ALTERNATE_EMAILS.name]);

type Invalid = { ok: false; email?: string; field: string; message: string };
const invalid = (field: string, message: string, email?: string): Invalid => ({ ok: false, email, field, message });

function checkCustom(type: CustomFieldType, value: unknown): Checked<string | number> {
	if (type === 'Number') return checkNumber(value);
	if (type === 'Date') return checkDate(value);
	return checkText(value);
}

function readAlternates(value: unknown): Checked<string[]> {
	const list = typeof value === 'string' ? value.split(',') : value;
	if (!Array.isArray(list)) return { problem: 'must be a list of emails or a comma-separated text' };
	const emails: string[] = [];
	for (const entry of list) {
		if (isBlank(entry)) continue;
		const read = readEmail(entry);
		if ('problem' in read) return { problem: `has an entry that ${read.problem}` };
		emails.push(read.email);
	}
	if (emails.length > ALTERNATE_EMAILS.maxItems) return { problem: `has more than ${ALTERNATE_EMAILS.maxItems} emails` };
	return { value: emails };
}

/** Validates one item's field values and builds the contact; identifiers decide the de-duplication key. */
export function buildContact(values: Record<string, unknown>, rules: ContactRules): PreparedItem<SendGridContact> {
	const contact: SendGridContact = {};
	let email: string | undefined;
	if (!isBlank(values.email)) {
		const read = readEmail(values.email);
		if ('problem' in read) return invalid('email', read.problem);
		email = read.email;
		contact.email = email;
	}
	for (const identifier of IDENTIFIERS) {
		if (identifier.name === 'email' || isBlank(values[identifier.name])) continue;
		const checked = checkText(values[identifier.name], identifier.maxLength);
		if ('problem' in checked) return invalid(identifier.name, checked.problem, email);
		contact[identifier.name] = checked.value;
	}
	const key =
		email ??
		IDENTIFIERS.map((f) => (contact[f.name] === undefined ? undefined : `${f.name}:${String(contact[f.name])}`)).find(Boolean);
	if (key === undefined) {
		return invalid('email', 'is required (or give a phone_number_id, external_id or anonymous_id)');
	}

	for (const field of RESERVED_FIELDS) {
		if (isBlank(values[field.name])) continue;
		const checked = checkText(values[field.name], field.maxLength);
		if ('problem' in checked) return invalid(field.name, checked.problem, email);
		contact[field.name] = checked.value;
	}
	if (!isBlank(values[ALTERNATE_EMAILS.name])) {
		const checked = readAlternates(values[ALTERNATE_EMAILS.name]);
		if ('problem' in checked) return invalid(ALTERNATE_EMAILS.name, checked.problem, email);
		if (checked.value.length > 0) contact.alternate_emails = checked.value;
	}

	const custom: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(values)) {
		if (KNOWN.has(name) || isUnsafeKey(name) || isBlank(value)) continue;
		const definition = rules.customFields.get(name);
		if (!definition) {
			if (!rules.unknownNamesAreErrors) continue;
			return invalid(name, 'is not a custom field in this SendGrid account (create it under Marketing → Custom Fields first)', email);
		}
		const checked = checkCustom(definition.type, value);
		if ('problem' in checked) return invalid(name, `(${definition.type} custom field) ${checked.problem}`, email);
		custom[definition.id] = checked.value;
	}
	if (Object.keys(custom).length > 0) contact.custom_fields = custom;
	return { ok: true, key, email, contact };
}

/** Two items for the same contact: the later one wins per field, custom fields merged by id. */
export function mergeSendGridContacts(earlier: SendGridContact, later: SendGridContact): SendGridContact {
	const merged: SendGridContact = { ...earlier, ...later };
	if (earlier.custom_fields || later.custom_fields) merged.custom_fields = { ...earlier.custom_fields, ...later.custom_fields };
	return merged;
}
