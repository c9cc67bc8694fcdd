import type { INodeParameters } from 'n8n-workflow';

import type { SendGridTestbed } from './setup';

export function byEmailParams(operation: 'get' | 'delete', options: Record<string, unknown> = {}): INodeParameters {
	return { resource: 'contact', operation, email: '={{ $json.email }}', options: options as INodeParameters };
}

/** Stores every other contact of `people(count)` straight in the emulator, so runs meet found and not_found alike. */
export function storeEven(bed: SendGridTestbed, count: number, listIds: string[] = [], prefix = 'person') {
	const now = new Date().toISOString();
	for (let i = 0; i < count; i += 2) {
		bed.emulator.store.upsert({ index: i, identifiers: { email: `${prefix}-${i}@example.com` }, fields: { first_name: `F${i}` }, custom_fields: {} }, listIds, now, true);
	}
}
