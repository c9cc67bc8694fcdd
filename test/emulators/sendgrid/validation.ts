import type { EmuResponse } from '../common';

import { errorResponse, validationErrors, type SendGridErrorItem } from './errors';
import { isValidEmail } from './emailFormat';
import type { FieldRegistry } from './fields';
import type { ContactInput, IdentifierKind } from './store';

/** Top-level string properties of ContactRequest and their maxLength (undefined: none in the spec). */
const STRING_FIELDS: Record<string, number | undefined> = {
	address_line_1: 100,
	address_line_2: 100,
	city: 60,
	country: 50,
	first_name: 50,
	last_name: 50,
	postal_code: undefined,
	state_province_region: 50,
	// Reserved fields ContactDetails returns; the request schema does not list them, SendGrid accepts them.
	phone_number: undefined,
	whatsapp: undefined,
	line: undefined,
	facebook: undefined,
	unique_name: undefined,
};
const IDENTIFIER_LIMITS: Record<IdentifierKind, number | undefined> = {
	email: 254,
	phone_number_id: undefined,
	external_id: 254,
	anonymous_id: 254,
};
const MAX_ALTERNATE_EMAILS = 5;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UpsertValidationContext {
	fields: FieldRegistry;
	listExists(id: string): boolean;
	maxContacts: number;
	/** Reject malformed emails here (400) instead of as per-contact job errors. */
	rejectInvalidEmailsInRequest: boolean;
	/** Which Date custom-field values are accepted (options.dateValues); `anyParsable` when absent. */
	dateValues?: 'anyParsable' | 'mmddyyyy' | 'iso8601';
}

const MM_DD_YYYY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** A Date custom-field value under one reading of the undocumented JSON format (options.ts). */
function isDateValue(value: unknown, reading: UpsertValidationContext['dateValues'] = 'anyParsable'): boolean {
	if (typeof value !== 'string') return false;
	if (reading === 'mmddyyyy') {
		const m = MM_DD_YYYY.exec(value);
		if (!m) return false;
		const date = new Date(Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])));
		return date.getUTCMonth() === Number(m[1]) - 1 && date.getUTCDate() === Number(m[2]);
	}
	if (reading === 'iso8601' && !ISO_DATE.test(value)) return false;
	return !Number.isNaN(Date.parse(value));
}

export interface ValidUpsert {
	contacts: ContactInput[];
	listIds: string[];
}

export type UpsertValidation = { ok: true; value: ValidUpsert } | { ok: false; response: EmuResponse };

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkString(value: unknown, field: string, max: number | undefined, errors: SendGridErrorItem[]): value is string {
	if (typeof value !== 'string') {
		errors.push({ field, message: 'must be a string' });
		return false;
	}
	if (max !== undefined && value.length > max) {
		errors.push({ field, message: `length must be less than or equal to ${max}` });
		return false;
	}
	return true;
}

