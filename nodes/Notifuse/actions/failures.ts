import type { ChunkVerdict, HttpResponse } from '../../shared/types';
import { verdictForError } from '../../shared/verdicts';
import { isAccessProblem, providerError } from '../transport';

export const LIST_NOT_FOUND = 'LIST_NOT_FOUND';

/**
 * A non-2xx Notifuse answer. Workspace and permission problems arrive as 500 or 400, so the generic
 * rules would retry them or fail one chunk at a time; they stop the run instead.
 */
export function verdictForFailedCall(response: HttpResponse): ChunkVerdict {
	const error = providerError(response);
	if (response.status === 404 && error.message.startsWith('List not found')) {
		return { kind: 'all', outcome: { status: 'failed', errorCode: LIST_NOT_FOUND, errorMessage: error.message } };
	}
	if (isAccessProblem(error) || response.status === 401) {
		return {
			kind: 'abort',
			outcome: { status: 'failed', errorCode: response.status === 401 ? 'UNAUTHORIZED' : 'WORKSPACE_ACCESS', errorMessage: error.message },
		};
	}
	return verdictForError(response, error);
}
