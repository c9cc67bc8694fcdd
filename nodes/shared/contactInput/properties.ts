import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** What differs between providers in the contact-input UI; the parameter names and modes do not. */
export interface ContactInputUi {
	/** Descriptions of the two Fields Input choices. */
	columnsDescription: string;
	fieldsDescription: string;
	mapper: {
		method: string;
		mode: 'add' | 'upsert';
		addAllFields: boolean;
		matchDescription: string;
		matchHint: string;
		/** Parameters the field list depends on (e.g. a workspace). */
		dependsOn?: string[];
	};
	email: { description: string; required: boolean };
	/** Set Fields: the collection of the provider's own fields. */
	fields: { displayName: string; name: string; options: INodeProperties[] };
	/** Set Fields: name/value rows for custom fields, with a type column when the provider needs one. */
	customFields?: {
		description?: string;
		nameDescription: string;
		types?: INodePropertyOptions[];
		/** The loadOptions method listing the provider's custom fields: the name becomes a dropdown (its value stays the name). */
		namesMethod?: string;
	};
	/** Shown with every mode. */
	notice?: { name: string; displayName: string };
}

export const FIELDS_INPUT = 'fieldsInput';
export const COLUMNS = 'columns';
export const EMAIL = 'email';
export const CUSTOM_FIELDS = 'customFieldsUi';
/** Every mode's email starts as the item's `email`: the column most inputs have. */
export const ITEM_EMAIL = '={{ $json.email }}';

function customFieldsProperty(custom: NonNullable<ContactInputUi['customFields']>, onFields: INodeProperties['displayOptions']): INodeProperties {
	const name: INodeProperties = custom.namesMethod
		? {
				displayName: 'Name or ID',
				name: 'name',
				type: 'options',
				typeOptions: { loadOptionsMethod: custom.namesMethod },
				default: '',
				description: `${custom.nameDescription}. Choose from the list, or specify a name using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
			}
		: { displayName: 'Name', name: 'name', type: 'string', default: '', description: custom.nameDescription };
	const values: INodeProperties[] = [name];
	if (custom.types) values.push({ displayName: 'Type', name: 'type', type: 'options', options: custom.types, default: 'string' });
	values.push({ displayName: 'Value', name: 'value', type: 'string', default: '' });
	return {
		displayName: 'Custom Fields',
		name: CUSTOM_FIELDS,
		type: 'fixedCollection',
		placeholder: 'Add Custom Field',
		typeOptions: { multipleValues: true },
		default: {},
		...(custom.description ? { description: custom.description } : {}),
		options: [{ displayName: 'Custom Field', name: 'customField', values }],
		displayOptions: onFields,
	};
}

/**
 * How the contact's fields are given: n8n's column-mapping UI (mapped or auto-mapped), or plain
 * parameters. Unscoped: the operation scopes its properties once (updateDisplayOptions).
 */
export function contactInputProperties(ui: ContactInputUi): INodeProperties[] {
	const onFields = { show: { [FIELDS_INPUT]: ['fields'] } };
	const properties: INodeProperties[] = [
		{
			displayName: 'Fields Input',
			name: FIELDS_INPUT,
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Map Columns', value: 'columns', description: ui.columnsDescription },
				{ name: 'Set Fields', value: 'fields', description: ui.fieldsDescription },
			],
			default: 'columns',
		},
		{
			displayName: 'Columns',
			name: COLUMNS,
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			required: true,
			typeOptions: {
				...(ui.mapper.dependsOn ? { loadOptionsDependsOn: ui.mapper.dependsOn } : {}),
				resourceMapper: {
					resourceMapperMethod: ui.mapper.method,
					mode: ui.mapper.mode,
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: ui.mapper.addAllFields,
					multiKeyMatch: false,
					supportAutoMap: true,
					matchingFieldsLabels: { title: 'Match By', description: ui.mapper.matchDescription, hint: ui.mapper.matchHint },
				},
			},
			displayOptions: { show: { [FIELDS_INPUT]: ['columns'] } },
		},
		{
			displayName: 'Email',
			name: EMAIL,
			type: 'string',
			placeholder: 'name@email.com',
			default: ITEM_EMAIL,
			...(ui.email.required ? { required: true } : {}),
			description: ui.email.description,
			displayOptions: onFields,
		},
		{
			displayName: ui.fields.displayName,
			name: ui.fields.name,
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: ui.fields.options,
			displayOptions: onFields,
		},
	];
	if (ui.customFields) properties.push(customFieldsProperty(ui.customFields, onFields));
	if (ui.notice) properties.push({ ...ui.notice, type: 'notice', default: '' });
	return properties;
}

/** Operations that take only each item's email (adding contacts to lists). */
export function itemEmailProperty(description: string): INodeProperties {
	return { displayName: 'Email', name: EMAIL, type: 'string', placeholder: 'name@email.com', default: ITEM_EMAIL, required: true, description };
}
