import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { contactInputProperties as sharedProperties } from '../../shared/contactInput/properties';
import { contactInputReader, type ContactInput, type ContactItemReader } from '../../shared/contactInput/reader';
import { buildContact, type ContactRules, type NotifuseContact } from '../contact';
import { CONTACT_FIELDS, type ContactField } from '../fields';

function fieldParameter(field: ContactField): INodeProperties {
	const base = { displayName: field.displayName, name: field.name };
	switch (field.kind) {
		case 'number':
			return { ...base, type: 'number', default: 0, description: 'Sent as a JSON number' };
		case 'datetime':
			return {
				...base,
				type: 'string',
				default: '',
				placeholder: '2024-03-01T10:30:00Z',
				description: 'Sent as RFC 3339 (2024-03-01T10:30:00Z). A date-time without a time zone is read as UTC; a date alone as midnight UTC.',
			};
		case 'json':
			return { ...base, type: 'json', default: '{}', description: 'A JSON object or array' };
		default:
			return { ...base, type: 'string', default: '', description: `At most ${field.maxLength} characters` };
	}
}

export function contactInputProperties(nullClears: boolean): INodeProperties[] {
	return sharedProperties({
		columnsDescription: "Map input fields to Notifuse contact fields, labelled with the workspace's custom field names",
		fieldsDescription: 'Give the email and each field as a parameter',
		mapper: {
			method: 'getContactFields',
			mode: 'upsert',
			addAllFields: false,
			matchDescription: 'Notifuse identifies contacts by email',
			matchHint: 'Contacts are created or updated by email',
			dependsOn: ['workspaceId'],
		},
		email: { description: 'The contact to create or update. Notifuse identifies contacts by email.', required: true },
		fields: {
			displayName: 'Contact Fields',
			name: 'contactFields',
			options: CONTACT_FIELDS.map(fieldParameter).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		notice: nullClears
			? {
					name: 'clearNotice',
					displayName:
						'A field given as null in the input data (or listed under Options → Fields to Clear) is removed from the contact. Empty mapped fields are left unchanged.',
				}
			: {
					name: 'importCannotClearNotice',
					displayName:
						"Notifuse's batch import cannot clear a field: null and empty values leave the stored value unchanged. Use Contact → Create or Update to clear fields.",
				},
	});
}

/** Drops the editor's placeholders for fields the user left empty, so they never clear anything. */
function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
	const kept: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(values)) if (value !== null) kept[key] = value;
	return kept;
}

function toContact(input: ContactInput, rules: ContactRules) {
	return buildContact(input.email, input.mode === 'defineBelow' ? withoutNulls(input.values) : input.values, rules);
}

export function contactReader(ctx: IExecuteFunctions, rules: ContactRules): ContactItemReader<NotifuseContact> {
	return contactInputReader(ctx, { fieldsCollection: 'contactFields', customFields: false, toContact: (input) => toContact(input, rules) });
}
