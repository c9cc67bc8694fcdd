import { NodeOperationError } from 'n8n-workflow';

import { jsonGet, type NodeContext } from '../../shared/read';
import type { HttpResponse } from '../../shared/types';
import type { CustomFieldIndex } from '../contact';
import { fieldDefinitions, listsPage, type CustomFieldType } from '../schemas';
import { providerError, sendGridTransport } from '../transport';

type Context = NodeContext;

/** A 401 is a wrong, revoked or mistyped key; a 403 on /v3/marketing/* a key without Marketing access (SendGrid API key permissions). */
function accessAdvice(response: HttpResponse): string | undefined {
	if (response.status === 401) return 'Open the SendGrid credential and paste a valid SendGrid API key (SendGrid: Settings → API Keys).';
	if (response.status === 403) {
		return 'The API key needs Marketing access: give it Full Access, or Restricted Access with Marketing read and write, in SendGrid under Settings → API Keys.';
	}
	return undefined;
}

const getJson = jsonGet({ provider: 'SendGrid', transport: sendGridTransport, describe: (response) => providerError(response).message, accessAdvice });

/**
 * SendGrid's page links are absolute URLs on its own host; only their path and query are used, on
 * the configured base URL, so the key is never sent to an address the answer names.
 */
function pagePath(link: string): string {
	if (!/^https?:\/\//i.test(link)) return link;
	const url = new URL(link);
	return `${url.pathname}${url.search}`;
}

export interface CustomFieldDefinition {
	id: string;
	name: string;
	type: CustomFieldType;
}

export async function fetchCustomFields(ctx: Context): Promise<CustomFieldDefinition[]> {
	const parsed = fieldDefinitions.safeParse(await getJson(ctx, { url: '/v3/marketing/field_definitions', qs: {} }));
	if (!parsed.success) {
		throw new NodeOperationError(ctx.getNode(), 'SendGrid answered GET /v3/marketing/field_definitions with an unexpected body');
	}
	return parsed.data.custom_fields.map((field) => ({ id: field.id, name: field.name, type: field.field_type }));
}

export async function customFieldIndex(ctx: Context): Promise<CustomFieldIndex> {
	return new Map((await fetchCustomFields(ctx)).map((field) => [field.name, { id: field.id, type: field.type }]));
}

const MAX_LIST_PAGES = 20;

/** All contact lists, following the page links (1,000 per page). */
export async function fetchLists(ctx: Context): Promise<Array<{ id: string; name: string; count?: number }>> {
	const lists: Array<{ id: string; name: string; count?: number }> = [];
	let next: string | undefined = '/v3/marketing/lists?page_size=1000';
	for (let page = 0; next && page < MAX_LIST_PAGES; page++) {
		const parsed = listsPage.safeParse(await getJson(ctx, { url: next, qs: {} }));
		if (!parsed.success) throw new NodeOperationError(ctx.getNode(), 'SendGrid answered GET /v3/marketing/lists with an unexpected body');
		lists.push(...parsed.data.result.map((list) => ({ id: list.id, name: list.name, count: list.contact_count })));
		const link = parsed.data._metadata?.next;
		next = link ? pagePath(link) : undefined;
	}
	return lists;
}
