import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AutoMapField } from '../../shared/contactInput/autoMap';
import { contactInputProperties as sharedProperties } from '../../shared/contactInput/properties';
import {
	contactInputMode,
	contactInputReader,
	savedMapperSchema,
	type ContactInput,
	type ContactItemReader,
} from '../../shared/contactInput/reader';
import { buildContact, type AutoSendContact, type ContactRules, type ContactValues } from '../contact';
import { STANDARD_FIELDS, toCustomFieldType } from '../fields';
import { fetchCustomFields } from '../methods/api';
import type { CustomFieldType } from '../schemas';

/** Mapper ids that are not custom fields. */
const STANDARD_IDS = new Set<string>(['email', 'listIds', ...STANDARD_FIELDS.map((field) => field.name)]);

export interface ContactInputSettings {
	/** create/upsert take listIds per contact; bulk-update does not. */
	allowListIds: boolean;
	/** 'add' for create (new records), 'upsert' for the by-email operations. */
	mapperMode: 'add' | 'upsert';
}

function standardOptions(settings: ContactInputSettings): INodeProperties[] {
	const options: INodeProperties[] = STANDARD_FIELDS.map((field) => ({
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		default: '',
		description: `At most ${field.maxLength} characters`,
	}));
	if (settings.allowListIds) {
		options.push({
			displayName: 'List IDs',
			name: 'listIds',
			type: 'string',
			default: '',
			placeholder: '60d5ec49f1b2c72d9c8b4567, 60d5ec49f1b2c72d9c8b4568',
			description: 'Comma-separated IDs of lists to add the contact to (lists only, not segments). Adding a contact to a list starts that list\'s automations.',
		});
	}
	return options;
}

export function contactInputProperties(settings: ContactInputSettings): INodeProperties[] {
	return sharedProperties({
		columnsDescription: "Map input fields to AutoSend's standard and custom contact fields",
		fieldsDescription: 'Give the email, standard fields and typed custom fields as parameters',
		mapper: {
			method: settings.allowListIds ? 'getContactFields' : 'getBulkContactFields',
			mode: settings.mapperMode,
			addAllFields: true,
			matchDescription: 'AutoSend identifies contacts by email',
			matchHint: 'Contacts are matched by email',
		},
		email: { description: 'The contact email; AutoSend stores it in lower case and identifies contacts by it', required: true },
		fields: { displayName: 'Additional Fields', name: 'additionalFields', options: standardOptions(settings) },
		customFields: {
			description: 'Custom fields must already exist in AutoSend (Settings → Custom Fields); the value is checked against the type. Dates are sent as YYYY-MM-DD, the day as written (a date-time\'s time is dropped).',
			nameDescription: 'The custom field as defined in AutoSend',
			namesMethod: 'getCustomFields',
			types: [
				{ name: 'Boolean', value: 'boolean' },
				{ name: 'Date', value: 'date' },
				{ name: 'Number', value: 'number' },
				{ name: 'String', value: 'string' },
			],
		},
	});
}

/** The custom field types the editor saved with the mapping (its schema), when it saved one. */
function typesFromSchema(schema: Array<Record<string, unknown>> | undefined): Map<string, CustomFieldType> | undefined {
	if (!schema) return undefined;
	const types = new Map<string, CustomFieldType>();
	for (const field of schema) {
		if (typeof field.id === 'string' && !STANDARD_IDS.has(field.id)) types.set(field.id, toCustomFieldType(field.type));
	}
	return types;
}

/** AutoSend's values: standard fields by name, custom fields with the type their value is checked against. */
function toValues(input: ContactInput, types: Map<string, CustomFieldType>): ContactValues {
	const { email, values } = input;
	switch (input.mode) {
		case 'fields':
			return {
				email,
				standard: values,
				custom: input.customRows.map((row) => ({ name: String(row.name ?? ''), type: toCustomFieldType(row.type), value: row.value })),
			};
		case 'autoMapInputData':
			return { email, standard: values, custom: [...types.keys()].map((name) => ({ name, type: types.get(name), value: values[name] })) };
		default:
			return {
				email,
				standard: values,
				custom: Object.keys(values)
					.filter((name) => !STANDARD_IDS.has(name))
					.map((name) => ({ name, type: types.get(name), value: values[name] })),
			};
	}
}

/** What auto-map matches item keys to: AutoSend's camelCase standard fields, then the custom fields by name. */
function autoMapFields(types: ReadonlyMap<string, CustomFieldType>): AutoMapField[] {
	return [
		{ name: 'email' },
		...STANDARD_FIELDS.map((field) => ({ name: field.name, aliases: [field.displayName] })),
		{ name: 'listIds', aliases: ['List IDs'] },
		...[...types.keys()].map((name) => ({ name })),
	];
}

/**
 * The custom field types are read once per run, only when columns are mapped: the mapping's saved
 * schema, or one GET /custom-fields.
 */
export async function contactReader(ctx: IExecuteFunctions, settings: ContactInputSettings): Promise<ContactItemReader<AutoSendContact>> {
	const rules: ContactRules = { allowListIds: settings.allowListIds };
	const types =
		contactInputMode(ctx) === 'fields'
			? new Map<string, CustomFieldType>()
			: (typesFromSchema(savedMapperSchema(ctx)) ?? new Map((await fetchCustomFields(ctx)).map((field) => [field.name, field.type])));
	return contactInputReader(ctx, {
		fieldsCollection: 'additionalFields',
		customFields: true,
		autoMapFields: autoMapFields(types),
		toContact: (input) => buildContact(toValues(input, types), rules),
	});
}
