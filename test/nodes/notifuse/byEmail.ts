import type { INodeParameters } from 'n8n-workflow';

import { DEFAULTS, type NotifuseTestbed } from './setup';

/** Get / Delete parameters (the harness fills no defaults). */
export function byEmailParams(operation: 'get' | 'delete', options: Record<string, unknown> = {}): INodeParameters {
	return { resource: 'contact', operation, workspaceId: '', email: '={{ $json.email }}', options: options as INodeParameters };
}

/** Stores every other contact of `people(count)`, with a list membership, so runs meet found and not_found alike. */
export function storeEven(bed: NotifuseTestbed, count: number, prefix = 'person') {
	const workspace = bed.emulator.store.workspaces.get(DEFAULTS.workspace.id)!;
	const now = Date.now();
	for (let i = 0; i < count; i += 2) {
		const email = `${prefix}-${i}@example.com`;
		workspace.upsertContact({ email, values: new Map([['first_name', `F${i}`]]) }, now);
		workspace.setMembership(email, DEFAULTS.lists.newsletter.id, 'active', now);
	}
	return workspace;
}
