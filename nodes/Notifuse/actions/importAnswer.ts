import type { ChunkVerdict, ContactOutcome, HttpResponse, OutgoingChunk } from '../../shared/types';
import { isSuccess, verdictForUnreadable } from '../../shared/verdicts';
import type { NotifuseContact } from '../contact';
import { importAnswer, type ImportOperation } from '../schemas';

import { verdictForFailedCall } from './failures';

const PARSE_ERROR_INDEX = /invalid contact at index (\d+)/;
// Postgres rejected the server's internal batch: every contact in it gets this error, so it names no culprit.
const BATCH_SQL_FAILURE = 'failed to execute bulk upsert';

/**
 * Pairs `contacts.import` operations with the chunk's contacts: by email, except parse errors, which
 * Notifuse reports with an empty email and the contact's index in the request.
 */
export function operationsByContact(chunk: OutgoingChunk<NotifuseContact>, operations: ImportOperation[]): Array<ImportOperation | undefined> {
	const position = new Map<string, number>();
	chunk.contacts.forEach((contact, i) => position.set(contact.email, i));
	const paired: Array<ImportOperation | undefined> = Array.from({ length: chunk.contacts.length }, () => undefined);
	for (const op of operations) {
		let index: number | undefined;
		if (op.email !== '') index = position.get(op.email.trim().toLowerCase());
		else {
			const match = PARSE_ERROR_INDEX.exec(op.error ?? '');
			if (match) index = Number(match[1]);
		}
		if (index !== undefined && index >= 0 && index < paired.length) paired[index] = op;
	}
	return paired;
}

/** Reads an import answer; `succeeded` turns a create/update into the operation's own outcome. */
export function interpretImport(
	chunk: OutgoingChunk<NotifuseContact>,
	response: HttpResponse,
	succeeded: (op: ImportOperation) => ContactOutcome,
): ChunkVerdict {
	if (response.malformed) return verdictForUnreadable(response);
	if (!isSuccess(response)) return verdictForFailedCall(response);
	const parsed = importAnswer.safeParse(response.body);
	if (!parsed.success) return verdictForUnreadable(response);
	const operations = parsed.data.operations;
	if (operations.some((op) => op.action === 'error' && (op.error ?? '').includes(BATCH_SQL_FAILURE))) {
		return { kind: 'split', reason: 'Notifuse rejected a batch of contacts without naming the one it could not store', processed: true };
	}
	const outcomes = operationsByContact(chunk, operations).map((op): ContactOutcome => {
		if (!op) {
			return { status: 'failed', errorCode: 'NO_RESULT', errorMessage: 'Notifuse returned no result for this contact' };
		}
		if (op.action === 'error') {
			return { status: 'failed', errorCode: 'CONTACT_REJECTED', errorMessage: op.error ?? 'Notifuse rejected this contact' };
		}
		return succeeded(op);
	});
	return { kind: 'outcomes', outcomes };
}

