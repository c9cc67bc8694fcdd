import type { ChunkVerdict, ContactOutcome, HttpResponse, OutgoingChunk } from '../../shared/types';
import { isSuccess, verdictForUnreadable } from '../../shared/verdicts';
import type { NotifuseContact } from '../contact';
import { importAnswer, type ImportOperation } from '../schemas';

import { verdictForFailedCall } from './failures';
import { clip, verdictForGlobalError } from './importGlobalError';

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

/**
 * The body as JSON. n8n's helper hands back text when it could not parse the body, but also leaves
 * some valid JSON (a bare string literal) as text: only text that does not parse is unreadable.
 */
function jsonBody(response: HttpResponse): { json: unknown } | undefined {
	if (!response.malformed) return { json: response.body };
	try {
		return { json: JSON.parse(String(response.body)) as unknown };
	} catch {
		return undefined;
	}
}

function unknownFor(message: string): ChunkVerdict {
	return { kind: 'all', outcome: { status: 'unknown', errorCode: 'UNRECOGNISED_ANSWER', errorMessage: message } };
}

/** Reads an import answer; `succeeded` turns a create/update into the operation's own outcome. */
export function interpretImport(
	chunk: OutgoingChunk<NotifuseContact>,
	response: HttpResponse,
	succeeded: (op: ImportOperation) => ContactOutcome,
	subscribing = false,
): ChunkVerdict {
	if (!isSuccess(response)) return verdictForFailedCall(response);
	const body = jsonBody(response);
	if (!body) return verdictForUnreadable(response);
	const parsed = importAnswer.safeParse(body.json);
	if (!parsed.success) {
		// Valid JSON in a shape Notifuse does not send (a proxy's page, another API): resending cannot change it.
		return unknownFor(
			`Notifuse answered ${response.status} with JSON this node does not recognise (${clip(JSON.stringify(body.json) ?? '')}), so whether these contacts were stored is not known. Not resent`,
		);
	}
	const { operations, error } = parsed.data;
	if (typeof error === 'string' && error.trim() !== '') {
		return verdictForGlobalError(operationsByContact(chunk, operations ?? []), error.trim(), subscribing);
	}
	if (!operations) {
		return unknownFor(
			`Notifuse answered ${response.status} with ${operations === null ? 'operations: null' : 'no operations'} and no error, so it said nothing about this contact: whether it was stored is not known. Not resent`,
		);
	}
	if (operations.some((op) => op.action === 'error' && (op.error ?? '').includes(BATCH_SQL_FAILURE))) {
		return { kind: 'split', reason: 'Notifuse rejected a batch of contacts without naming the one it could not store', processed: true };
	}
	const outcomes = operationsByContact(chunk, operations).map((op): ContactOutcome => {
		if (!op) {
			return { status: 'failed', errorCode: 'NO_RESULT', errorMessage: 'Notifuse returned no result for this contact' };
		}
		if (op.action === 'error') {
			return { status: 'failed', errorCode: 'CONTACT_REJECTED', errorMessage: clip(op.error ?? 'Notifuse rejected this contact') };
		}
		return succeeded(op);
	});
	return { kind: 'outcomes', outcomes };
}
