import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { executeBulk } from './engine';
import type { TransportConfig } from './http';
import { readEngineOptions, type BulkOptionDefaults } from './options';
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
		const { adapter, transport, defaults } = await build.call(ctx);
		return await executeBulk(ctx, adapter, transport, readEngineOptions(ctx, defaults));
	};
}

/** Runs the node's selected resource/operation from its table. */
export async function routeOperation(
	ctx: IExecuteFunctions,
	operations: Record<string, Record<string, OperationRun>>,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (!run) throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	return await run(ctx);
}
