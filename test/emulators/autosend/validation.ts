import { RESERVED_FIELD_NAMES } from './defaults';
import type { FieldError } from './errors';
import type { ResolvedOptions } from './options';
import type { AutoSendStore, ContactInput, CustomFieldType, CustomFieldValue } from './store';

const EMAIL_SHAPE = /^[^\s@"(),:;<>[\]\\]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
const RESERVED = new Set(RESERVED_FIELD_NAMES.map((name) => name.toLowerCase()));
/** YYYY-MM-DD, optionally followed by an ISO time and zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isReservedFieldName(name: string): boolean {
	return RESERVED.has(name.toLowerCase());
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** AutoSend lower-cases emails ("automatically normalized"); trimming is our assumption. */
export function normalizeEmail(value: string): string {
	return value.trim().toLowerCase();
}

/** Returns the normalised email, or the reason it is not acceptable. */
export function checkEmail(value: unknown, maxLength: number): { email: string } | { error: string } {
	if (value === undefined || value === null || value === '') return { error: 'Email is required' };
	if (typeof value !== 'string') return { error: 'Email must be a string' };
	const email = normalizeEmail(value);
	if (email.length === 0) return { error: 'Email is required' };
	if (email.length > maxLength) return { error: `Email must be at most ${maxLength} characters` };
	const local = email.slice(0, email.lastIndexOf('@'));
	if (!EMAIL_SHAPE.test(email) || local.length > 64 || email.includes('..')) return { error: 'Invalid email format' };
	return { email };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string, dateValues: 'iso8601' | 'dateOnly' = 'iso8601'): boolean {
	return (dateValues === 'dateOnly' ? DATE_ONLY : ISO_DATE).test(value) && !Number.isNaN(Date.parse(value));
}

/** Why `value` does not fit a field of `type`, or undefined when it does. `null` clears a value. */
export function customValueError(
	value: unknown,
	type: CustomFieldType,
	maxStringLength: number,
	dateValues: 'iso8601' | 'dateOnly' = 'iso8601',
): string | undefined {
	if (value === null) return undefined;
	switch (type) {
		case 'string':
			if (typeof value !== 'string') return 'must be a string';
			if (value.length > maxStringLength) return `must be at most ${maxStringLength} characters`;
			return undefined;
		case 'number':
			return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
		case 'boolean':
			return typeof value === 'boolean' ? undefined : 'must be a boolean';
		case 'date':
			return typeof value === 'string' && isIsoDate(value, dateValues) ? undefined : 'must be an ISO 8601 date string';
	}
}

/** A value for a field nobody declared: any scalar the declared types could hold. */
function undeclaredValueError(value: unknown, maxStringLength: number): string | undefined {
	if (typeof value === 'string') return customValueError(value, 'string', maxStringLength);
	if (typeof value === 'number') return customValueError(value, 'number', maxStringLength);
	if (typeof value === 'boolean' || value === null) return undefined;
	return 'must be a string, number, boolean or null';
}

/** The value as the project keeps it: dates may come back as full timestamps (`storedDateFormat`). */
function storedValue(value: CustomFieldValue, type: CustomFieldType, options: ResolvedOptions): CustomFieldValue {
	if (type !== 'date' || typeof value !== 'string' || options.storedDateFormat === 'asSent') return value;
	return new Date(Date.parse(value)).toISOString();
}

function optionalString(
	body: Record<string, unknown>,
	field: string,
	maxLength: number,
	errors: FieldError[],
	prefix: string,
): string | null | undefined {
	const value = body[field];
	if (value === undefined || value === null) return value;
	if (typeof value !== 'string') {
		errors.push({ field: prefix + field, message: `${field} must be a string` });
		return undefined;
	}
	if (value.length > maxLength) {
		errors.push({ field: prefix + field, message: `${field} must be at most ${maxLength} characters` });
		return undefined;
	}
	return value;
}

function checkCustomFields(
	value: unknown,
	store: AutoSendStore,
	options: ResolvedOptions,
	errors: FieldError[],
	prefix: string,
): Record<string, CustomFieldValue> | undefined {
	if (value === undefined || value === null) return undefined;
	if (!isPlainObject(value)) {
		errors.push({ field: `${prefix}customFields`, message: 'customFields must be an object' });
		return undefined;
	}
	const accepted: Record<string, CustomFieldValue> = {};
	for (const [name, fieldValue] of Object.entries(value)) {
		const field = `${prefix}customFields.${name}`;
		if (isReservedFieldName(name)) {
			errors.push({ field, message: `${name} is a reserved field name and cannot be used as a custom field` });
			continue;
		}
		const definition = store.findCustomField(name);
		if (!definition) {
			if (options.unknownCustomFieldPolicy === 'reject') {
				errors.push({ field, message: `Custom field "${name}" does not exist` });
			} else if (options.unknownCustomFieldPolicy === 'accept') {
				const problem = undeclaredValueError(fieldValue, options.maxCustomStringLength);
				if (problem) errors.push({ field, message: `${name} ${problem}` });
				else accepted[name] = fieldValue as CustomFieldValue;
			}
			continue;
		}
		const problem = customValueError(fieldValue, definition.fieldType, options.maxCustomStringLength, options.dateValues);
		if (problem) errors.push({ field, message: `${name} ${problem}` });
		else accepted[definition.fieldName] = storedValue(fieldValue as CustomFieldValue, definition.fieldType, options);
	}
	return accepted;
}

/**
 * Validates one contact body (create, upsert, or one element of bulk-update).
 * `prefix` names array items in `details[].field`, e.g. `contacts.3.`.
 */
export function validateContact(
	body: unknown,
	store: AutoSendStore,
	options: ResolvedOptions,
	prefix = '',
	allowListIds = true,
): { input?: ContactInput; errors: FieldError[] } {
	if (!isPlainObject(body)) {
		return { errors: [{ field: prefix ? prefix.slice(0, -1) : 'body', message: 'Contact must be an object' }] };
	}
	const errors: FieldError[] = [];
	const checked = checkEmail(body.email, options.maxEmailLength);
	if ('error' in checked) errors.push({ field: `${prefix}email`, message: checked.error });
	const firstName = optionalString(body, 'firstName', options.maxNameLength, errors, prefix);
	const lastName = optionalString(body, 'lastName', options.maxNameLength, errors, prefix);
	const userId = optionalString(body, 'userId', options.maxNameLength, errors, prefix);
	const customFields = checkCustomFields(body.customFields, store, options, errors, prefix);
	let listIds: string[] | undefined;
	if (allowListIds && body.listIds !== undefined && body.listIds !== null) {
		if (!Array.isArray(body.listIds) || body.listIds.some((id) => typeof id !== 'string')) {
			errors.push({ field: `${prefix}listIds`, message: 'listIds must be an array of strings' });
		} else {
			listIds = [...new Set(body.listIds as string[])];
		}
	}
	if (errors.length > 0 || 'error' in checked) return { errors };
	return { input: { email: checked.email, firstName, lastName, userId, customFields, listIds }, errors };
}
