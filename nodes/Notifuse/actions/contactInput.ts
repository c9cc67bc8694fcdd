import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { normaliseKey, type AutoMapField } from '../../shared/contactInput/autoMap';
import { contactInputProperties as sharedProperties } from '../../shared/contactInput/properties';
import { contactInputMode, contactInputReader, type ContactInput, type ContactItemReader } from '../../shared/contactInput/reader';
import type { PreparedItem } from '../../shared/types';
import { buildContact, type ContactRules, type NotifuseContact } from '../contact';
import { CONTACT_FIELDS, FIELDS_BY_NAME, type ContactField } from '../fields';
import { workspaceFieldLabels } from '../methods/api';

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
						'Empty and null values leave the stored value unchanged unless Options → Empty Values is "Clear Stored Value". Fields listed under Options → Fields to Clear are always removed.',
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

/** A mapped column Notifuse has no field for (a stale saved mapping) would be dropped silently. */
function unknownMappedField(values: Record<string, unknown>): string | undefined {
	return Object.keys(values).find((key) => key !== 'email' && !FIELDS_BY_NAME.has(key));
}

function toContact(input: ContactInput, rules: ContactRules): PreparedItem<NotifuseContact> {
	if (input.mode === 'defineBelow') {
		const unknown = unknownMappedField(input.values);
		if (unknown !== undefined) return { ok: false, field: unknown, message: 'is not a Notifuse contact field; remove it from the mapping' };
	}
	return buildContact(input.email, input.mode === 'defineBelow' ? withoutNulls(input.values) : input.values, rules);
}

/** What auto-map matches item keys to: email and every contact field, custom slots also by the workspace's label. */
function autoMapFields(labels: Record<string, string>): AutoMapField[] {
	return [
		{ name: 'email' },
		...CONTACT_FIELDS.map((field) => ({ name: field.name, aliases: labels[field.name] ? [field.displayName, labels[field.name]] : [field.displayName] })),
	];
}

/**
 * Whether some input key is no field name as it stands or normalised: only then can a workspace label
 * match it, so only then is the workspace read (one GET per run).
 */
function needsLabels(items: INodeExecutionData[]): boolean {
	const plain = new Set(autoMapFields({}).flatMap((field) => [field.name, ...(field.aliases ?? [])].map(normaliseKey)));
	const keys = new Set<string>();
	for (const item of items) for (const key in item.json) keys.add(key);
	for (const key of keys) if (!plain.has(normaliseKey(key))) return true;
	return false;
}

export async function contactReader(ctx: IExecuteFunctions, rules: ContactRules, workspaceId: string): Promise<ContactItemReader<NotifuseContact>> {
	const labels = contactInputMode(ctx) === 'autoMapInputData' && needsLabels(ctx.getInputData()) ? await workspaceFieldLabels(ctx, workspaceId) : {};
	return contactInputReader(ctx, {
		fieldsCollection: 'contactFields',
		customFields: false,
		autoMapFields: autoMapFields(labels),
		toContact: (input) => toContact(input, rules),
	});
}
