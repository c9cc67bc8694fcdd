import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AutoMapField } from '../../shared/contactInput/autoMap';
import { contactInputProperties as sharedProperties } from '../../shared/contactInput/properties';
import { asRecord, contactInputReader, type ContactInput, type ContactItemReader } from '../../shared/contactInput/reader';
import { itemParameterReader } from '../../shared/itemParameter';
import type { PreparedItem } from '../../shared/types';
import { buildContact, type CustomFieldIndex, type SendGridContact } from '../contact';
import { ALTERNATE_EMAILS, IDENTIFIERS, RESERVED_FIELDS } from '../fields';
import { customFieldIndex } from '../methods/api';

const textField = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

const additionalFieldOptions: INodeProperties[] = [
	...IDENTIFIERS.filter((f) => f.name !== 'email').map((f) =>
		textField(f.name, f.displayName, `Another identifier SendGrid can match the contact by${f.maxLength ? ` (at most ${f.maxLength} characters)` : ''}`),
	),
	...RESERVED_FIELDS.map((f) => textField(f.name, f.displayName, f.maxLength ? `At most ${f.maxLength} characters` : 'Free text')),
	textField(ALTERNATE_EMAILS.name, ALTERNATE_EMAILS.displayName, `Up to ${ALTERNATE_EMAILS.maxItems} more emails, comma-separated`),
].sort((a, b) => a.displayName.localeCompare(b.displayName));

export function contactInputProperties(): INodeProperties[] {
	return sharedProperties({
		columnsDescription: 'Map input fields to SendGrid reserved and custom fields',
		fieldsDescription: 'Give the email, reserved fields and custom fields (by name) as parameters',
		mapper: {
			method: 'getContactFields',
			mode: 'upsert',
			addAllFields: false,
			matchDescription: 'SendGrid matches contacts by email, phone number ID, external ID or anonymous ID',
			matchHint: 'Existing contacts are updated; to update one, give all of its identifiers',
		},
		email: {
			description: 'The contact to create or update. SendGrid lower-cases it. Leave empty only when another identifier is set.',
			required: false,
		},
		fields: { displayName: 'Additional Fields', name: 'additionalFields', options: additionalFieldOptions },
		customFields: { nameDescription: 'The custom field as defined in SendGrid; the node looks up its ID and type', namesMethod: 'getCustomFields' },
	});
}

function customPairs(rows: IDataObject[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const row of rows) {
		const { name, value } = asRecord(row);
		if (typeof name === 'string' && name.trim() !== '') out[name.trim()] = value;
	}
	return out;
}

/** SendGrid takes one flat record; only auto-map may carry item fields that are not contact fields. */
function toContact(input: ContactInput, customFields: CustomFieldIndex): PreparedItem<SendGridContact> {
	const unknownNamesAreErrors = input.mode !== 'autoMapInputData';
	const values = input.mode === 'fields' ? { ...customPairs(input.customRows), ...input.values, email: input.email } : input.values;
	return buildContact(values, { customFields, unknownNamesAreErrors });
}

/**
 * What auto-map matches item keys to: identifiers, writable reserved fields, and custom fields by
 * name or by id. Read-only reserved fields (created_at, email_domains, …) are not here, so an item
 * carrying them lists them as ignored.
 */
function autoMapFields(customFields: CustomFieldIndex): AutoMapField[] {
	return [
		...IDENTIFIERS.map((field) => ({ name: field.name, aliases: [field.displayName] })),
		...RESERVED_FIELDS.map((field) => ({ name: field.name, aliases: [field.displayName] })),
		{ name: ALTERNATE_EMAILS.name, aliases: [ALTERNATE_EMAILS.displayName] },
		...[...customFields].map(([name, definition]) => ({ name, aliases: [definition.id] })),
	];
}

/** The custom field definitions are read once per run (one GET per execution). */
export async function contactReader(ctx: IExecuteFunctions): Promise<ContactItemReader<SendGridContact>> {
	const customFields: CustomFieldIndex = await customFieldIndex(ctx);
	return contactInputReader(ctx, {
		fieldsCollection: 'additionalFields',
		customFields: true,
		autoMapFields: autoMapFields(customFields),
		toContact: (input) => toContact(input, customFields),
	});
}

/** Contact List → Add Contacts takes only the email; no definitions are needed. */
export function emailReader(ctx: IExecuteFunctions): ContactItemReader<SendGridContact> {
	const rules = { customFields: new Map(), unknownNamesAreErrors: true };
	const email = itemParameterReader(ctx, 'email');
	return (item, i) => buildContact({ email: email(item, i) }, rules);
}
