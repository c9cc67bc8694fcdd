import type { RequestPacer } from './pacing';
import { splitChunk, type PlannedChunk } from './planning';
import { NOT_SENT_CODES, providerWaitMs, retryDecision, toTransportError } from './retry';
import type { BulkAdapter, ChunkVerdict, ContactOutcome, EngineOptions, HttpClient, HttpResponse, PrecheckFailure } from './types';
import { verdictForForeignAnswer } from './verdicts';

/** An outcome plus the request that carried the contact. */
export interface DeliveredOutcome extends ContactOutcome {
	request?: number;
	attempts?: number;
}

export interface DispatchStats {
	/** HTTP attempts for the chunks themselves (not lookups or polls an adapter makes). */
	requests: number;
	retries: number;
	splits: number;
	/** Set when the engine stopped sending before every chunk went out. */
	stopped?: { reason: string; unsent: number };
}

export interface DispatchContext<C> {
	adapter: BulkAdapter<C>;
	http: HttpClient;
	pacer: RequestPacer;
	options: Pick<EngineOptions, 'concurrency' | 'maxRetries' | 'maxRetryWaitMs' | 'initialBackoffMs'>;
	signal?: AbortSignal;
	random?: () => number;
}

/**
 * Identical failures in a row, none of them about the contacts (a redirect, a web page where the API
 * should be, a host that cannot be reached), after which the rest is not sent: a wrong base URL would
 * otherwise cost one failing request per chunk, with retries, for the whole input.
 */
export const BREAKER_THRESHOLD = 3;

const CANCELLED: ContactOutcome = {
	status: 'failed',
	errorCode: 'CANCELLED',
	errorMessage: 'The execution was cancelled before this contact was sent',
};

interface Halt {
	reason: string;
	outcome: ContactOutcome;
}

/**
 * Sends every chunk with bounded concurrency and returns one outcome per unique contact
 * (indexed like the unique-contact list). Never throws for provider or network failures.
 */
