import { createHash } from 'crypto';
import type { ICheckProcessedOptions, IExecuteFunctions } from 'n8n-workflow';

import type { DeliveredOutcome } from './dispatch';
import type { UniqueContact } from './planning';
import type { ContactStatus, EngineOptions } from './types';

/**
 * Option "Skip Unchanged Contacts": n8n's processed-data store (the one Remove Duplicates uses) holds one
 * hash per contact a run of this node delivered. n8n's only read is a check that also records what it
 * has not seen, so the check's new hashes are taken out again at once and recorded only once their
 * contacts arrived: a run that dies half-way (a killed worker) leaves nothing that would skip a
 * contact it never delivered.
 */

/** Per node, not per workflow: two nodes syncing the same people to different places must not share. */
const SCOPE = 'node';

export const DEFAULT_HISTORY_SIZE = 100_000;

/** Outcomes that do not say the provider holds the contact as sent: their hash is not recorded. */
const NOT_DELIVERED: ReadonlySet<ContactStatus> = new Set(['invalid', 'failed', 'unknown', 'dry_run']);

export const UNCHANGED: DeliveredOutcome = { status: 'unchanged' };

/**
 * n8n removes a stored hash by scanning the whole row for it (measured: 1,000 out of 100,000 took 4 s,
 * 100,000 out of 200,000 over two minutes). Past this many comparisons the row is rebuilt instead from
 * the hashes this run found stored, forgetting contacts that are not in this run's input.
 */
const MAX_REMOVAL_SCAN = 200_000_000;

export interface UnchangedSplit<C> {
	send: Array<UniqueContact<C>>;
	unchanged: Array<UniqueContact<C>>;
}

export interface UnchangedFilter {
	split<C>(unique: Array<UniqueContact<C>>): Promise<UnchangedSplit<C>>;
	/** After the run: which of the contacts sent arrived. */
	settle<C>(members: Array<UniqueContact<C>>, outcomes: DeliveredOutcome[]): void;
	/** Always, also when the run threw: records the hashes of the contacts settled as delivered. */
	record(): Promise<void>;
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
	const fresh = new Set<string>();
	const delivered = new Set<string>();
	const lookup: ICheckProcessedOptions = { mode: 'entries' };
	const warnIfOver = (stored: number) => {
		if (options.dryRun || stored + fresh.size <= historySize) return;
		ctx.addExecutionHints({
			message: `Skip Unchanged Contacts: ${stored} stored plus ${fresh.size} new or changed contacts is more than the History Size (${historySize}); the oldest are forgotten and sent again next time. Raise History Size above the number of contacts you sync.`,
			location: 'outputPane',
		});
	};

	return {
		async split(unique) {
			for (const member of unique) hashes.set(member, hashOf(target, member));
			const stored = await ctx.helpers.getProcessedDataCount(SCOPE, lookup);
			// An empty store has nothing to skip: no need to ask (and then undo what asking records).
			if (stored === 0) {
				for (const hash of hashes.values()) fresh.add(hash);
				warnIfOver(0);
				return { send: unique, unchanged: [] };
			}
			const all = unique.map((member) => hashes.get(member) ?? '');
			// Without maxEntries: the check must not trim the store, it is undone right after.
			const checked = await ctx.helpers.checkProcessedAndRecord(all, SCOPE, lookup);
			for (const hash of checked.new) fresh.add(String(hash));
			if (fresh.size > 0 && fresh.size * (stored + fresh.size) > MAX_REMOVAL_SCAN) {
				await ctx.helpers.clearAllProcessedItems(SCOPE, lookup);
				if (checked.processed.length > 0) await ctx.helpers.checkProcessedAndRecord(checked.processed, SCOPE, record);
			} else if (fresh.size > 0) {
				await ctx.helpers.removeProcessed([...fresh], SCOPE, lookup);
			}
			warnIfOver(stored);
			const result: UnchangedSplit<(typeof unique)[number]['contact']> = { send: [], unchanged: [] };
			unique.forEach((member, i) => (fresh.has(all[i]) ? result.send : result.unchanged).push(member));
			return result;
		},
		settle(members, outcomes) {
			members.forEach((member, i) => {
				const hash = hashes.get(member);
				const outcome = outcomes[i];
				if (hash !== undefined && fresh.has(hash) && outcome !== undefined && !NOT_DELIVERED.has(outcome.status)) delivered.add(hash);
			});
		},
		async record() {
			if (delivered.size === 0) return;
			const hashesToRecord = [...delivered];
			delivered.clear();
			await ctx.helpers.checkProcessedAndRecord(hashesToRecord, SCOPE, record);
		},
	};
}
