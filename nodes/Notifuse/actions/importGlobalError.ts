import type { ChunkVerdict, ContactOutcome } from '../../shared/types';
import type { ImportOperation } from '../schemas';
import { isAccessProblem } from '../transport';

/** Provider text is copied into every affected item; a runaway message must not multiply into megabytes. */
const MAX_MESSAGE = 500;

export function clip(text: string): string {
	return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}… (${text.length - MAX_MESSAGE} more characters)` : text;
}

/**
 * A 200 answer with a top-level `error`, which the OpenAPI spec describes as "Global error message if
 * the entire operation failed". Notifuse's own service sets it only before touching any contact (auth,
 * permissions; then the handler answers 500), so an `operations` entry next to it contradicts it:
 * a reported create/update is neither a success nor a failure the node can vouch for.
 */
export function verdictForGlobalError(paired: Array<ImportOperation | undefined>, message: string, subscribing: boolean): ChunkVerdict {
	const error = clip(message);
	const stored = paired.filter((op) => op !== undefined && op.action !== 'error').length;
	if (stored === 0 && isAccessProblem({ message })) {
		return { kind: 'abort', outcome: { status: 'failed', errorCode: 'WORKSPACE_ACCESS', errorMessage: error } };
	}
	if (paired.every((op) => op === undefined)) {
		return { kind: 'all', outcome: { status: 'failed', errorCode: 'IMPORT_FAILED', errorMessage: error } };
	}
	const what = subscribing ? 'stored and subscribed' : 'stored';
	const outcomes = paired.map((op): ContactOutcome => {
		if (!op) {
			return { status: 'failed', errorCode: 'IMPORT_FAILED', errorMessage: `Notifuse answered the import with the error "${error}" and no result for this contact` };
		}
		if (op.action === 'error') {
			return { status: 'failed', errorCode: 'CONTACT_REJECTED', errorMessage: `${clip(op.error ?? 'Notifuse rejected this contact')} (the import also reported: ${error})` };
		}
		return {
			status: 'unknown',
			errorCode: 'IMPORT_ERROR',
			errorMessage: `Notifuse reported "${op.action}" for this contact but answered the whole import with the error "${error}", which its API describes as the entire operation failing: whether the contact was ${what} is not known. Not resent; check it in Notifuse`,
		};
	});
	return { kind: 'outcomes', outcomes };
}
