import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { executeBulk } from '../../shared/engine';
import { readEngineOptions } from '../../shared/options';

import * as contact from './contact';
import * as contactList from './contactList';
import type { BuildOperation } from './operation';

const operations: Record<string, Record<string, BuildOperation>> = {
	contact: { upsert: contact.upsert.prepare },
	contactList: { addContacts: contactList.addContacts.prepare },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const build = operations[resource]?.[operation];
	if (!build) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const { adapter, transport, defaults } = await build.call(this);
	return await executeBulk(this, adapter, transport, readEngineOptions(this, defaults));
}
