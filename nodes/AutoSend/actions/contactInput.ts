import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../shared/types';
import { buildContact, type AutoSendContact, type ContactRules, type ContactValues } from '../contact';
import { STANDARD_FIELDS, toCustomFieldType } from '../fields';
import { fetchCustomFields } from '../methods/api';
import type { CustomFieldType } from '../schemas';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** Mapper ids that are not custom fields. */
const STANDARD_IDS = new Set<string>(['email', 'listIds', ...STANDARD_FIELDS.map((field) => field.name)]);

export interface ContactInputSettings {
	/** create/upsert take listIds per contact; bulk-update does not. */
	allowListIds: boolean;
	/** 'add' for create (new records), 'upsert' for the by-email operations. */
	mapperMode: 'add' | 'upsert';
}

/** How the contact's fields are given: n8n's column-mapping UI, or plain parameters. */
export function contactInputProperties(show: Show, settings: ContactInputSettings): INodeProperties[] {
	const onFields = { show: { ...show, fieldsInput: ['fields'] } };
	const standardOptions: INodeProperties[] = STANDARD_FIELDS.map((field) => ({
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		default: '',
		description: `At most ${field.maxLength} characters`,
	}));
	if (settings.allowListIds) {
		standardOptions.push({
			displayName: 'List IDs',
			name: 'listIds',
			type: 'string',
			default: '',
			placeholder: '60d5ec49f1b2c72d9c8b4567, 60d5ec49f1b2c72d9c8b4568',
			description: 'Comma-separated IDs of lists to add the contact to (lists only, not segments). Adding a contact to a list starts that list\'s automations.',
		});
	}
	return [
		{
			displayName: 'Fields Input',
			name: 'fieldsInput',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Map Columns', value: 'columns', description: "Map input fields to AutoSend's standard and custom contact fields" },
				{ name: 'Set Fields', value: 'fields', description: 'Give the email, standard fields and typed custom fields as parameters' },
			],
			default: 'columns',
			displayOptions: { show },
		},
		{
			displayName: 'Columns',
			name: 'columns',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			required: true,
			typeOptions: {
				resourceMapper: {
					resourceMapperMethod: settings.allowListIds ? 'getContactFields' : 'getBulkContactFields',
					mode: settings.mapperMode,
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: true,
					multiKeyMatch: false,
					supportAutoMap: true,
					matchingFieldsLabels: {
						title: 'Match By',
						description: 'AutoSend identifies contacts by email',
						hint: 'Contacts are matched by email',
					},
				},
			},
			displayOptions: { show: { ...show, fieldsInput: ['columns'] } },
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'The contact email; AutoSend stores it in lower case and identifies contacts by it',
			displayOptions: onFields,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: standardOptions,
			displayOptions: onFields,
		},
		{
			displayName: 'Custom Fields',
			name: 'customFieldsUi',
			type: 'fixedCollection',
			placeholder: 'Add Custom Field',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Custom fields must already exist in AutoSend (Settings → Custom Fields); the value is checked against the type. Dates are sent as YYYY-MM-DD, the day as written (a date-time\'s time is dropped).',
			options: [
				{
					displayName: 'Custom Field',
					name: 'customField',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The field name as defined in AutoSend' },
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: [
								{ name: 'Boolean', value: 'boolean' },
								{ name: 'Date', value: 'date' },
								{ name: 'Number', value: 'number' },
								{ name: 'String', value: 'string' },
							],
							default: 'string',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
			displayOptions: onFields,
		},
	];
}

function asRecord(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The custom field types the editor saved with the mapping (its schema), when it saved one. */
function typesFromSchema(schema: unknown): Map<string, CustomFieldType> | undefined {
	if (!Array.isArray(schema) || schema.length === 0) return undefined;
	const types = new Map<string, CustomFieldType>();
	for (const entry of schema) {
		const field = asRecord(entry);
		if (typeof field.id === 'string' && !STANDARD_IDS.has(field.id)) types.set(field.id, toCustomFieldType(field.type));
	}
	return types;
}

function fromFieldParameters(ctx: IExecuteFunctions, i: number): ContactValues {
	const standard = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const ui = ctx.getNodeParameter('customFieldsUi', i, {}) as IDataObject;
	const entries = Array.isArray(ui.customField) ? (ui.customField as IDataObject[]) : [];
	return {
		email: ctx.getNodeParameter('email', i, ''),
		standard,
		custom: entries.map((entry) => ({ name: String(entry.name ?? ''), type: toCustomFieldType(entry.type), value: entry.value })),
	};
}

export type ContactPreparer = (item: INodeExecutionData, itemIndex: number) => PreparedItem<AutoSendContact>;

/**
 * Builds the per-item reader once per run. Item-independent parameters and the custom field types
 * are read here (the mapping's saved schema, or one GET /custom-fields); in auto-map mode the
 * fields come straight from the item JSON, with no parameter resolution per item.
 */
export async function contactReader(ctx: IExecuteFunctions, settings: ContactInputSettings): Promise<ContactPreparer> {
	const rules: ContactRules = { allowListIds: settings.allowListIds };
	const input = ctx.getNodeParameter('fieldsInput', 0, 'columns') as string;
	if (input === 'fields') return (_item, i) => buildContact(fromFieldParameters(ctx, i), rules);

	const mappingMode = ctx.getNodeParameter('columns.mappingMode', 0, 'defineBelow') as string;
	const types =
		typesFromSchema(ctx.getNodeParameter('columns.schema', 0, [])) ??
		new Map((await fetchCustomFields(ctx)).map((field) => [field.name, field.type]));

	if (mappingMode === 'autoMapInputData') {
		const customNames = [...types.keys()];
		return (item) =>
			buildContact(
				{
					email: item.json.email,
					standard: item.json,
					custom: customNames.map((name) => ({ name, type: types.get(name), value: item.json[name] })),
				},
				rules,
			);
	}
	return (_item, i) => {
		const values = asRecord(ctx.getNodeParameter('columns.value', i, {}));
		const custom = Object.keys(values)
			.filter((name) => !STANDARD_IDS.has(name))
			.map((name) => ({ name, type: types.get(name), value: values[name] }));
		return buildContact({ email: values.email, standard: values, custom }, rules);
	};
}
