import type { ChunkVerdict, HttpClient, HttpResponse, PrecheckFailure } from '../../shared/types';
import { isSuccess, verdictForUnreadable } from '../../shared/verdicts';
import { listsAnswer } from '../schemas';

import { LIST_NOT_FOUND, verdictForFailedCall } from './failures';

interface ListCheck {
	failure?: PrecheckFailure;
	/** A definite answer (the lists exist, or they or the workspace do not) is kept for the whole run. */
	final: boolean;
}

function notFound(answer: HttpResponse, errorMessage: string): ListCheck {
	return { final: true, failure: { answer, verdict: { kind: 'all', outcome: { status: 'failed', errorCode: LIST_NOT_FOUND, errorMessage } } } };
}

/** Notifuse answers 404 only for what is missing, which a second look will not find either. */
function failed(answer: HttpResponse, verdict: ChunkVerdict): ListCheck {
	return { final: answer.status === 404, failure: { answer, verdict } };
}

/**
 * lists.list answers every service failure, a wrong workspace included, with 500 "Failed to get lists".
 * workspaces.get tells a missing workspace apart (404), so the run can stop instead of retrying.
 */
async function explainListsFailure(http: HttpClient, workspaceId: string, answer: HttpResponse): Promise<ListCheck> {
	if (answer.status >= 500) {
		const probe = await http.send({ method: 'GET', url: '/api/workspaces.get', qs: { id: workspaceId } });
		if (probe.status === 404) {
			const errorMessage = `failed to authenticate user: workspace not found: ${workspaceId}`;
			return { final: true, failure: { answer, verdict: { kind: 'abort', outcome: { status: 'failed', errorCode: 'WORKSPACE_ACCESS', errorMessage } } } };
		}
	}
	return failed(answer, verdictForFailedCall(answer));
}

async function checkLists(http: HttpClient, workspaceId: string, listIds: readonly string[]): Promise<ListCheck> {
	const answer = await http.send({ method: 'GET', url: '/api/lists.list', qs: { workspace_id: workspaceId } });
	if (answer.malformed) return failed(answer, isSuccess(answer) ? verdictForUnreadable(answer) : verdictForFailedCall(answer));
	if (!isSuccess(answer)) return await explainListsFailure(http, workspaceId, answer);
	const parsed = listsAnswer.safeParse(answer.body);
	if (!parsed.success) {
		return failed(answer, { kind: 'retry', reason: 'Notifuse answered lists.list with an unexpected body', processed: false });
	}
	const known = new Set((parsed.data.lists ?? []).map((list) => list.id));
	const missing = listIds.filter((id) => !known.has(id));
	if (missing.length === 0) return { final: true };
	return notFound(answer, `List not found in workspace ${workspaceId}: ${missing.join(', ')}`);
}

/**
 * Notifuse's import silently accepts list ids that do not exist (there is no foreign key), so the
 * lists are checked before the first chunk goes out. Only a definite result is kept; after any other
 * failure the engine's retry of the chunk checks again.
 */
export function listPrecheck(workspaceId: string, listIds: readonly string[]): (http: HttpClient) => Promise<PrecheckFailure | undefined> {
	let kept: Promise<ListCheck> | undefined;
	return async (http) => {
		if (listIds.length === 0) return undefined;
		const current = (kept ??= checkLists(http, workspaceId, listIds));
		const result = await current.catch((error: unknown) => {
			if (kept === current) kept = undefined;
			throw error;
		});
		if (!result.final && kept === current) kept = undefined;
		return result.failure;
	};
}
