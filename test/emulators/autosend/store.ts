import type { FieldError } from './errors';
import { ObjectIdGenerator } from './ids';

export type CustomFieldType = 'string' | 'number' | 'boolean' | 'date';
export type CustomFieldValue = string | number | boolean | null;

export interface ContactRecord {
	id: string;
	/** Trimmed, lower-cased: the key contacts are unique by. */
	email: string;
	firstName?: string | null;
	lastName?: string | null;
	userId?: string | null;
	customFields: Record<string, CustomFieldValue>;
	/** Ids of real lists (never GLOBAL_CONTACT_LIST, never segments). */
	listIds: Set<string>;
	createdAt: string;
	updatedAt: string;
}

export interface ContactListRecord {
	id: string;
	name: string;
	description?: string;
	type: 'list' | 'segment';
	filterCriteria?: unknown;
	/** Contact ids, in the order they joined; empty for segments (not evaluated). */
	members: Set<string>;
	createdAt: string;
	updatedAt: string;
}

export interface CustomFieldDefinition {
	id: string;
	fieldName: string;
	fieldType: CustomFieldType;
	description?: string;
	defaultValue?: CustomFieldValue;
	createdAt: string;
	updatedAt: string;
}

/** What happened to one contact of a bulk-update call; the API itself only returns counts. */
export interface BulkOutcome {
	/** 1-based number of the bulk-update call. */
	batch: number;
	index: number;
	email?: string;
	outcome: 'created' | 'updated' | 'failed';
	errors?: FieldError[];
	/** The call's `runWorkflow` flag: a stored contact of such a call had its automations started. */
	runWorkflow: boolean;
}

/** The changeable part of a contact, after validation. `undefined` = leave as is. */
export interface ContactInput {
	email: string;
	firstName?: string | null;
	lastName?: string | null;
	userId?: string | null;
	customFields?: Record<string, CustomFieldValue>;
	listIds?: string[];
}

/** Keeps the outcome log bounded when a benchmark pushes millions of contacts. */
const MAX_OUTCOMES = 1_000_000;

/** In-memory state of one AutoSend project. */
export class AutoSendStore {
	readonly contactsByEmail = new Map<string, ContactRecord>();
	readonly contactsById = new Map<string, ContactRecord>();
	readonly lists = new Map<string, ContactListRecord>();
	readonly suppressed = new Set<string>();
	/** Keyed by lower-cased field name: AutoSend treats names as unique per project. */
	readonly customFields = new Map<string, CustomFieldDefinition>();
	readonly bulkOutcomes: BulkOutcome[] = [];
	bulkBatches = 0;
	private readonly ids = new ObjectIdGenerator();

	constructor(readonly projectId: string) {}

	newId(): string {
		return this.ids.next();
	}

	findContact(email: string): ContactRecord | undefined {
		return this.contactsByEmail.get(email);
	}

	/** Creates or updates by email; fields left `undefined` keep their value, custom fields merge. */
	upsertContact(input: ContactInput, now = new Date().toISOString()): { contact: ContactRecord; created: boolean } {
		let contact = this.contactsByEmail.get(input.email);
		const created = !contact;
		if (!contact) {
			contact = {
				id: this.newId(),
				email: input.email,
				customFields: {},
				listIds: new Set(),
				createdAt: now,
				updatedAt: now,
			};
			this.contactsByEmail.set(contact.email, contact);
			this.contactsById.set(contact.id, contact);
		}
		if (input.firstName !== undefined) contact.firstName = input.firstName;
		if (input.lastName !== undefined) contact.lastName = input.lastName;
		if (input.userId !== undefined) contact.userId = input.userId;
		if (input.customFields) Object.assign(contact.customFields, input.customFields);
		for (const listId of input.listIds ?? []) this.addToList(listId, contact);
		contact.updatedAt = now;
		return { contact, created };
	}

	/** Deletes the contact and its list memberships; false when there was none. */
	deleteContact(email: string): ContactRecord | undefined {
		const contact = this.contactsByEmail.get(email);
		if (!contact) return undefined;
		this.contactsByEmail.delete(email);
		this.contactsById.delete(contact.id);
		for (const listId of contact.listIds) this.lists.get(listId)?.members.delete(contact.id);
		return contact;
	}

	/** Returns false when the contact already was a member. */
	addToList(listId: string, contact: ContactRecord): boolean {
		const list = this.lists.get(listId);
		if (!list || list.members.has(contact.id)) return false;
		list.members.add(contact.id);
		contact.listIds.add(listId);
		return true;
	}

	/** Returns false when the contact was not a member; the contact itself stays. */
	removeFromList(listId: string, contact: ContactRecord): boolean {
		const list = this.lists.get(listId);
		if (!list || !list.members.delete(contact.id)) return false;
		contact.listIds.delete(listId);
		return true;
	}

	createList(fields: Omit<ContactListRecord, 'id' | 'members' | 'createdAt' | 'updatedAt'> & { id?: string }) {
		const now = new Date().toISOString();
		const list: ContactListRecord = { ...fields, id: fields.id ?? this.newId(), members: new Set(), createdAt: now, updatedAt: now };
		this.lists.set(list.id, list);
		return list;
	}

	findListByName(name: string): ContactListRecord | undefined {
		const wanted = name.toLowerCase();
		for (const list of this.lists.values()) if (list.name.toLowerCase() === wanted) return list;
		return undefined;
	}

	defineCustomField(fields: Omit<CustomFieldDefinition, 'id' | 'createdAt' | 'updatedAt'>) {
		const now = new Date().toISOString();
		const definition: CustomFieldDefinition = { ...fields, id: this.newId(), createdAt: now, updatedAt: now };
		this.customFields.set(fields.fieldName.toLowerCase(), definition);
		return definition;
	}

	findCustomField(name: string): CustomFieldDefinition | undefined {
		return this.customFields.get(name.toLowerCase());
	}

	recordOutcome(outcome: BulkOutcome) {
		if (this.bulkOutcomes.length >= MAX_OUTCOMES) this.bulkOutcomes.splice(0, MAX_OUTCOMES / 10);
		this.bulkOutcomes.push(outcome);
	}
}
