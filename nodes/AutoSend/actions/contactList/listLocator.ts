import type { INodeProperties } from 'n8n-workflow';

/** AutoSend list ids are 24-hex ObjectIds; the virtual "All Contacts" list has a fixed id. */
const LIST_ID = '[0-9a-fA-F]{24}|GLOBAL_CONTACT_LIST';

export const GLOBAL_CONTACT_LIST = 'GLOBAL_CONTACT_LIST';

/** The list picker of Add Contacts and Remove Contacts: from the list, by ID, or by the list's URL. */
export function listLocator(description: string): INodeProperties {
	return {
		displayName: 'List',
		name: 'list',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchLists', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '60d5ec49f1b2c72d9c8b4567',
				validation: [{ type: 'regex', properties: { regex: `^(${LIST_ID})$`, errorMessage: 'Not a valid AutoSend list ID' } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://app.autosend.com/contact-lists/60d5ec49f1b2c72d9c8b4567',
				extractValue: { type: 'regex', regex: `(${LIST_ID})(?:[/?#].*)?$` },
				validation: [{ type: 'regex', properties: { regex: `.*/(${LIST_ID})(?:[/?#].*)?$`, errorMessage: 'Not an AutoSend list URL' } }],
			},
		],
	};
}
