import { readEmail } from '../shared/email';
import { checkText, isBlank, isUnsafeKey } from '../shared/fieldValues';
import type { PreparedItem } from '../shared/types';

import { checkCustomValue, isReservedName, STANDARD_FIELDS, type CustomFieldValue } from './fields';
import type { CustomFieldType } from './schemas';

/** The contact body of create, upsert and one element of bulk-update (which has no listIds). */
export interface AutoSendContact {
	email: string;
	firstName?: string;
	lastName?: string;
	userId?: string;
	listIds?: string[];
	customFields?: Record<string, CustomFieldValue>;
}

export interface ContactValues {
	email: unknown;
	/** Standard fields by name (firstName, lastName, userId, listIds); other keys are ignored. */
	standard: Record<string, unknown>;
	/** Custom field values by name, each with the type to check it against. */
	custom: Array<{ name: string; type: CustomFieldType | undefined; value: unknown }>;
}

export interface ContactRules {
	/** bulk-update has no listIds in its documented schema: refuse them instead of silently dropping. */
	allowListIds: boolean;
}

type Invalid = { ok: false; email?: string; field: string; message: string };

/** Accepts a list as an array or a comma-separated text (what a spreadsheet column holds). */
export function parseListIds(value: unknown): string[] | { problem: string } {
	if (isBlank(value)) return [];
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
	if (!parts) return { problem: 'must be a list of IDs or a comma-separated text' };
	const ids: string[] = [];
	for (const part of parts) {
		if (typeof part !== 'string' && typeof part !== 'number') return { problem: 'must contain only IDs' };
		const id = String(part).trim();
		if (id !== '' && !ids.includes(id)) ids.push(id);
	}
	return ids;
}

function customFieldsOf(values: ContactValues, email: string): { fields: Record<string, CustomFieldValue> } | Invalid {
	const custom: Record<string, CustomFieldValue> = {};
	for (const { name, type, value } of values.custom) {
		if (isBlank(value)) continue;
		const field = name.trim();
		if (field === '' || isUnsafeKey(field)) return { ok: false, email, field: 'customFields', message: `has an unusable field name "${name}"` };
		if (isReservedName(field)) {
			return { ok: false, email, field, message: 'is a built-in AutoSend field name and cannot be used as a custom field' };
		}
		if (type === undefined) {
			return { ok: false, email, field, message: 'is not a custom field of this AutoSend project (create it in AutoSend first)' };
		}
		const checked = checkCustomValue(value, type);
		if ('problem' in checked) return { ok: false, email, field, message: checked.problem };
		custom[field] = checked.value;
	}
	return { fields: custom };
}

/** Raw values → the AutoSend contact, or the first field that is wrong. Never throws. */
export function buildContact(values: ContactValues, rules: ContactRules): PreparedItem<AutoSendContact> {
	const read = readEmail(values.email);
	if ('problem' in read) {
		return { ok: false, email: typeof values.email === 'string' ? values.email : undefined, field: 'email', message: read.problem };
	}
	const email = read.email;
	const contact: AutoSendContact = { email };
	for (const field of STANDARD_FIELDS) {
		const raw = values.standard[field.name];
		if (isBlank(raw)) continue;
		const checked = checkText(raw, field.maxLength);
		if ('problem' in checked) return { ok: false, email, field: field.name, message: checked.problem };
		contact[field.name] = checked.value;
	}
	const lists = parseListIds(values.standard.listIds);
	if (!Array.isArray(lists)) return { ok: false, email, field: 'listIds', message: lists.problem };
	if (lists.length > 0) {
		if (!rules.allowListIds) {
			return { ok: false, email, field: 'listIds', message: 'cannot be set by Bulk Update (AutoSend ignores lists there); use Contact List → Add Contacts' };
		}
		contact.listIds = lists;
	}
	const custom = customFieldsOf(values, email);
	if (!('fields' in custom)) return custom;
	if (Object.keys(custom.fields).length > 0) contact.customFields = custom.fields;
	return { ok: true, key: email, email, contact };
}
