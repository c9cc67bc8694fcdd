import { RequestPacer, runPool } from './pacing';
import { splitChunk, type PlannedChunk } from './planning';
import { backoffMs, providerWaitMs, toTransportError } from './retry';
import type { BulkAdapter, ContactOutcome, EngineOptions, HttpClient, HttpResponse } from './types';

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
}

export interface DispatchContext<C> {
	adapter: BulkAdapter<C>;
	http: HttpClient;
	pacer: RequestPacer;
	options: Pick<EngineOptions, 'concurrency' | 'maxRetries' | 'maxRetryWaitMs' | 'initialBackoffMs'>;
	signal?: AbortSignal;
	random?: () => number;
}

const CANCELLED: ContactOutcome = {
	status: 'failed',
	errorCode: 'CANCELLED',
	errorMessage: 'The execution was cancelled before this contact was sent',
};

/**
 * Sends every chunk with bounded concurrency and returns one outcome per unique contact
 * (indexed like the unique-contact list). Never throws for provider or network failures.
 */
export async function dispatchChunks<C>(
	chunks: Array<PlannedChunk<C>>,
	memberCount: number,
	ctx: DispatchContext<C>,
): Promise<{ outcomes: DeliveredOutcome[]; stats: DispatchStats }> {
	const outcomes: DeliveredOutcome[] = new Array(memberCount);
	const stats: DispatchStats = { requests: 0, retries: 0, splits: 0 };
	const { adapter, http, pacer, options, signal } = ctx;
	const random = ctx.random ?? Math.random;
	let abortOutcome: ContactOutcome | undefined;

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

	const deliver = async (chunk: PlannedChunk<C>): Promise<void> => {
		const idempotent = adapter.limits.idempotent;
		for (let attempt = 1; ; attempt++) {
			if (signal?.aborted) return settle(chunk, CANCELLED, attempt - 1);
			if (abortOutcome) return settle(chunk, abortOutcome, attempt - 1);

			let response: HttpResponse;
			try {
				await pacer.acquire();
				stats.requests++;
				response = await adapter.send(chunk, http);
			} catch (error) {
				const failure = toTransportError(error, signal);
				if (failure.cancelled) return settle(chunk, CANCELLED, attempt);
				const safe = !failure.mayHaveBeenProcessed || idempotent;
				if (safe && attempt <= options.maxRetries) {
					stats.retries++;
					await wait(backoffMs(attempt, options.initialBackoffMs, 30_000, random));
					continue;
				}
				const why = safe
					? `${failure.message}; gave up after ${attempt} attempts`
					: `${failure.message}. Not resent: the provider may already have processed these contacts, and sending them again could create duplicates. Check them before running again`;
				return failAll(chunk, attempt, why, failure.code);
			}

			let verdict;
			try {
				verdict = await adapter.interpret(chunk, response, http);
			} catch (error) {
				const failure = toTransportError(error, signal);
				if (failure.cancelled) return settle(chunk, CANCELLED, attempt);
				return failAll(chunk, attempt, `Could not read the provider's answer: ${(error as Error).message}`, 'UNREADABLE_RESPONSE');
			}

			switch (verdict.kind) {
				case 'outcomes':
					return settle(chunk, verdict.outcomes, attempt);
				case 'all':
					return settle(chunk, verdict.outcome, attempt);
				case 'abort':
					abortOutcome = verdict.outcome;
					return settle(chunk, verdict.outcome, attempt);
				case 'retry': {
					const safe = !verdict.processed || idempotent;
					if (!safe) {
						return failAll(
							chunk,
							attempt,
							`${verdict.reason}. Not resent: the provider may already have processed these contacts, and sending them again could create duplicates`,
							'NOT_RETRIED',
						);
					}
					if (attempt > options.maxRetries) {
						return failAll(chunk, attempt, `${verdict.reason}; gave up after ${attempt} attempts`, 'RETRIES_EXHAUSTED');
					}
					const asked = verdict.retryAfterMs ?? providerWaitMs(response);
					if (asked !== undefined && asked > options.maxRetryWaitMs) {
						return failAll(
							chunk,
							attempt,
							`${verdict.reason}; the provider asked to wait ${Math.ceil(asked / 1000)} s, longer than the ${Math.ceil(options.maxRetryWaitMs / 1000)} s this node waits`,
							'RATE_LIMITED',
						);
					}
					const delay =
						asked !== undefined
							? asked + Math.round(random() * 100)
							: backoffMs(attempt, options.initialBackoffMs, 30_000, random);
					if (response.status === 429) pacer.pause(delay);
					stats.retries++;
					await wait(delay);
					continue;
				}
				case 'split': {
					if (chunk.contacts.length === 1) {
						return failAll(chunk, attempt, verdict.reason, 'REJECTED');
					}
					if (verdict.processed && !idempotent) {
						return failAll(chunk, attempt, `${verdict.reason}. Not resent to find out which: the operation is not idempotent`, 'PARTIAL_FAILURE');
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

	await runPool(chunks.length, options.concurrency, (i) => deliver(chunks[i]), () => false);
	return { outcomes, stats };
}
