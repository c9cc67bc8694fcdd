import { randomUUID } from 'node:crypto';

import { FieldRegistry } from './fields';

/** The identifiers a SendGrid contact can be matched by. */
export const IDENTIFIER_KINDS = ['email', 'phone_number_id', 'external_id', 'anonymous_id'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** One contact of a PUT body after synchronous validation (email already lower-cased). */
export interface ContactInput {
	/** Position in the request's `contacts` array, for the job's error file. */
	index: number;
	identifiers: Partial<Record<IdentifierKind, string>>;
	alternate_emails?: string[];
	/** Reserved top-level text fields (first_name, city, ...). */
	fields: Record<string, string>;
	/** Values keyed by custom field id. */
	custom_fields: Record<string, string | number>;
}

export interface StoredContact {
	id: string;
	identifiers: Partial<Record<IdentifierKind, string>>;
	alternate_emails: string[];
	fields: Record<string, string>;
	custom_fields: Record<string, string | number>;
	list_ids: Set<string>;
	created_at: string;
	updated_at: string;
}

export interface StoredList {
	id: string;
	name: string;
	members: Set<string>;
	created_at: string;
}

export interface JobRowError {
	/** 1-based row of the contact in the request's `contacts` array. */
	row: number;
	identifiers: Partial<Record<IdentifierKind, string>>;
	message: string;
}

export interface ImportJob {
	id: string;
	status: 'pending' | 'completed' | 'errored' | 'failed';
	job_type: 'upsert' | 'delete';
	requested_count: number;
	created_count: number;
	updated_count: number;
	deleted_count: number;
	errored_count: number;
	errors: JobRowError[];
	started_at: string;
	finished_at?: string;
}

export type UpsertOutcome = { kind: 'created' | 'updated'; id: string } | { kind: 'error'; message: string };

/** All in-memory state of one SendGrid account. Every lookup is a Map hit: 100k contacts stay linear. */
export class SendGridStore {
	contacts = new Map<string, StoredContact>();
	lists = new Map<string, StoredList>();
	fields = new FieldRegistry();
	jobs = new Map<string, ImportJob>();
	/** API key → granted scopes. */
	apiKeys = new Map<string, string[]>();
	/** Emails the processing step rejects (lower-cased), to produce per-contact job errors on demand. */
	poisonEmails = new Set<string>();
	private index: Record<IdentifierKind, Map<string, string>> = {
		email: new Map(),
		phone_number_id: new Map(),
		external_id: new Map(),
		anonymous_id: new Map(),
	};
	private alternateEmailIndex = new Map<string, string>();

	addList(name: string, id: string = randomUUID()): StoredList {
		const list: StoredList = { id, name, members: new Set(), created_at: new Date().toISOString() };
		this.lists.set(id, list);
		return list;
	}

	findListByName(name: string): StoredList | undefined {
		for (const list of this.lists.values()) if (list.name === name) return list;
		return undefined;
	}

	/** Primary emails first, then alternate emails, as SendGrid's search by emails does. */
	findByEmail(email: string): StoredContact | undefined {
		const id = this.index.email.get(email) ?? this.alternateEmailIndex.get(email);
		return id === undefined ? undefined : this.contacts.get(id);
	}

	/** Deletes a contact by id with its identifiers and list memberships; false when there is none. */
	deleteById(id: string): boolean {
		const contact = this.contacts.get(id);
		if (!contact) return false;
		for (const kind of IDENTIFIER_KINDS) {
			const value = contact.identifiers[kind];
			if (value !== undefined && this.index[kind].get(value) === id) this.index[kind].delete(value);
		}
		for (const alt of contact.alternate_emails) if (this.alternateEmailIndex.get(alt) === id) this.alternateEmailIndex.delete(alt);
		for (const listId of contact.list_ids) this.lists.get(listId)?.members.delete(id);
		this.contacts.delete(id);
		return true;
	}

	/**
	 * Creates or updates one contact. An update needs every identifier the contact already has,
	 * with the same value (SendGrid: "all of its existing identifiers must be present").
	 */
	upsert(input: ContactInput, listIds: string[], now: string, requireAllIdentifiers: boolean): UpsertOutcome {
		const matched = new Set<string>();
		for (const kind of IDENTIFIER_KINDS) {
			const value = input.identifiers[kind];
			const id = value === undefined ? undefined : this.index[kind].get(value);
			if (id !== undefined) matched.add(id);
		}
		if (matched.size > 1) return { kind: 'error', message: 'identifiers match more than one existing contact' };

		const existing = matched.size === 1 ? this.contacts.get([...matched][0]) : undefined;
		if (existing && requireAllIdentifiers) {
			for (const kind of IDENTIFIER_KINDS) {
				const had = existing.identifiers[kind];
				if (had !== undefined && input.identifiers[kind] !== had) {
					return { kind: 'error', message: `all existing identifiers must be present: ${kind} missing or different` };
				}
			}
		}
		const contact: StoredContact = existing ?? {
			id: randomUUID(),
			identifiers: {},
			alternate_emails: [],
			fields: {},
			custom_fields: {},
			list_ids: new Set(),
			created_at: now,
			updated_at: now,
		};
		for (const kind of IDENTIFIER_KINDS) {
			const value = input.identifiers[kind];
			if (value === undefined) continue;
			const previous = contact.identifiers[kind];
			if (previous !== undefined && previous !== value) this.index[kind].delete(previous);
			contact.identifiers[kind] = value;
			this.index[kind].set(value, contact.id);
		}
		if (input.alternate_emails) {
			for (const old of contact.alternate_emails) {
				if (this.alternateEmailIndex.get(old) === contact.id) this.alternateEmailIndex.delete(old);
			}
			contact.alternate_emails = input.alternate_emails;
			for (const alt of input.alternate_emails) this.alternateEmailIndex.set(alt, contact.id);
		}
		Object.assign(contact.fields, input.fields);
		Object.assign(contact.custom_fields, input.custom_fields);
		for (const listId of listIds) {
			const list = this.lists.get(listId);
			if (!list) continue; // deleted between request and processing
			list.members.add(contact.id);
			contact.list_ids.add(listId);
		}
		contact.updated_at = now;
		if (existing) return { kind: 'updated', id: contact.id };
		this.contacts.set(contact.id, contact);
		return { kind: 'created', id: contact.id };
	}
}
