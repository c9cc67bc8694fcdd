import { CONTACT_FIELDS } from './fields';
import type { ContactList, StoredContact, User, Workspace } from './store';
import { formatTimestamp } from './text';

/** The contact JSON Notifuse returns: every column present, NULL as null. */
export function contactView(workspace: Workspace, contact: StoredContact, withLists: boolean) {
	const view: Record<string, unknown> = { email: contact.email };
	for (const field of CONTACT_FIELDS) view[field.name] = contact.values[field.name] ?? null;
	view.created_at = formatTimestamp(contact.createdAt);
	view.updated_at = formatTimestamp(contact.updatedAt);
	if (withLists) {
		const memberships = workspace.memberships.get(contact.email);
		view.contact_lists = memberships
			? [...memberships.values()].map((m) => ({
					email: contact.email,
					list_id: m.listId,
					list_name: workspace.lists.get(m.listId)?.name ?? '',
					status: m.status,
					created_at: formatTimestamp(m.createdAt),
					updated_at: formatTimestamp(m.updatedAt),
					deleted_at: m.deletedAt === undefined ? null : formatTimestamp(m.deletedAt),
				}))
			: [];
		view.contact_segments = [];
	}
	return view;
}

export function listView(list: ContactList) {
	return {
		id: list.id,
		name: list.name,
		is_double_optin: list.isDoubleOptin,
		is_public: list.isPublic,
		description: list.description,
		created_at: formatTimestamp(list.createdAt),
		updated_at: formatTimestamp(list.updatedAt),
	};
}

export function workspaceView(workspace: Workspace) {
	return {
		id: workspace.id,
		name: workspace.name,
		settings: {
			website_url: '',
			logo_url: null,
			cover_url: null,
			timezone: 'UTC',
			custom_field_labels: { ...workspace.customFieldLabels },
		},
		created_at: formatTimestamp(workspace.createdAt),
		updated_at: formatTimestamp(workspace.updatedAt),
	};
}

export function userView(user: User) {
	return { id: user.id, email: user.email, name: user.name, type: 'api_key', timezone: 'UTC' };
}
