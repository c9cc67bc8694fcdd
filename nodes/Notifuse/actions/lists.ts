import type { HttpClient, HttpResponse } from '../../shared/types';
import { isSuccess } from '../../shared/verdicts';
import { listsAnswer } from '../schemas';

function answer(status: number, error: string): HttpResponse {
	return { status, headers: {}, body: { error }, malformed: false };
}

/**
 * Notifuse's import silently accepts list ids that do not exist (there is no foreign key), so the
 * lists are checked once before the first chunk goes out. Resolves to undefined when all exist, or to
 * the answer that stands in for every chunk's: the failing lists.list answer, or a local 404.
 */
export function listPrecheck(workspaceId: string, listIds: readonly string[]): (http: HttpClient) => Promise<HttpResponse | undefined> {
	let pending: Promise<HttpResponse | undefined> | undefined;
	const check = async (http: HttpClient): Promise<HttpResponse | undefined> => {
		const response = await http.sendWithRetry({ method: 'GET', url: '/api/lists.list', qs: { workspace_id: workspaceId } });
		if (!isSuccess(response) || response.malformed) return response;
		const parsed = listsAnswer.safeParse(response.body);
		if (!parsed.success) return answer(502, 'Notifuse answered lists.list with an unexpected body');
		const known = new Set((parsed.data.lists ?? []).map((list) => list.id));
		const missing = listIds.filter((id) => !known.has(id));
		if (missing.length === 0) return undefined;
		return answer(404, `List not found in workspace ${workspaceId}: ${missing.join(', ')}`);
	};
	return async (http) => {
		if (listIds.length === 0) return undefined;
		pending ??= check(http);
		return await pending;
	};
}

/** Ids from a multi-select or an expression (array or comma-separated text), de-duplicated. */
export function readIdList(value: unknown): string[] {
	const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return [...new Set(raw.map((id) => String(id).trim()).filter((id) => id !== ''))];
}
