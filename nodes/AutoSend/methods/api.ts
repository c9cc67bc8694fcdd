import { NodeOperationError } from 'n8n-workflow';

import { jsonGet, type NodeContext } from '../../shared/read';
import type { HttpResponse } from '../../shared/types';
import { toCustomFieldType } from '../fields';
import { customFieldsAnswer, listsAnswer, type CustomFieldType } from '../schemas';
import { autoSendTransport, providerError } from '../transport';

type Context = NodeContext;

/** 401: no or a wrong key (an account key, ASA_…, also needs the project); 403: a key that cannot read this project. */
function accessAdvice(response: HttpResponse): string | undefined {
	if (response.status === 401) {
		return 'Open the AutoSend credential and paste a valid AutoSend API key; an account key (ASA_…) also needs the Project ID.';
	}
	if (response.status === 403) return 'Check the Project ID in the AutoSend credential, or use an API key of that project.';
	return undefined;
}

const getJson = jsonGet({ provider: 'AutoSend', transport: autoSendTransport, describe: (response) => providerError(response).message, accessAdvice });

export interface CustomFieldDefinition {
	name: string;
	type: CustomFieldType;
}

export async function fetchCustomFields(ctx: Context): Promise<CustomFieldDefinition[]> {
	const body = await getJson(ctx, { url: '/custom-fields', qs: { includeReservedFields: false } });
	const parsed = customFieldsAnswer.safeParse(body);
	if (!parsed.success) throw new NodeOperationError(ctx.getNode(), 'AutoSend answered GET /custom-fields with an unexpected body');
	return parsed.data.data.customFields
		.filter((field) => field.isReserved !== true)
		.map((field) => ({ name: field.fieldName, type: toCustomFieldType(field.fieldType) }));
}

export interface ContactListSummary {
	id: string;
	name: string;
}

/** Lists only: contacts cannot be added to segments. */
export async function fetchLists(ctx: Context): Promise<ContactListSummary[]> {
	const body = await getJson(ctx, { url: '/contact-lists', qs: { type: 'list' } });
	const parsed = listsAnswer.safeParse(body);
	if (!parsed.success) throw new NodeOperationError(ctx.getNode(), 'AutoSend answered GET /contact-lists with an unexpected body');
	const lists = parsed.data.data.lists ?? parsed.data.data.contacts ?? [];
	return lists.filter((list) => list.type === undefined || list.type === 'list').map((list) => ({ id: list.id, name: list.name ?? list.id }));
}
