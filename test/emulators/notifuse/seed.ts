import { parseContact } from './contactParser';
import { DEFAULTS } from './defaults';
import { CUSTOM_FIELD_SLOTS } from './fields';
import {
	FULL_PERMISSIONS,
	MEMBERSHIP_STATUSES,
	NotifuseStore,
	type MembershipStatus,
	type Permissions,
	type Workspace,
} from './store';

const READ_ONLY: Permissions = { contacts: { read: true, write: false }, lists: { read: true, write: false } };
const NO_LISTS_WRITE: Permissions = { contacts: { read: true, write: true }, lists: { read: true, write: false } };

/** A fresh store holding the default fixtures (see DEFAULTS). */
export function defaultStore(apiKey: string): NotifuseStore {
	const store = new NotifuseStore();
	const demo = store.addWorkspace(DEFAULTS.workspace.id, DEFAULTS.workspace.name);
	demo.customFieldLabels = { ...DEFAULTS.customFieldLabels };
	store.addWorkspace(DEFAULTS.foreignWorkspace.id, DEFAULTS.foreignWorkspace.name);
	const { newsletter, customers, updates } = DEFAULTS.lists;
	store.addList(demo, { ...newsletter, isDoubleOptin: false, isPublic: true, description: 'Monthly news' });
	store.addList(demo, { ...customers, isDoubleOptin: false, isPublic: false, description: 'Paying customers' });
	store.addList(demo, { ...updates, isDoubleOptin: true, isPublic: true, description: 'Double opt-in list' });
	const { user } = DEFAULTS;
	store.addUser({ ...user, apiKey, memberships: new Map([[demo.id, FULL_PERMISSIONS]]) });
	const limited: Array<[string, string, Permissions]> = [
		['user_readonly', DEFAULTS.limitedKeys.readOnly, READ_ONLY],
		['user_no_lists', DEFAULTS.limitedKeys.noListsWrite, NO_LISTS_WRITE],
	];
	for (const [id, key, permissions] of limited) {
		store.addUser({ id, email: `${id}@emulator.notifuse.local`, name: id, apiKey: key, memberships: new Map([[demo.id, permissions]]) });
	}
	return store;
}

type Json = Record<string, unknown>;

const asArray = (value: unknown): Json[] =>
	Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null) : [];

function access(value: unknown): { read: boolean; write: boolean } {
	const v = (value ?? {}) as Json;
	return { read: v.read !== false, write: v.write !== false };
}

/** `{contacts:{read,write}, lists:{read,write}}`, anything omitted granted. */
function permissions(value: unknown): Permissions {
	const v = (value ?? {}) as Json;
	return { contacts: access(v.contacts), lists: access(v.lists) };
}

/**
 * POST /__emulator/seed. Accepts any of:
 * `workspaces:[{id,name?,custom_field_labels?}]`, `lists:[{workspace_id?,id,name?,is_double_optin?,...}]`,
 * `users:[{api_key,id?,email?,workspaces?:string[],permissions?}]`, `contacts:[{workspace_id?,email,...,lists?:{id:status}}]`,
 * `memberships:[{workspace_id?,email,list_id,status}]`, `custom_field_labels:{slot:label}` (ws_demo).
 * workspace_id defaults to ws_demo. Returns what was added plus the entries it refused.
 */
export function applySeed(store: NotifuseStore, body: unknown) {
	const input = (typeof body === 'object' && body !== null ? body : {}) as Json;
	const added = { workspaces: [] as string[], lists: [] as string[], users: [] as string[], contacts: 0, memberships: 0 };
	const rejected: string[] = [];
	const now = Date.now();
	const workspaceOf = (entry: Json): Workspace | undefined => {
		const id = typeof entry.workspace_id === 'string' ? entry.workspace_id : DEFAULTS.workspace.id;
		const workspace = store.workspaces.get(id);
		if (!workspace) rejected.push(`unknown workspace ${id}`);
		return workspace;
	};
	const setLabels = (workspace: Workspace, labels: unknown) => {
		for (const [slot, label] of Object.entries((labels ?? {}) as Json)) {
			if (!CUSTOM_FIELD_SLOTS.includes(slot) || typeof label !== 'string' || label.length < 1 || label.length > 100) {
				rejected.push(`custom_field_labels.${slot}`);
			} else workspace.customFieldLabels[slot] = label;
		}
	};

	for (const w of asArray(input.workspaces)) {
		if (typeof w.id !== 'string' || !w.id) {
			rejected.push('workspace without id');
			continue;
		}
		const workspace = store.workspaces.get(w.id) ?? store.addWorkspace(w.id, typeof w.name === 'string' ? w.name : w.id);
		setLabels(workspace, w.custom_field_labels);
		added.workspaces.push(w.id);
	}
	if (input.custom_field_labels) setLabels(store.workspaces.get(DEFAULTS.workspace.id)!, input.custom_field_labels);

	for (const l of asArray(input.lists)) {
		const workspace = workspaceOf(l);
		if (!workspace) continue;
		if (typeof l.id !== 'string' || !/^[a-zA-Z0-9]{1,32}$/.test(l.id)) {
			rejected.push(`list id ${String(l.id)}`);
			continue;
		}
		store.addList(workspace, {
			id: l.id,
			name: typeof l.name === 'string' ? l.name : l.id,
			isDoubleOptin: l.is_double_optin === true,
			isPublic: l.is_public === true,
			description: typeof l.description === 'string' ? l.description : '',
		});
		added.lists.push(l.id);
	}

	for (const u of asArray(input.users)) {
		if (typeof u.api_key !== 'string' || !u.api_key) {
			rejected.push('user without api_key');
			continue;
		}
		const id = typeof u.id === 'string' ? u.id : `user_${store.users.size + 1}`;
		const workspaces = Array.isArray(u.workspaces) ? u.workspaces.map(String) : [DEFAULTS.workspace.id];
		const granted = permissions(u.permissions);
		store.addUser({
			id,
			email: typeof u.email === 'string' ? u.email : `${id}@emulator.notifuse.local`,
			name: typeof u.name === 'string' ? u.name : id,
			apiKey: u.api_key,
			memberships: new Map(workspaces.map((w) => [w, granted])),
		});
		added.users.push(u.api_key);
	}

	const addMembership = (workspace: Workspace, email: string, listId: unknown, status: unknown) => {
		if (typeof listId !== 'string' || !MEMBERSHIP_STATUSES.includes(status as MembershipStatus)) {
			rejected.push(`membership ${email}/${String(listId)}`);
			return;
		}
		workspace.setMembership(email, listId, status as MembershipStatus, now);
		added.memberships++;
	};

	for (const c of asArray(input.contacts)) {
		const workspace = workspaceOf(c);
		if (!workspace) continue;
		const parsed = parseContact(c);
		if (!parsed.ok) {
			rejected.push(`contact ${String(c.email)}: ${parsed.error}`);
			continue;
		}
		workspace.upsertContact(parsed.contact, now);
		added.contacts++;
		for (const [listId, status] of Object.entries((c.lists ?? {}) as Json)) {
			addMembership(workspace, parsed.contact.email, listId, status);
		}
	}

	for (const m of asArray(input.memberships)) {
		const workspace = workspaceOf(m);
		if (!workspace || typeof m.email !== 'string') continue;
		addMembership(workspace, m.email.trim().toLowerCase(), m.list_id, m.status);
	}

	return { added, rejected };
}
