import { sleep, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { dispatchChunks, type DeliveredOutcome, type DispatchStats } from './dispatch';
import { createHttpClient, type TransportConfig } from './http';
import { RequestPacer } from './pacing';
import { resumeMemory, type ResumeMemory } from './resume';
import { chunkPlanner, prepareItems, type PreparedInput, type UniqueContact } from './planning';
import { UNCHANGED, unchangedFilter, type UnchangedFilter } from './skipUnchanged';
import {
	buildOutputItems,
	errorMode,
	invalidInputError,
	isFailure,
	summaryError,
	type ItemResult,
} from './results';
import type { BulkAdapter, EngineOptions, HttpClient } from './types';

export interface BulkRunReport {
	items: number;
	uniqueContacts: number;
	invalid: number;
	chunks: number;
	stats: DispatchStats;
}

/** Everything a run produced before it is turned into n8n items. */
export interface BulkRunResult {
	results: ItemResult[];
	report: BulkRunReport;
}

function outcomeForOversized(bytes: number, limit: number): DeliveredOutcome {
	return {
		status: 'invalid',
		errorCode: 'TOO_LARGE',
		errorMessage: `This contact alone is ${bytes} bytes, more than the ${limit} bytes the provider accepts in one request`,
	};
}

const NO_OUTCOME: DeliveredOutcome = {
	status: 'failed',
	errorCode: 'NOT_SENT',
	errorMessage: 'This contact was not sent (internal error: no outcome recorded)',
};

/** One fixed shape for every result: an object spread per item was the engine's costliest line at 100,000 items. */
function itemResult(outcome: DeliveredOutcome, email: string | undefined, mergedWithItems: number[] | undefined): ItemResult {
	return {
		status: outcome.status,
		id: outcome.id,
		errorMessage: outcome.errorMessage,
		errorCode: outcome.errorCode,
		errorField: outcome.errorField,
		details: outcome.details,
		request: outcome.request,
		attempts: outcome.attempts,
		email,
		mergedWithItems,
		ignoredFields: undefined,
	};
}

/** Pairs every input item with its outcome: invalid items, merged duplicates and sent contacts. */
export function collectResults<C>(
	itemCount: number,
	prepared: PreparedInput<C>,
	memberOutcomes: DeliveredOutcome[],
): ItemResult[] {
	const results: ItemResult[] = new Array(itemCount);
	for (const bad of prepared.invalid) {
		results[bad.itemIndex] = {
			status: 'invalid',
			email: bad.email,
			errorField: bad.field,
			errorCode: 'INVALID_INPUT',
			errorMessage: `${bad.field} ${bad.message}`,
		};
	}
	prepared.unique.forEach((member: UniqueContact<C>, index) => {
		const outcome = memberOutcomes[index] ?? NO_OUTCOME;
		for (const itemIndex of member.items) {
			const merged = member.items.length > 1 ? member.items.filter((i) => i !== itemIndex) : undefined;
			results[itemIndex] = itemResult(outcome, member.email, merged);
		}
	});
	const ignored = prepared.ignoredFields;
	if (ignored) for (let i = 0; i < itemCount; i++) results[i].ignoredFields = ignored[i] ?? [];
	return results;
}

/** Validates, de-duplicates, chunks and sends; returns one result per item. Provider-agnostic. */
export async function runBulkOperation<C>(
	adapter: BulkAdapter<C>,
	items: INodeExecutionData[],
	http: HttpClient,
	pacer: RequestPacer,
	options: EngineOptions,
	beforeSend?: (prepared: PreparedInput<C>) => void,
	resume?: ResumeMemory,
	unchangedSince?: UnchangedFilter,
): Promise<BulkRunResult> {
	const input = prepareItems(adapter, items);
	const earlier = resume?.split(items, input.unique);
	// Contacts that succeeded in an earlier Retry On Fail try are reported, not sent again.
	let prepared: PreparedInput<C> = earlier ? { ...input, unique: earlier.send } : input;
	beforeSend?.(prepared);
	const unchanged = await unchangedSince?.split(prepared.unique);
	if (unchanged) prepared = { ...prepared, unique: unchanged.send };
	const maxContacts = Math.max(1, Math.min(options.batchSize ?? adapter.limits.maxContacts, adapter.limits.maxContacts));
	const maxBytes =
		adapter.limits.maxBytes === undefined
			? options.maxBytes
			: Math.min(options.maxBytes ?? adapter.limits.maxBytes, adapter.limits.maxBytes);
	const plan = chunkPlanner(prepared.unique, adapter.envelope, maxContacts, maxBytes);

	let memberOutcomes: DeliveredOutcome[] = new Array(prepared.unique.length);
	let stats: DispatchStats = { requests: 0, retries: 0, splits: 0 };
	if (options.dryRun) {
		for (const chunk of plan) {
			chunk.members.forEach((member, i) => {
				memberOutcomes[member] = {
					status: 'dry_run',
					request: chunk.request,
					details: {
						requestContacts: chunk.contacts.length,
						requestBytes: chunk.bytes,
						payload: JSON.parse(chunk.serialized[i]),
					},
				};
			});
		}
	} else {
		// Outcomes come back indexed like the unique contacts; members no chunk carried stay empty.
		const sent = await dispatchChunks(plan, prepared.unique.length, {
			adapter,
			http,
			pacer,
			options,
			signal: http.signal,
		});
		stats = sent.stats;
		memberOutcomes = sent.outcomes;
	}
	for (const big of plan.oversized) memberOutcomes[big.member] = outcomeForOversized(big.bytes, maxBytes ?? 0);
	for (const bad of plan.unserializable) {
		memberOutcomes[bad.member] = { status: 'invalid', errorCode: 'INVALID_INPUT', errorMessage: `This contact cannot be sent as JSON: ${bad.message}` };
	}

	let members = earlier ? [...prepared.unique, ...earlier.done.map((d) => d.member)] : prepared.unique;
	let outcomes = earlier ? [...memberOutcomes, ...earlier.done.map((d) => d.outcome)] : memberOutcomes;
	if (unchanged && unchanged.unchanged.length > 0) {
		members = [...members, ...unchanged.unchanged];
		outcomes = [...outcomes, ...unchanged.unchanged.map(() => UNCHANGED)];
	}
	resume?.remember(items, members, outcomes);
	unchangedSince?.settle(members, outcomes);
	return {
		results: collectResults(items.length, { ...prepared, unique: members }, outcomes),
		report: {
			items: items.length,
			uniqueContacts: members.length,
			invalid: prepared.invalid.length,
			chunks: plan.count,
			stats,
		},
	};
}

/** The node error's word on contacts the engine chose not to send. */
function stoppedNote(stopped: NonNullable<DispatchStats['stopped']>): string {
	const contacts = `${stopped.unsent} contact${stopped.unsent === 1 ? ' was' : 's were'}`;
	return `${contacts} not sent (errorCode NOT_SENT): ${stopped.reason}.`;
}

/**
 * The node-facing entry point: runs the adapter over the node's input items and returns the
 * node's output, routing failures the way the node's On Error setting asks.
 */
export async function executeBulk<C>(
	ctx: IExecuteFunctions,
	adapter: BulkAdapter<C>,
	transport: TransportConfig,
	options: EngineOptions,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const mode = errorMode(ctx);
	const signal = ctx.getExecutionCancelSignal?.();
	const pacer = new RequestPacer(options.requestsPerSecond, async (ms) => await sleep(ms, signal));
	const http = createHttpClient(ctx, { ...transport, timeoutMs: options.timeoutMs ?? transport.timeoutMs }, options, pacer);

	const unchangedSince = unchangedFilter(ctx, adapter.envelope, options);
	let run: BulkRunResult;
	try {
		run = await runBulkOperation(adapter, items, http, pacer, options, (prepared) => {
			// Fail fast on bad input when the user wants the node to stop on errors: nothing half-sent.
			if (mode === 'stopWorkflow' && !options.dryRun && prepared.invalid.length > 0) {
				throw invalidInputError(ctx, prepared.invalid, items.length);
			}
		}, resumeMemory(ctx), unchangedSince);
	} finally {
		await unchangedSince?.record();
	}
	const { results, report } = run;

	if (mode === 'stopWorkflow' && results.some(isFailure)) {
		const error = summaryError(ctx, results);
		if (report.stats.stopped) error.description = `${stoppedNote(report.stats.stopped)} ${error.description ?? ''}`.trim();
		throw error;
	}
	return [buildOutputItems(ctx, items, results, mode, options.includeInputFields)];
}
