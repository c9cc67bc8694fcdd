import { NodeOperationError, type IDataObject, type IExecuteFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';

import { readJson } from '../../shared/read';
import { customFieldsAnswer, listsAnswer, type CustomFieldType } from '../schemas';
import { autoSendTransport, providerError } from '../transport';
import { toCustomFieldType } from '../fields';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/** A GET outside the bulk engine (editor methods, one definitions read per run); throws AutoSend's message. */
async function getJson(ctx: Context, path: string, qs: IDataObject): Promise<unknown> {
	return await readJson(ctx, await autoSendTransport(ctx), { url: path, qs }, (response) => providerError(response).message, 'AutoSend');
}

export interface CustomFieldDefinition {
	name: string;
	type: CustomFieldType;
}

export async function fetchCustomFields(ctx: Context): Promise<CustomFieldDefinition[]> {
	const body = await getJson(ctx, '/custom-fields', { includeReservedFields: false });
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
	const body = await getJson(ctx, '/contact-lists', { type: 'list' });
	const parsed = listsAnswer.safeParse(body);
	if (!parsed.success) throw new NodeOperationError(ctx.getNode(), 'AutoSend answered GET /contact-lists with an unexpected body');
	const lists = parsed.data.data.lists ?? parsed.data.data.contacts ?? [];
	return lists.filter((list) => list.type === undefined || list.type === 'list').map((list) => ({ id: list.id, name: list.name ?? list.id }));
}
