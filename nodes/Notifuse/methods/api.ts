import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions } from 'n8n-workflow';

import { joinUrl } from '../../shared/http';
import { redactSecrets } from '../../shared/redact';
import { listsAnswer, workspaceAnswer } from '../schemas';
import { CREDENTIAL_TYPE, notifuseTarget } from '../transport';

/** GET for editor methods (no engine run here): answers the parsed body or throws the Notifuse message. */
async function get(ctx: ILoadOptionsFunctions, path: string, qs: (workspaceId: string) => IDataObject): Promise<unknown> {
	const target = await notifuseTarget(ctx, ctx.getNodeParameter('workspaceId', '') as string);
	try {
		return await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
			method: 'GET',
			url: joinUrl(target.transport.baseUrl, path),
			qs: qs(target.workspaceId),
			json: true,
		});
	} catch (error) {
		const body = (error as { cause?: { response?: { data?: { error?: unknown } } } }).cause?.response?.data;
		const message = typeof body?.error === 'string' ? body.error : (error as Error).message;
		throw new NodeOperationError(ctx.getNode(), `Notifuse: ${redactSecrets(String(message), target.transport.secrets ?? [])}`);
	}
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
