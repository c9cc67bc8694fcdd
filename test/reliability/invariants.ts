import type { INodeExecutionData } from 'n8n-workflow';

import type { RequestLogEntry } from '../emulators/common';
import type { RunResult } from '../harness';

import { cleanSuccess, emailsOf, reachedProvider } from './sent';

/** Every status the nodes may report; anything else is a bug. */
export const KNOWN_STATUSES = new Set([
	'created',
	'updated',
	'upserted',
	'added',
	'already_in_list',
	'removed',
	'not_in_list',
	'not_found',
	'found',
	'deleted',
	'queued',
	'invalid',
	'suppressed',
	'failed',
	'unknown',
]);
const FAILURES = new Set(['invalid', 'failed']);
/** Statuses that tell the user the provider took the contact. */
const SUCCESSES = new Set(['created', 'updated', 'upserted', 'added', 'already_in_list', 'removed', 'queued']);

export interface InvariantOptions {
	/** The operation may create duplicates when resent (AutoSend create). */
	idempotent: boolean;
	/** Write requests (the ones that carry contacts), to check resends and successes against; [] skips both checks. */
	writes: RequestLogEntry[];
	/** The provider's own record: whether it holds the contact. A reported success it does not hold is a lie. */
	holds?: (email: string) => boolean;
}

function pairedIndex(item: INodeExecutionData): number | undefined {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'number' ? paired : paired?.item;
}

/** All output items of all outputs, each with the input index it pairs to. */
export function pairedOutputs(result: RunResult): Array<{ index: number; output: number; item: INodeExecutionData }> {
	const all: Array<{ index: number; output: number; item: INodeExecutionData }> = [];
	result.outputs.forEach((items, output) => {
		for (const item of items) all.push({ index: pairedIndex(item) ?? -1, output, item });
	});
	return all;
}

/**
 * The promises the suite holds every run to. Returns the problems found (empty = all held), so a
 * failing test shows every broken promise at once.
 */
export function checkRun(result: RunResult, inputCount: number, options: InvariantOptions): string[] {
	const problems: string[] = [];
	const outputs = pairedOutputs(result);
	if (outputs.length !== inputCount) problems.push(`${outputs.length} output items for ${inputCount} input items`);
	const seen = new Set<number>();
	for (const { index, output, item } of outputs) {
		if (index < 0 || index >= inputCount) problems.push(`output item pairs to ${index}, not an input item`);
		if (seen.has(index)) problems.push(`input item ${index} has more than one output item`);
		seen.add(index);
		const status = String(item.json.status ?? (item.json.error !== undefined ? 'error-output' : 'missing'));
		if (output === 0 && !KNOWN_STATUSES.has(status)) problems.push(`item ${index}: unknown status ${status}`);
		if (FAILURES.has(status) && (typeof item.json.errorMessage !== 'string' || item.json.errorMessage === '')) {
			problems.push(`item ${index}: ${status} without an errorMessage`);
		}
		if (output === 1 && typeof item.json.error !== 'string' && typeof item.json.errorMessage !== 'string') {
			problems.push(`item ${index}: error output without a message`);
		}
	}
	for (const items of result.outputs) {
		const order = items.map(pairedIndex);
		if (order.some((value, i) => i > 0 && (value ?? 0) < (order[i - 1] ?? 0))) problems.push('output items are not in input order');
	}
	problems.push(...resendProblems(options));
	if (options.writes.length > 0) problems.push(...unansweredSuccesses(outputs.map((o) => o.item.json), options.writes, options.holds));
	return problems;
}

/**
 * No contact is reported as succeeded unless the provider's answer says so: a write that carried it was
 * answered 2xx without a fault in the way (a 5xx, a cut connection, an unreadable body), and, when the
 * provider's record is at hand, the provider holds it (`queued` promises only that it was accepted).
 */
export function unansweredSuccesses(
	outputs: Array<{ status?: unknown; email?: unknown }>,
	writes: RequestLogEntry[],
	holds?: (email: string) => boolean,
): string[] {
	const answered = new Set<string>();
	for (const entry of writes) if (cleanSuccess(entry)) for (const email of emailsOf(entry)) answered.add(email);
	const problems: string[] = [];
	for (const json of outputs) {
		if (!SUCCESSES.has(String(json.status))) continue;
		const email = typeof json.email === 'string' ? json.email.toLowerCase() : undefined;
		if (email === undefined || !answered.has(email)) problems.push(`${String(email)} reported ${String(json.status)} without a 2xx answer to a request that carried it`);
		else if (holds && json.status !== 'queued' && !holds(email)) problems.push(`${email} reported ${String(json.status)} but the provider does not hold it`);
	}
	return problems.slice(0, 20);
}

/** A contact that succeeded is never sent again; a non-idempotent one reaches the provider at most once. */
export function resendProblems({ idempotent, writes }: InvariantOptions): string[] {
	const problems: string[] = [];
	const ordered = [...writes].sort((a, b) => a.seq - b.seq);
	const succeeded = new Map<string, number>();
	const reached = new Map<string, number>();
	for (const entry of ordered) {
		const emails = emailsOf(entry);
		for (const email of emails) {
			const earlier = succeeded.get(email);
			if (earlier !== undefined) problems.push(`${email} sent again in request #${entry.seq} after succeeding in #${earlier}`);
			if (!idempotent && reachedProvider(entry)) {
				const first = reached.get(email);
				if (first !== undefined) problems.push(`${email} (not idempotent) reached the provider twice: #${first} and #${entry.seq}`);
				reached.set(email, entry.seq);
			}
		}
		if (cleanSuccess(entry)) for (const email of emails) if (!succeeded.has(email)) succeeded.set(email, entry.seq);
	}
	return problems.slice(0, 20);
}
