import { createHash } from 'node:crypto';

import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

/**
 * n8n's processed-data store in memory, for the harness. It keeps what n8n 2.41's DeduplicationHelper
 * (packages/cli/src/deduplication/deduplication-helper.ts) keeps: per workflow id and context
 * (`n:<node id>` for scope node) an array of md5/base64 hashes in record order, trimmed from the front to
 * `maxEntries` after each check, an entry removed by its first match. It asserts a workflow id as n8n does.
 * Only mode 'entries' (the nodes use no other).
 */
export class InMemoryDeduplicator implements IDataDeduplicator {
	private readonly rows = new Map<string, { mode: string; data: string[] }>();

	private static hash(value: DeduplicationItemTypes): string {
		return createHash('md5').update(value.toString()).digest('base64');
	}

	private static row(scope: DeduplicationScope, context: ICheckProcessedContextData): string {
		if (!context.workflow.id) throw new Error('AssertionError: workflow id missing (n8n asserts contextData.workflow.id)');
		if (scope === 'node' && !context.node) throw new Error("No node information has been provided and so cannot use scope 'node'");
		return `${context.workflow.id}\u0000${scope === 'node' ? `n:${context.node?.id}` : ''}`;
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		context: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		if (options.mode !== 'entries') throw new Error(`harness deduplicator: mode ${options.mode} is not implemented`);
		const key = InMemoryDeduplicator.row(scope, context);
		const row = this.rows.get(key);
		const hashes = items.map(InMemoryDeduplicator.hash);
		if (!row) {
			if (options.maxEntries) hashes.splice(0, hashes.length - options.maxEntries);
			this.rows.set(key, { mode: options.mode, data: hashes });
			return { new: items, processed: [] };
		}
		if (row.mode !== options.mode) throw new Error('Deduplication data was originally saved with an incompatible setting');
		const seen = new Set(row.data);
		const result: IDeduplicationOutput = { new: [], processed: [] };
		hashes.forEach((hash, index) => {
			if (seen.has(hash)) result.processed.push(items[index]);
			else {
				result.new.push(items[index]);
				row.data.push(hash);
			}
		});
		if (options.maxEntries) row.data.splice(0, row.data.length - options.maxEntries);
		return await Promise.resolve(result);
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		context: ICheckProcessedContextData,
	): Promise<void> {
		const row = this.rows.get(InMemoryDeduplicator.row(scope, context));
		if (!row) return;
		const gone = new Set(items.map(InMemoryDeduplicator.hash));
		// n8n removes the first match of each hash; hashes in a row are unique, so a filter is the same.
		row.data = row.data.filter((hash) => !gone.has(hash));
		await Promise.resolve();
	}

	async clearAllProcessedItems(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<void> {
		this.rows.delete(InMemoryDeduplicator.row(scope, context));
		await Promise.resolve();
	}

	async getProcessedDataCount(
		scope: DeduplicationScope,
		context: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<number> {
		const row = this.rows.get(InMemoryDeduplicator.row(scope, context));
		return await Promise.resolve(options.mode === 'entries' && row ? row.data.length : 0);
	}

	/** Hashes stored over all workflows and contexts, for tests. */
	size(): number {
		let total = 0;
		for (const row of this.rows.values()) total += row.data.length;
		return total;
	}

	clear(): void {
		this.rows.clear();
	}
}

let shared: InMemoryDeduplicator | undefined;

/** n8n-core's helpers read one process-wide DataDeduplicationService; the harness installs it once. */
export async function harnessDeduplicator(): Promise<InMemoryDeduplicator> {
	if (!shared) {
		shared = new InMemoryDeduplicator();
		await DataDeduplicationService.init(shared);
	}
	return shared;
}