export async function dispatchChunks<C>(
	chunks: Iterable<PlannedChunk<C>>,
	memberCount: number,
	ctx: DispatchContext<C>,
): Promise<{ outcomes: DeliveredOutcome[]; stats: DispatchStats }> {
	const outcomes: DeliveredOutcome[] = new Array(memberCount);
	const stats: DispatchStats = { requests: 0, retries: 0, splits: 0 };
	const { adapter, http, pacer, options, signal } = ctx;
	const policy = { ...options, random: ctx.random };
	const idempotent = adapter.limits.idempotent;
	let halt: Halt | undefined;
	let streak: { key: string; count: number } | undefined;
	let unsent = 0;

	const stop = (reason: string) => {
		halt ??= { reason, outcome: { status: 'failed', errorCode: 'NOT_SENT', errorMessage: `Not sent: ${reason}` } };
	};

	/** Counts settled chunks towards the breaker: only failures that say nothing about the contacts themselves. */
	const observe = (chunk: PlannedChunk<C>, outcome: ContactOutcome | undefined) => {
		if (!outcome) {
			streak = undefined;
			return;
		}
		const key = `${outcome.errorCode}\u0000${outcome.errorMessage}`;
		streak = streak?.key === key ? { key, count: streak.count + 1 } : { key, count: 1 };
		if (streak.count >= BREAKER_THRESHOLD) {
			stop(`the node stopped sending after ${streak.count} requests in a row (the last: request ${chunk.request}) failed the same way: ${outcome.errorMessage}`);
		}
	};

	const settle = (chunk: PlannedChunk<C>, outcome: ContactOutcome | ContactOutcome[], attempts: number) => {
		// A settled chunk is never sent again; its JSON text is as large as the request and not needed.
		chunk.serialized = [];
		if (!Array.isArray(outcome)) {
			// One read-only object for the whole chunk: 30,000 copies of the same outcome would only feed the GC.
			const shared: DeliveredOutcome = { ...outcome, request: chunk.request, attempts };
			for (const member of chunk.members) outcomes[member] = shared;
			return;
		}
		chunk.members.forEach((member, i) => {
			outcomes[member] = { ...outcome[i], request: chunk.request, attempts };
		});
	};

	const failAll = (chunk: PlannedChunk<C>, attempts: number, errorMessage: string, errorCode: string) =>
		settle(chunk, { status: 'failed', errorMessage, errorCode }, attempts);

	const wait = async (ms: number) => {
		try {
			await http.sleep(ms);
		} catch {
			// cancelled: the loop checks the signal next
		}
	};

	const notSent = (chunk: PlannedChunk<C>, outcome: ContactOutcome, attempts: number) => {
		if (attempts === 0) unsent += chunk.members.length;
		return settle(chunk, outcome, attempts);
	};

	const deliver = async (chunk: PlannedChunk<C>): Promise<void> => {
		let lastFailure: { message: string; code: string } | undefined;
		for (let attempt = 1; ; attempt++) {
			if (signal?.aborted) return settle(chunk, CANCELLED, attempt - 1);
			if (halt) {
				// A chunk waiting to be resent when the run stopped keeps what went wrong with it.
				return lastFailure
					? failAll(chunk, attempt - 1, `${lastFailure.message}; not resent: ${halt.reason}`, lastFailure.code)
					: notSent(chunk, halt.outcome, 0);
			}

			let response: HttpResponse;
			let unchecked: PrecheckFailure | undefined;
			try {
				await pacer.acquire();
				unchecked = await adapter.precheck?.(http);
				if (!unchecked) stats.requests++;
				response = unchecked?.answer ?? (await adapter.send(chunk, http));
				if (response.status !== 429) pacer.answered();
			} catch (error) {
				const failure = toTransportError(error, signal);
				if (failure.cancelled) return settle(chunk, CANCELLED, attempt);
				const decision = retryDecision(policy, { attempt, reason: failure.message, processed: failure.mayHaveBeenProcessed, idempotent });
				if (decision.retry) {
					stats.retries++;
					lastFailure = { message: failure.message, code: failure.code };
					await wait(decision.delayMs);
					continue;
				}
				failAll(chunk, attempt, decision.message, failure.code);
				// Nobody answered at all (no connection, no such host): the next chunk will not fare better.
				observe(chunk, NOT_SENT_CODES.has(failure.code) ? { status: 'failed', errorCode: failure.code, errorMessage: failure.message } : undefined);
				return;
			}

			// Not the provider's API (a redirect, a proxy's or website's page): decided on the status, not by the adapter.
			const foreign = verdictForForeignAnswer(response);
			let verdict: ChunkVerdict;
			try {
				verdict = foreign ?? unchecked?.verdict ?? (await adapter.interpret(chunk, response, http));
			} catch (error) {
				const failure = toTransportError(error, signal);
				if (failure.cancelled) return settle(chunk, CANCELLED, attempt);
				failAll(chunk, attempt, `Could not read the provider's answer: ${(error as Error).message}`, 'UNREADABLE_RESPONSE');
				return observe(chunk, undefined);
			}

			switch (verdict.kind) {
				case 'outcomes':
					settle(chunk, verdict.outcomes, attempt);
					return observe(chunk, undefined);
				case 'all':
					settle(chunk, verdict.outcome, attempt);
					return observe(chunk, foreign && verdict.outcome.status === 'failed' ? verdict.outcome : undefined);
				case 'abort':
					settle(chunk, verdict.outcome, attempt);
					return stop(`the node stopped sending after request ${chunk.request} failed: ${verdict.outcome.errorMessage ?? verdict.outcome.errorCode}`);
				case 'retry': {
					const decision = retryDecision(policy, {
						attempt,
						reason: verdict.reason,
						processed: verdict.processed,
						idempotent,
						askedMs: verdict.retryAfterMs ?? providerWaitMs(response),
					});
					if (!decision.retry) {
						failAll(chunk, attempt, decision.message, decision.code);
						return observe(chunk, undefined);
					}
					if (response.status === 429) pacer.limited(decision.delayMs);
					stats.retries++;
					lastFailure = { message: verdict.reason, code: 'NOT_RETRIED' };
					await wait(decision.delayMs);
					continue;
				}
				case 'split': {
					if (chunk.contacts.length === 1) {
						failAll(chunk, attempt, verdict.reason, 'REJECTED');
						return observe(chunk, undefined);
					}
					if (verdict.processed && !idempotent) {
						failAll(chunk, attempt, `${verdict.reason}. Not resent to find out which: the operation is not idempotent`, 'PARTIAL_FAILURE');
						return observe(chunk, undefined);
					}
					stats.splits++;
					const [first, second] = splitChunk(chunk, adapter.envelope);
					await deliver(first);
					await deliver(second);
					return;
				}
			}
		}
	};

	// Chunks are taken one at a time (the planner serialises a chunk only when it is taken).
	const source = chunks[Symbol.iterator]();
	const take = (): PlannedChunk<C> | undefined => {
		if (halt) return undefined;
		const next = source.next();
		return next.done ? undefined : next.value;
	};
	const worker = async () => {
		for (let chunk = take(); chunk; chunk = take()) await deliver(chunk);
	};
	await Promise.all(Array.from({ length: options.concurrency > 0 ? options.concurrency : 1 }, worker));
	// Chunks the pool never took once the run stopped.
	if (halt) for (let next = source.next(); !next.done; next = source.next()) notSent(next.value, halt.outcome, 0);
	if (halt && unsent > 0) stats.stopped = { reason: halt.reason, unsent };
	return { outcomes, stats };
}
