import type { FieldValue, ParsedContact } from './contactParser';

export type MembershipStatus = 'active' | 'pending' | 'unsubscribed' | 'bounced' | 'complained';
export const MEMBERSHIP_STATUSES: MembershipStatus[] = ['active', 'pending', 'unsubscribed', 'bounced', 'complained'];

/** Statuses contacts.import leaves alone when it subscribes an existing member again. */
const STICKY_STATUSES = new Set<MembershipStatus>(['unsubscribed', 'bounced', 'complained']);

export interface Access {
	read: boolean;
	write: boolean;
}

export interface Permissions {
	contacts: Access;
	lists: Access;
}

export const FULL_PERMISSIONS: Permissions = {
	contacts: { read: true, write: true },
	lists: { read: true, write: true },
};

export interface User {
	id: string;
	email: string;
	name: string;
	apiKey: string;
	/** Workspace id → what this user may do there. */
	memberships: Map<string, Permissions>;
}

export interface ContactList {
	id: string;
	name: string;
	isDoubleOptin: boolean;
	isPublic: boolean;
	description: string;
	createdAt: number;
	updatedAt: number;
}

export interface Membership {
	listId: string;
	status: MembershipStatus;
	createdAt: number;
	updatedAt: number;
	deletedAt?: number;
}

export interface StoredContact {
	email: string;
	/** Only fields that hold a value; absent means NULL. */
	values: Record<string, FieldValue>;
	createdAt: number;
	updatedAt: number;
	/** Creation order inside the workspace, 1-based; also its index + 1 in `order`. */
	seq: number;
	/** Set by contacts.delete: the record stays in `order` (cursors index it) but is gone. */
	deleted?: boolean;
}

export class Workspace {
	readonly contacts = new Map<string, StoredContact>();
	/** Contacts in creation order, for cursor pagination without sorting 100k rows. */
	readonly order: StoredContact[] = [];
	readonly lists = new Map<string, ContactList>();
	/** email → list id → membership. */
	readonly memberships = new Map<string, Map<string, Membership>>();
	customFieldLabels: Record<string, string> = {};
	readonly createdAt = Date.now();
	updatedAt = Date.now();

	constructor(
		readonly id: string,
		public name: string,
	) {}

	/** contacts.import merge: a NULL (omitted or explicit null) never overwrites a stored value. */
	importContact(parsed: ParsedContact, now: number): 'create' | 'update' {
		const existing = this.contacts.get(parsed.email);
		if (!existing) {
			this.create(parsed, now);
			return 'create';
		}
		for (const [name, value] of parsed.values) if (value !== null) existing.values[name] = value;
		// The bulk SQL takes created_at from the incoming row too, so an update resets it.
		existing.createdAt = now;
		existing.updatedAt = now;
		return 'update';
	}

	/** contacts.upsert merge: omitted fields are kept, explicit null clears. */
	upsertContact(parsed: ParsedContact, now: number): 'create' | 'update' {
		const existing = this.contacts.get(parsed.email);
		if (!existing) {
			this.create(parsed, now);
			return 'create';
		}
		for (const [name, value] of parsed.values) {
			if (value === null) delete existing.values[name];
			else existing.values[name] = value;
		}
		existing.updatedAt = now;
		return 'update';
	}

	private create(parsed: ParsedContact, now: number) {
		const values: Record<string, FieldValue> = {};
		for (const [name, value] of parsed.values) if (value !== null) values[name] = value;
		const contact: StoredContact = { email: parsed.email, values, createdAt: now, updatedAt: now, seq: this.order.length + 1 };
		this.contacts.set(parsed.email, contact);
		this.order.push(contact);
	}

	/** contacts.delete: the contact and its list memberships are gone; false when there was none. */
	deleteContact(email: string): boolean {
		const contact = this.contacts.get(email);
		if (!contact) return false;
		contact.deleted = true;
		this.contacts.delete(email);
		this.memberships.delete(email);
		return true;
	}

	/** Bulk subscribe after import: always `active`, but never revive a sticky status. */
	importSubscribe(email: string, listIds: string[], now: number) {
		const lists = this.membershipsOf(email);
		for (const listId of listIds) {
			const current = lists.get(listId);
			if (!current) {
				lists.set(listId, { listId, status: 'active', createdAt: now, updatedAt: now });
			} else if (!STICKY_STATUSES.has(current.status)) {
				current.status = 'active';
				current.deletedAt = undefined;
				current.updatedAt = now;
			}
		}
	}

	/** Explicit subscription (lists.subscribe): pending on double opt-in lists, active otherwise. */
	subscribe(email: string, listIds: string[], now: number) {
		const lists = this.membershipsOf(email);
		for (const listId of listIds) {
			const status: MembershipStatus = this.lists.get(listId)?.isDoubleOptin ? 'pending' : 'active';
			const current = lists.get(listId);
			if (!current) lists.set(listId, { listId, status, createdAt: now, updatedAt: now });
			else Object.assign(current, { status, deletedAt: undefined, updatedAt: now });
		}
	}

	setMembership(email: string, listId: string, status: MembershipStatus, now: number) {
		this.membershipsOf(email).set(listId, { listId, status, createdAt: now, updatedAt: now });
	}

	private membershipsOf(email: string) {
		let lists = this.memberships.get(email);
		if (!lists) {
			lists = new Map();
			this.memberships.set(email, lists);
		}
		return lists;
	}
}

export class NotifuseStore {
	readonly workspaces = new Map<string, Workspace>();
	/** API key → user. */
	readonly users = new Map<string, User>();

	addWorkspace(id: string, name: string): Workspace {
		const workspace = new Workspace(id, name);
		this.workspaces.set(id, workspace);
		return workspace;
	}

	addList(workspace: Workspace, list: Omit<ContactList, 'createdAt' | 'updatedAt'>, now = Date.now()) {
		workspace.lists.set(list.id, { ...list, createdAt: now, updatedAt: now });
	}

	addUser(user: User) {
		this.users.set(user.apiKey, user);
	}
}
