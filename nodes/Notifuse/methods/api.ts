import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions } from 'n8n-workflow';

import { jsonGet, type NodeContext } from '../../shared/read';
import { listsAnswer, workspaceAnswer } from '../schemas';
import { notifuseTarget, notifuseTransport, providerError } from '../transport';

const getJson = jsonGet({ provider: 'Notifuse', transport: notifuseTransport, describe: (response) => providerError(response).message });

/** Editor methods read the workspace the node names, or the credential's. */
async function get(ctx: ILoadOptionsFunctions, path: string, qs: (workspaceId: string) => IDataObject): Promise<unknown> {
	const { workspaceId } = await notifuseTarget(ctx, ctx.getNodeParameter('workspaceId', '') as string);
	return await getJson(ctx, { url: path, qs: qs(workspaceId) });
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

/** The workspace's custom field labels, read by a run (auto-map matches item keys to them). */
export async function workspaceFieldLabels(ctx: NodeContext, workspaceId: string): Promise<Record<string, string>> {
	const parsed = workspaceAnswer.safeParse(await getJson(ctx, { url: '/api/workspaces.get', qs: { id: workspaceId } }));
	if (!parsed.success) throw new NodeOperationError(ctx.getNode(), 'Notifuse answered workspaces.get with an unexpected body');
	return parsed.data.workspace.settings?.custom_field_labels ?? {};
}
