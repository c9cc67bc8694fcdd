import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { executeBulk } from '../../shared/engine';
import { readEngineOptions } from '../../shared/options';

import * as contact from './contact';
import * as contactList from './contactList';
import type { BuildOperation } from './operation';

type Run = (ctx: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** Binds one operation's contact type so the table can hold operations of different types. */
function runner<C>(build: BuildOperation<C>): Run {
	return async (ctx) => {
		const { adapter, transport, defaults } = await build.call(ctx);
		return await executeBulk(ctx, adapter, transport, readEngineOptions(ctx, defaults));
	};
}

const operations: Record<string, Record<string, Run>> = {
	contact: {
		create: runner(contact.create.prepare),
		upsert: runner(contact.upsert.prepare),
		bulkUpdate: runner(contact.bulkUpdate.prepare),
	},
	contactList: { addContacts: runner(contactList.addContacts.prepare) },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	return await run(this);
}
