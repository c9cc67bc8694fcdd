import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions } from 'n8n-workflow';

import { jsonGet, type NodeContext, type ReadRequest } from '../../shared/read';
import type { HttpResponse } from '../../shared/types';
import { listsAnswer, workspaceAnswer } from '../schemas';
import { isAccessProblem, notifuseTarget, notifuseTransport, providerError } from '../transport';

// Notifuse has no 403: a workspace the key's user cannot read is a 500 "Failed to get lists" / "Failed to
// get workspace" (internal/http/list_handler.go, workspace_handler.go) or a 404 "Workspace not found".
const WORKSPACE_READ_FAILED = /^(Failed to get lists|Failed to get workspace|Workspace not found)$/;

function accessAdvice(response: HttpResponse, request: ReadRequest): string | undefined {
	if (response.status === 401) return 'Open the Notifuse credential and paste a valid Notifuse API key.';
	const error = providerError(response);
	if (!WORKSPACE_READ_FAILED.test(error.message) && !isAccessProblem(error)) return undefined;
	const workspaceId = String(request.qs?.workspace_id ?? request.qs?.id ?? '');
	return `Notifuse answers this when the API key's user is not a member of the workspace "${workspaceId}" or may not read it: check the Workspace ID (in the node or the credential) and the key's permissions in Notifuse.`;
}

const getJson = jsonGet({ provider: 'Notifuse', transport: notifuseTransport, describe: (response) => providerError(response).message, accessAdvice });

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
