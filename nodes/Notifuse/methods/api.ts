import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions } from 'n8n-workflow';

import { readJson } from '../../shared/read';
import { listsAnswer, workspaceAnswer } from '../schemas';
import { notifuseTarget, providerError } from '../transport';

/** GET for editor methods (no engine run here): answers the parsed body or throws the Notifuse message. */
async function get(ctx: ILoadOptionsFunctions, path: string, qs: (workspaceId: string) => IDataObject): Promise<unknown> {
	const target = await notifuseTarget(ctx, ctx.getNodeParameter('workspaceId', '') as string);
	return await readJson(ctx, target.transport, { url: path, qs: qs(target.workspaceId) }, (response) => providerError(response).message, 'Notifuse');
}

export async function fetchLists(ctx: ILoadOptionsFunctions): Promise<Array<{ id: string; name?: string }>> {
	const body = await get(ctx, '/api/lists.list', (workspaceId) => ({ workspace_id: workspaceId }));
	const parsed = listsAnswer.safeParse(body);
	if (!parsed.success) throw new NodeOperationError(ctx.getNode(), 'Notifuse answered lists.list with an unexpected body');
	return parsed.data.lists ?? [];
}

export async function fetchCustomFieldLabels(ctx: ILoadOptionsFunctions): Promise<Record<string, string>> {
	const body = await get(ctx, '/api/workspaces.get', (workspaceId) => ({ id: workspaceId }));
	const parsed = workspaceAnswer.safeParse(body);
	if (!parsed.success) throw new NodeOperationError(ctx.getNode(), 'Notifuse answered workspaces.get with an unexpected body');
	return parsed.data.workspace.settings?.custom_field_labels ?? {};
}
