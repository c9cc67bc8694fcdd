import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { executeBulk } from './engine';
import type { TransportConfig } from './http';
import { readEngineOptions, type BulkOptionDefaults } from './options';
import { buildOutputItems, errorMode, type ItemResult } from './results';
import type { BulkAdapter } from './types';

/** What a provider operation hands the engine. */
export interface BulkOperation<C> {
	adapter: BulkAdapter<C>;
	transport: TransportConfig;
	defaults: BulkOptionDefaults;
}

export type OperationRun = (ctx: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** Binds one operation's contact type, so one table can hold operations with different contact shapes. */
export function bulkOperation<C>(build: (this: IExecuteFunctions) => Promise<BulkOperation<C>>): OperationRun {
	return async (ctx) => {
		let operation: BulkOperation<C>;
		try {
			operation = await build.call(ctx);
		} catch (error) {
			const mode = errorMode(ctx);
			if (mode === 'stopWorkflow') throw asNodeError(ctx, error);
			return [buildOutputItems(ctx, ctx.getInputData(), setupFailure(ctx, error), mode, false)];
		}
		const { adapter, transport, defaults } = operation;
		return await executeBulk(ctx, adapter, transport, readEngineOptions(ctx, defaults));
	};
}

function asNodeError(ctx: IExecuteFunctions, error: unknown): Error {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}

/**
 * The operation could not even start (credentials rejected, field definitions unreadable). With a
 * Continue setting n8n would pass the input through unmarked, so every item reports the failure.
 */
function setupFailure(ctx: IExecuteFunctions, error: unknown): ItemResult[] {
	const message = error instanceof Error ? error.message : String(error);
	const description = (error as { description?: unknown }).description;
	const errorMessage = typeof description === 'string' && description !== '' ? `${message}: ${description}` : message;
	return ctx.getInputData().map((item) => ({
		status: 'failed',
		email: typeof item.json.email === 'string' ? item.json.email : undefined,
		errorCode: 'NOT_STARTED',
		errorMessage: `Nothing was sent: ${errorMessage}`,
	}));
}

/** An operation file's module: its parameters and the build step that turns them into a BulkOperation. */
type OperationModule = { build?: unknown };

/**
 * The node's execute(): the selected resource's module namespace (its `index.ts`, which re-exports each
 * operation file under its operation value) picks the operation file, whose `build` runs through the engine.
 */
export function routerFor(resources: Record<string, Record<string, unknown>>): (this: IExecuteFunctions) => Promise<INodeExecutionData[][]> {
	const runs = new Map<string, OperationRun>();
	for (const [resource, modules] of Object.entries(resources)) {
		for (const [operation, module] of Object.entries(modules)) {
			const build = (module as OperationModule | undefined)?.build;
			if (typeof build === 'function') runs.set(`${resource}.${operation}`, bulkOperation(build as (this: IExecuteFunctions) => Promise<BulkOperation<unknown>>));
		}
	}
	return async function router(this: IExecuteFunctions) {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = runs.get(`${resource}.${operation}`);
		if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
		return await run(this);
	};
}
