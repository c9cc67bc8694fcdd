import { isoCalendarDate, readDate } from '../shared/dates';
import { checkBoolean, checkNumber, checkText, type Checked } from '../shared/fieldValues';

import type { CustomFieldType } from './schemas';

/** Built-in contact fields besides email. AutoSend documents no limits; 255 is what its validator was seen to allow. */
export const STANDARD_FIELDS = [
	{ name: 'firstName', displayName: 'First Name', maxLength: 255 },
	{ name: 'lastName', displayName: 'Last Name', maxLength: 255 },
	{ name: 'userId', displayName: 'User ID', maxLength: 255 },
] as const;

/** Undocumented; a conservative cap so over-long text fails here, per item, not as a whole-request 400. */
export const MAX_CUSTOM_TEXT_LENGTH = 1000;

/** Names AutoSend reserves for built-in fields (docs: custom fields → create); never sent as custom fields. */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set(
	[
		'firstName',
		'first_name',
		'lastName',
		'last_name',
		'email',
		'mobile',
		'unsubscribed',
		'unsubscribe',
		'unsubscribe_groups',
		'unsubscribe_preferences',
		'userId',
		'externalId',
		'createdAt',
		'updatedAt',
		'contactLists',
		'address',
		'address_line_1',
		'address_line_2',
		'city',
		'state',
		'zip',
		'country',
	].map((name) => name.toLowerCase()),
);

export function isReservedName(name: string): boolean {
	return RESERVED_FIELD_NAMES.has(name.toLowerCase());
}

export type CustomFieldValue = string | number | boolean;

/**
 * AutoSend's docs show date values only as `YYYY-MM-DD` (create/upsert contact examples, seeds/001),
 * so every accepted shape is sent that way: a date-time keeps the calendar day it was written in.
 */
function checkDate(value: unknown): Checked<string> {
	const read = readDate(value);
	return 'problem' in read ? read : { value: isoCalendarDate(read.value) };
}

/** Coerces a raw value into the JSON type AutoSend stores for a field of `type`. */
export function checkCustomValue(value: unknown, type: CustomFieldType): Checked<CustomFieldValue> {
	switch (type) {
		case 'number':
			return checkNumber(value);
		case 'boolean':
			return checkBoolean(value);
		case 'date':
			return checkDate(value);
		default:
			return checkText(value, MAX_CUSTOM_TEXT_LENGTH);
	}
}

export function toCustomFieldType(value: unknown): CustomFieldType {
	if (value === 'number' || value === 'boolean' || value === 'date') return value;
	// n8n's resource mapper calls dates dateTime.
	if (value === 'dateTime') return 'date';
	return 'string';
}
