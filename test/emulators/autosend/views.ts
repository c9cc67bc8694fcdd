import { DEFAULTS } from './defaults';
import type { AutoSendStore, ContactListRecord, ContactRecord, CustomFieldDefinition } from './store';

/** A contact as AutoSend answers it (create/upsert/get/search all use this shape). */
export function contactView(contact: ContactRecord, projectId: string) {
	const view: Record<string, unknown> = { id: contact.id, email: contact.email };
	if (contact.firstName !== undefined) view.firstName = contact.firstName;
	if (contact.lastName !== undefined) view.lastName = contact.lastName;
	if (contact.userId !== undefined) view.userId = contact.userId;
	view.customFields = contact.customFields;
	view.listIds = [...contact.listIds];
	view.segmentIds = [];
	view.updatedAt = contact.updatedAt;
	view.createdAt = contact.createdAt;
	view.projectId = projectId;
	return view;
}

/** The short contact shape of the bulk-add answer (no names or custom fields in the documented example). */
export function bulkAddContactView(contact: ContactRecord, projectId: string) {
	return {
		id: contact.id,
		email: contact.email,
		updatedAt: contact.updatedAt,
		createdAt: contact.createdAt,
		projectId,
		listIds: [...contact.listIds],
		segmentIds: [],
	};
}

export function listView(list: ContactListRecord) {
	const view: Record<string, unknown> = {
		id: list.id,
		name: list.name,
		description: list.description ?? '',
		type: list.type,
		contactCount: list.members.size,
	};
	if (list.type === 'segment') view.filterCriteria = list.filterCriteria ?? {};
	view.createdAt = list.createdAt;
	view.updatedAt = list.updatedAt;
	return view;
}

/** The virtual "All Contacts" list every project has. */
export function globalListView(store: AutoSendStore) {
	return {
		id: DEFAULTS.globalListId,
		name: 'All Contacts',
		description: 'All contacts in the project',
		type: 'list',
		contactCount: store.contactsByEmail.size,
	};
}

export function customFieldView(definition: CustomFieldDefinition, projectId: string) {
	const view: Record<string, unknown> = {
		id: definition.id,
		fieldName: definition.fieldName,
		fieldType: definition.fieldType,
	};
	if (definition.description !== undefined) view.description = definition.description;
	if (definition.defaultValue !== undefined) view.defaultValue = definition.defaultValue;
	view.projectId = projectId;
	view.createdAt = definition.createdAt;
	view.updatedAt = definition.updatedAt;
	return view;
}
