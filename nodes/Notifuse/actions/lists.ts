import type { HttpClient, HttpResponse } from '../../shared/types';
import { isSuccess } from '../../shared/verdicts';
import { listsAnswer } from '../schemas';

function answer(status: number, error: string): HttpResponse {
	return { status, headers: {}, body: { error }, malformed: false };
}

/**
 * lists.list answers every service failure, a wrong workspace included, with 500 "Failed to get lists".
 * workspaces.get tells a missing workspace apart (404), so the run can stop instead of retrying.
 */
async function explainListsFailure(http: HttpClient, workspaceId: string, failed: HttpResponse): Promise<HttpResponse> {
	if (failed.status < 500) return failed;
	const probe = await http.send({ method: 'GET', url: '/api/workspaces.get', qs: { id: workspaceId } });
	if (probe.status === 404) return answer(404, `failed to authenticate user: workspace not found: ${workspaceId}`);
	return failed;
}

/**
 * Notifuse's import silently accepts list ids that do not exist (there is no foreign key), so the
 * lists are checked before the first chunk goes out. Resolves to undefined when all exist, or to the
 * answer that stands in for the chunk's: the failing lists.list answer, or a local 404. Only a
 * successful check is kept; after a failure the engine's retry of the chunk checks again.
 */
export function listPrecheck(workspaceId: string, listIds: readonly string[]): (http: HttpClient) => Promise<HttpResponse | undefined> {
	let passed: Promise<HttpResponse | undefined> | undefined;
	const check = async (http: HttpClient): Promise<HttpResponse | undefined> => {
		const response = await http.send({ method: 'GET', url: '/api/lists.list', qs: { workspace_id: workspaceId } });
		if (response.malformed) return response;
		if (!isSuccess(response)) return await explainListsFailure(http, workspaceId, response);
		const parsed = listsAnswer.safeParse(response.body);
		if (!parsed.success) return answer(502, 'Notifuse answered lists.list with an unexpected body');
		const known = new Set((parsed.data.lists ?? []).map((list) => list.id));
		const missing = listIds.filter((id) => !known.has(id));
		if (missing.length === 0) return undefined;
		return answer(404, `List not found in workspace ${workspaceId}: ${missing.join(', ')}`);
	};
	return async (http) => {
		if (listIds.length === 0) return undefined;
		const current = (passed ??= check(http));
		const result = await current.catch((error: unknown) => {
			if (passed === current) passed = undefined;
			throw error;
		});
		if (result !== undefined && result.status !== 404 && passed === current) passed = undefined;
		return result;
	};
}

/** Ids from a multi-select or an expression (array or comma-separated text), de-duplicated. */
export function readIdList(value: unknown): string[] {
	const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return [...new Set(raw.map((id) => String(id).trim()).filter((id) => id !== ''))];
}
