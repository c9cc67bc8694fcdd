import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../shared/types';
import { buildContact, type ContactRules, type NotifuseContact } from '../contact';
import { CONTACT_FIELDS, type ContactField } from '../fields';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

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

/** How the contact's fields are given: the column-mapping UI, or plain parameters. */
export function contactInputProperties(show: Show, nullClears: boolean): INodeProperties[] {
	const on = { show };
	const onFields = { show: { ...show, fieldsInput: ['fields'] } };
	return [
		{
			displayName: 'Fields Input',
			name: 'fieldsInput',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Map Columns',
					value: 'columns',
					description: "Map input fields to Notifuse contact fields, labelled with the workspace's custom field names",
				},
				{ name: 'Set Fields', value: 'fields', description: 'Give the email and each field as a parameter' },
			],
			default: 'columns',
			displayOptions: on,
		},
		{
			displayName: 'Columns',
			name: 'columns',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			required: true,
			typeOptions: {
				loadOptionsDependsOn: ['workspaceId'],
				resourceMapper: {
					resourceMapperMethod: 'getContactFields',
					mode: 'upsert',
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: false,
					multiKeyMatch: false,
					supportAutoMap: true,
					matchingFieldsLabels: {
						title: 'Match By',
						description: 'Notifuse identifies contacts by email',
						hint: 'Contacts are created or updated by email',
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
			description: 'The contact to create or update. Notifuse identifies contacts by email.',
			displayOptions: onFields,
		},
		{
			displayName: 'Contact Fields',
			name: 'contactFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: CONTACT_FIELDS.map(fieldParameter).sort((a, b) => a.displayName.localeCompare(b.displayName)),
			displayOptions: onFields,
		},
		{
			displayName: nullClears
				? 'A field given as null in the input data (or listed under Options → Fields to Clear) is removed from the contact. Empty mapped fields are left unchanged.'
				: "Notifuse's batch import cannot clear a field: null and empty values leave the stored value unchanged. Use Contact → Upsert to clear fields.",
			name: nullClears ? 'clearNotice' : 'importCannotClearNotice',
			type: 'notice',
			default: '',
			displayOptions: on,
		},
	];
}

function asRecord(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Drops the editor's placeholders for fields the user left empty, so they never clear anything. */
function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
	const kept: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(values)) if (value !== null) kept[key] = value;
	return kept;
}

/**
 * Builds the per-item reader once per run. Item-independent parameters are read here; in auto-map
 * mode the fields come straight from the item JSON (no parameter resolution per item).
 */
export function contactReader(
	ctx: IExecuteFunctions,
	rules: ContactRules,
): (item: INodeExecutionData, itemIndex: number) => PreparedItem<NotifuseContact> {
	const input = ctx.getNodeParameter('fieldsInput', 0, 'columns') as string;
	if (input === 'fields') {
		return (_item, i) =>
			buildContact(ctx.getNodeParameter('email', i, ''), ctx.getNodeParameter('contactFields', i, {}) as IDataObject, rules);
	}
	const mappingMode = ctx.getNodeParameter('columns.mappingMode', 0, 'defineBelow') as string;
	if (mappingMode === 'autoMapInputData') {
		return (item) => buildContact(item.json.email, item.json, rules);
	}
	return (_item, i) => {
		const values = asRecord(ctx.getNodeParameter('columns.value', i, {}));
		return buildContact(values.email, withoutNulls(values), rules);
	};
}
