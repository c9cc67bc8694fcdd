import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Operations several nodes offer, named and labelled the same in every node's dropdown; where the
 * provider's way of doing it differs, the node says how in `description`.
 */
export const sharedOperation = {
	upsert: (action = 'Create or update a contact'): INodePropertyOptions => ({
		name: 'Create or Update',
		value: 'upsert',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		action,
	}),
	get: (description: string): INodePropertyOptions => ({ name: 'Get', value: 'get', description, action: 'Get contacts' }),
	delete: (description: string): INodePropertyOptions => ({ name: 'Delete', value: 'delete', description, action: 'Delete contacts' }),
	removeContacts: (): INodePropertyOptions => ({
		name: 'Remove Contacts',
		value: 'removeContacts',
		description: 'Take contacts off a list by email; the contacts themselves stay',
		action: 'Remove contacts from a list',
	}),
};
