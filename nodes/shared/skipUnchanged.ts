import { createHash } from 'crypto';
import type { ICheckProcessedOptions, IExecuteFunctions } from 'n8n-workflow';

import type { DeliveredOutcome } from './dispatch';
import type { UniqueContact } from './planning';
import type { ContactStatus, EngineOptions } from './types';

/**
 * Option "Skip Unchanged Contacts": n8n's processed-data store (the one Remove Duplicates uses) holds one
 * hash per contact a run of this node delivered. n8n records a hash when it is checked, before anything
 * is sent, so the hashes of contacts that then did not arrive are removed again after the run.
 */

/** Per node, not per workflow: two nodes syncing the same people to different places must not share. */
const SCOPE = 'node';

export const DEFAULT_HISTORY_SIZE = 100_000;

/** Outcomes that do not say the provider holds the contact as sent: their hash must not stay. */
const NOT_DELIVERED: ReadonlySet<ContactStatus> = new Set(['invalid', 'failed', 'unknown', 'dry_run']);

export const UNCHANGED: DeliveredOutcome = { status: 'unchanged' };

/**
 * n8n removes a stored hash by scanning the whole row for it (measured: 1,000 out of 100,000 took 4 s,
 * 100,000 out of 200,000 over two minutes). Past this many comparisons the row is rebuilt instead from
 * what this run knows to be delivered, forgetting contacts that are not in this run's input.
 */
const MAX_REMOVAL_SCAN = 200_000_000;

export interface UnchangedSplit<C> {
	send: Array<UniqueContact<C>>;
	unchanged: Array<UniqueContact<C>>;
}

export interface UnchangedFilter {
	split<C>(unique: Array<UniqueContact<C>>): Promise<UnchangedSplit<C>>;
	/** After the run: which of the checked contacts arrived. */
	settle<C>(members: Array<UniqueContact<C>>, outcomes: DeliveredOutcome[]): void;
	/** Always, also when the run threw: removes the hashes recorded for contacts that did not arrive. */
	release(): Promise<void>;
}

/**
 * What makes a send the same as an earlier one: the node type, its credential (the account), the
 * operation, the request envelope (it names the list or workspace and flags such as runWorkflow), the
 * contact's key and its exact serialised payload.
 */
export function unchangedTarget(ctx: IExecuteFunctions, envelope: { before: string; after: string }): string {
	const node = ctx.getNode();
	const credentials = Object.values(node.credentials ?? {}).map((c) => c.id ?? c.name);
	const resource = String(ctx.getNodeParameter('resource', 0, ''));
	const operation = String(ctx.getNodeParameter('operation', 0, ''));
	return JSON.stringify([node.type, credentials, resource, operation, envelope.before, envelope.after]);
}

function hashOf(target: string, member: UniqueContact<unknown>): string {
	return createHash('sha256').update(target).update('\u0000').update(member.key).update('\u0000').update(JSON.stringify(member.contact)).digest('base64');
}

export function unchangedFilter(
	ctx: IExecuteFunctions,
	envelope: { before: string; after: string },
	options: EngineOptions,
): UnchangedFilter | undefined {
	if (!options.skipUnchanged) return undefined;
	if (!ctx.getWorkflow().id) {
		ctx.addExecutionHints({
			message: 'Skip Unchanged Contacts needs a saved workflow: this run sent every contact and recorded none.',
			location: 'outputPane',
		});
		return undefined;
	}
	const target = unchangedTarget(ctx, envelope);
	const historySize = Math.max(1, options.historySize ?? DEFAULT_HISTORY_SIZE);
	const record: ICheckProcessedOptions = { mode: 'entries', maxEntries: historySize };
	const hashes = new Map<UniqueContact<unknown>, string>();
	let recorded: string[] = [];
	let storedBefore = 0;
	/** Hashes this run found stored already: they stay true whatever happens to the run. */
	let known: string[] = [];
	const delivered = new Set<string>();

	return {
		async split(unique) {
			for (const member of unique) hashes.set(member, hashOf(target, member));
			const all = unique.map((member) => hashes.get(member) ?? '');
			storedBefore = await ctx.helpers.getProcessedDataCount(SCOPE, record);
			// An empty store has nothing to skip; a dry run must not record, so it need not ask.
			if (storedBefore === 0 && options.dryRun) return { send: unique, unchanged: [] };
			if (storedBefore + unique.length > historySize) {
				ctx.addExecutionHints({
					message: `Skip Unchanged Contacts: ${storedBefore} stored plus ${unique.length} contacts is more than the History Size (${historySize}); the oldest are forgotten and sent again next time. Raise History Size above the number of contacts you sync.`,
					location: 'outputPane',
				});
			}
			// A dry run checks without trimming, then takes its new hashes out again: the store is as before.
			const checked = await ctx.helpers.checkProcessedAndRecord(all, SCOPE, options.dryRun ? { mode: 'entries' } : record);
			const fresh = new Set(checked.new.map(String));
			known = checked.processed.map(String);
			if (options.dryRun) {
				if (fresh.size > 0) await ctx.helpers.removeProcessed([...fresh], SCOPE, { mode: 'entries' });
			} else {
				recorded = [...fresh];
			}
			const result: UnchangedSplit<(typeof unique)[number]['contact']> = { send: [], unchanged: [] };
			unique.forEach((member, i) => (fresh.has(all[i]) ? result.send : result.unchanged).push(member));
			return result;
		},
		settle(members, outcomes) {
			members.forEach((member, i) => {
				const hash = hashes.get(member);
				const outcome = outcomes[i];
				if (hash !== undefined && outcome !== undefined && !NOT_DELIVERED.has(outcome.status)) delivered.add(hash);
			});
		},
		async release() {
			const undelivered = recorded.filter((hash) => !delivered.has(hash));
			const stored = storedBefore + recorded.length;
			recorded = [];
			if (undelivered.length === 0) return;
			// When the store held only this run's hashes, rebuilding it is exact; past the scan budget it
			// forgets contacts absent from this input, which only means they are sent once more.
			if (storedBefore === 0 || undelivered.length * stored > MAX_REMOVAL_SCAN) {
				const keep = new Set([...known, ...delivered]);
				await ctx.helpers.clearAllProcessedItems(SCOPE, record);
				if (keep.size > 0) await ctx.helpers.checkProcessedAndRecord([...keep], SCOPE, record);
				return;
			}
			await ctx.helpers.removeProcessed(undelivered, SCOPE, record);
		},
	};
}