/** Checks one contact; pushes schema errors and collects custom field ids that do not exist. */
function validateContact(
	raw: unknown,
	index: number,
	ctx: UpsertValidationContext,
	errors: SendGridErrorItem[],
	unknownFieldIds: Set<string>,
): ContactInput | undefined {
	const at = `contacts[${index}]`;
	if (!isPlainObject(raw)) {
		errors.push({ field: at, message: 'must be an object' });
		return undefined;
	}
	const before = errors.length;
	const contact: ContactInput = { index, identifiers: {}, fields: {}, custom_fields: {} };

	for (const kind of Object.keys(IDENTIFIER_LIMITS) as IdentifierKind[]) {
		const value = raw[kind];
		if (value === undefined || value === null) continue;
		if (!checkString(value, `${at}.${kind}`, IDENTIFIER_LIMITS[kind], errors) || value === '') continue;
		const normalised = kind === 'email' ? value.toLowerCase() : value;
		if (kind === 'email' && ctx.rejectInvalidEmailsInRequest && !isValidEmail(normalised)) {
			errors.push({ field: `${at}.email`, message: 'email is invalid' });
			continue;
		}
		contact.identifiers[kind] = normalised;
	}
	if (Object.keys(contact.identifiers).length === 0 && errors.length === before) {
		errors.push({
			field: at,
			message: 'contact must include at least one of email, phone_number_id, external_id, anonymous_id',
		});
	}

	for (const [name, max] of Object.entries(STRING_FIELDS)) {
		const value = raw[name];
		if (value === undefined || value === null) continue;
		if (checkString(value, `${at}.${name}`, max, errors)) contact.fields[name] = value;
	}

	const alternates = raw.alternate_emails;
	if (alternates !== undefined && alternates !== null) {
		if (!Array.isArray(alternates)) {
			errors.push({ field: `${at}.alternate_emails`, message: 'must be an array' });
		} else if (alternates.length > MAX_ALTERNATE_EMAILS) {
			errors.push({ field: `${at}.alternate_emails`, message: `must contain at most ${MAX_ALTERNATE_EMAILS} items` });
		} else {
			const ok = alternates.every((a, i) => checkString(a, `${at}.alternate_emails[${i}]`, 254, errors));
			if (ok) contact.alternate_emails = (alternates as string[]).map((a) => a.toLowerCase());
		}
	}

	const custom = raw.custom_fields;
	if (custom !== undefined && custom !== null) {
		if (!isPlainObject(custom)) {
			errors.push({ field: `${at}.custom_fields`, message: 'must be an object' });
		} else {
			for (const [id, value] of Object.entries(custom)) {
				const def = ctx.fields.get(id);
				if (!def) {
					unknownFieldIds.add(id);
					continue;
				}
				const field = `${at}.custom_fields.${id}`;
				if (def.field_type === 'Number' && (typeof value !== 'number' || !Number.isFinite(value))) {
					errors.push({ field, message: `custom field ${def.name} must be a number` });
				} else if (def.field_type === 'Text' && typeof value !== 'string') {
					errors.push({ field, message: `custom field ${def.name} must be a string` });
				} else if (def.field_type === 'Date' && !isDateValue(value, ctx.dateValues)) {
					errors.push({ field, message: `custom field ${def.name} must be a date string` });
				} else {
					contact.custom_fields[id] = value as string | number;
				}
			}
		}
	}
	return errors.length === before ? contact : undefined;
}

/** Synchronous checks of `PUT /v3/marketing/contacts`, in the order: shape, contacts, custom field ids, lists. */
export function validateUpsert(json: unknown, ctx: UpsertValidationContext): UpsertValidation {
	if (!isPlainObject(json)) return { ok: false, response: errorResponse(400, 'request body must be a JSON object') };
	const raw = json.contacts;
	if (raw === undefined) return { ok: false, response: errorResponse(400, 'contacts is required', 'contacts') };
	if (!Array.isArray(raw)) return { ok: false, response: errorResponse(400, 'contacts must be an array', 'contacts') };
	if (raw.length < 1) {
		return { ok: false, response: errorResponse(400, 'contacts must contain at least 1 item', 'contacts') };
	}
	if (raw.length > ctx.maxContacts) {
		return {
			ok: false,
			response: {
				...errorResponse(400, `contacts must contain at most ${ctx.maxContacts} items`, 'contacts'),
				contacts: raw.length,
			},
		};
	}

	const errors: SendGridErrorItem[] = [];
	let listIds: string[] = [];
	const rawLists = json.list_ids;
	if (rawLists !== undefined && rawLists !== null) {
		if (!Array.isArray(rawLists) || !rawLists.every((id) => typeof id === 'string' && UUID_PATTERN.test(id))) {
			errors.push({ field: 'list_ids', message: 'list_ids must be an array of UUID strings' });
		} else {
			listIds = [...new Set(rawLists as string[])];
		}
	}

	const unknownFieldIds = new Set<string>();
	const contacts: ContactInput[] = [];
	for (let i = 0; i < raw.length; i++) {
		const contact = validateContact(raw[i], i, ctx, errors, unknownFieldIds);
		if (contact) contacts.push(contact);
	}
	if (unknownFieldIds.size > 0) {
		errors.push({
			field: 'custom_fields',
			message: `invalid custom field ids supplied - ${[...unknownFieldIds].join(',')}`,
		});
	}
	if (errors.length > 0) return { ok: false, response: validationErrors(errors, raw.length) };

	const missingLists = listIds.filter((id) => !ctx.listExists(id));
	if (missingLists.length > 0) {
		return {
			ok: false,
			response: {
				...errorResponse(404, `list ids do not exist: ${missingLists.join(',')}`, 'list_ids'),
				contacts: raw.length,
			},
		};
	}
	return { ok: true, value: { contacts, listIds } };
}
