import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { itemParameterReader } from '../../shared/itemParameter';
import type { PreparedItem } from '../../shared/types';
import { buildContact, type CustomFieldIndex, type SendGridContact } from '../contact';
import { ALTERNATE_EMAILS, IDENTIFIERS, RESERVED_FIELDS } from '../fields';
import { customFieldIndex } from '../methods/api';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

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

/** How the contact's fields are given: the column-mapping UI, or plain parameters. */
export function contactInputProperties(show: Show): INodeProperties[] {
	const onFields = { show: { ...show, fieldsInput: ['fields'] } };
	return [
		{
			displayName: 'Fields Input',
			name: 'fieldsInput',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Map Columns', value: 'columns', description: 'Map input fields to SendGrid reserved and custom fields' },
				{ name: 'Set Fields', value: 'fields', description: 'Give the email, reserved fields and custom fields (by name) as parameters' },
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
					resourceMapperMethod: 'getContactFields',
					mode: 'upsert',
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: false,
					multiKeyMatch: false,
					supportAutoMap: true,
					matchingFieldsLabels: {
						title: 'Match By',
						description: 'SendGrid matches contacts by email, phone number ID, external ID or anonymous ID',
						hint: 'Existing contacts are updated; to update one, give all of its identifiers',
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
			description: 'The contact to create or update. SendGrid lower-cases it. Leave empty only when another identifier is set.',
			displayOptions: onFields,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: additionalFieldOptions,
			displayOptions: onFields,
		},
		{
			displayName: 'Custom Fields',
			name: 'customFieldsUi',
			type: 'fixedCollection',
			placeholder: 'Add Custom Field',
			typeOptions: { multipleValues: true },
			default: {},
			displayOptions: onFields,
			options: [
				{
					displayName: 'Custom Field',
					name: 'customField',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							description: 'The custom field name as shown in SendGrid; the node looks up its ID and type',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
	];
}

function asRecord(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function customPairs(value: unknown): Record<string, unknown> {
	const pairs = asRecord(value).customField;
	const out: Record<string, unknown> = {};
	if (Array.isArray(pairs)) {
		for (const pair of pairs) {
			const { name, value: fieldValue } = asRecord(pair);
			if (typeof name === 'string' && name.trim() !== '') out[name.trim()] = fieldValue;
		}
	}
	return out;
}

/**
 * Builds the per-item reader once per run: the custom field definitions are read here (one GET per
 * execution), and in auto-map mode fields come straight from the item JSON.
 */
export async function contactReader(
	ctx: IExecuteFunctions,
): Promise<(item: INodeExecutionData, itemIndex: number) => PreparedItem<SendGridContact>> {
	const customFields: CustomFieldIndex = await customFieldIndex(ctx);
	const input = ctx.getNodeParameter('fieldsInput', 0, 'columns') as string;
	if (input === 'fields') {
		const rules = { customFields, unknownNamesAreErrors: true };
		return (_item, i) =>
			buildContact(
				{
					...customPairs(ctx.getNodeParameter('customFieldsUi', i, {})),
					...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
					email: ctx.getNodeParameter('email', i, ''),
				},
				rules,
			);
	}
	const mappingMode = ctx.getNodeParameter('columns.mappingMode', 0, 'defineBelow') as string;
	if (mappingMode === 'autoMapInputData') {
		const rules = { customFields, unknownNamesAreErrors: false };
		return (item) => buildContact(item.json, rules);
	}
	const rules = { customFields, unknownNamesAreErrors: true };
	return (_item, i) => buildContact(asRecord(ctx.getNodeParameter('columns.value', i, {})), rules);
}

/** Contact List → Add Contacts takes only the email; no definitions are needed. */
export function emailReader(ctx: IExecuteFunctions): (item: INodeExecutionData, itemIndex: number) => PreparedItem<SendGridContact> {
	const rules = { customFields: new Map(), unknownNamesAreErrors: true };
	const email = itemParameterReader(ctx, 'email');
	return (item, i) => buildContact({ email: email(item, i) }, rules);
}
