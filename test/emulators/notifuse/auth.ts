import type { EmuRequest, EmuResponse } from '../common';

import { errorResponse } from './errors';
import type { NotifuseStore, Permissions, User, Workspace } from './store';

/**
 * The auth middleware: `Authorization` must split on single spaces into exactly `Bearer <token>`
 * (case-sensitive). Real tokens are HS256 JWTs; here a token is valid when it is a known key, and
 * unknown ones fail with the message golang-jwt gives for their shape.
 */
export function authenticate(req: EmuRequest, store: NotifuseStore): User | EmuResponse {
	const header = req.headers.authorization;
	if (header === undefined || header === '') return errorResponse(401, 'Authorization header is required');
	const parts = header.split(' ');
	if (parts.length !== 2 || parts[0] !== 'Bearer') return errorResponse(401, 'Invalid authorization header format');
	const user = store.users.get(parts[1]);
	if (user) return user;
	if (parts[1].split('.').length !== 3) {
		return errorResponse(401, 'Invalid token: token is malformed: token contained an invalid number of segments');
	}
	return errorResponse(401, 'Invalid token: token signature is invalid: signature is invalid');
}

export function isResponse(value: unknown): value is EmuResponse {
	return typeof value === 'object' && value !== null && 'status' in value && typeof (value as EmuResponse).status === 'number';
}

export type WorkspaceAccess = { workspace: Workspace; permissions: Permissions } | { error: string };

/** The service-level check every workspace call starts with (its failure status varies by endpoint). */
export function workspaceAccess(store: NotifuseStore, user: User, workspaceId: string): WorkspaceAccess {
	const workspace = store.workspaces.get(workspaceId);
	if (!workspace) return { error: `failed to authenticate user: workspace not found: ${workspaceId}` };
	const permissions = user.memberships.get(workspaceId);
	if (!permissions) return { error: 'failed to authenticate user: user is not a member of the workspace' };
	return { workspace, permissions };
}

export const NEED_CONTACTS_WRITE = 'Insufficient permissions: write access to contacts required';
export const NEED_CONTACTS_READ = 'Insufficient permissions: read access to contacts required';
export const NEED_LISTS_WRITE = 'Insufficient permissions: write access to lists required';
export const NEED_LISTS_READ = 'Insufficient permissions: read access to lists required';
