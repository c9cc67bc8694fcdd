import { NodeOperationError, type IDataObject, type IExecuteFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';

import { joinUrl } from '../../shared/http';
import { redactSecrets } from '../../shared/redact';
import type { CustomFieldIndex } from '../contact';
import { fieldDefinitions, listsPage, type CustomFieldType } from '../schemas';
import { CREDENTIAL_TYPE, sendGridTransport } from '../transport';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/** A GET outside the bulk engine (editor methods, the one definitions read per run); throws SendGrid's message. */
async function getJson(ctx: Context, pathOrUrl: string, qs: IDataObject = {}): Promise<unknown> {
	const transport = sendGridTransport(await ctx.getCredentials(CREDENTIAL_TYPE));
	try {
		return await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
			method: 'GET',
			url: joinUrl(transport.baseUrl, pathOrUrl),
			qs,
			json: true,
		});
	} catch (error) {
		const data = (error as { cause?: { response?: { data?: { errors?: Array<{ message?: unknown }> } } } }).cause?.response?.data;
		const first = data?.errors?.[0]?.message;
		const message = typeof first === 'string' ? first : (error as Error).message;
		throw new NodeOperationError(ctx.getNode(), `SendGrid: ${redactSecrets(message, transport.secrets ?? [])}`);
	}
}

export interface CustomFieldDefinition {
	id: string;
	name: string;
	type: CustomFieldType;
}

export async function fetchCustomFields(ctx: Context): Promise<CustomFieldDefinition[]> {
	const parsed = fieldDefinitions.safeParse(await getJson(ctx, '/v3/marketing/field_definitions'));
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
		const parsed = listsPage.safeParse(await getJson(ctx, next));
		if (!parsed.success) throw new NodeOperationError(ctx.getNode(), 'SendGrid answered GET /v3/marketing/lists with an unexpected body');
		lists.push(...parsed.data.result.map((list) => ({ id: list.id, name: list.name, count: list.contact_count })));
		next = parsed.data._metadata?.next;
	}
	return lists;
}
