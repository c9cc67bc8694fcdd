import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readEmail } from './email';
import { itemParameterReader } from './itemParameter';
import type { PreparedItem } from './types';

/**
 * Get and Delete act on an email alone: the contact the engine chunks is the normalised address
 * itself, so a request body is just the envelope around the quoted emails and duplicates fold.
 */
export function emailKeyReader(ctx: IExecuteFunctions, parameter = 'email'): (item: INodeExecutionData, itemIndex: number) => PreparedItem<string> {
	const value = itemParameterReader(ctx, parameter);
	return (item, itemIndex) => {
		const read = readEmail(value(item, itemIndex));
		if ('problem' in read) return { ok: false, field: 'email', message: read.problem };
		return { ok: true, key: read.email, email: read.email, contact: read.email };
	};
}

/** Contact fields copied into a `found` output item, under one key so they never shadow `status` or `email`. */
export function foundDetails(contact: object, listIds?: unknown): IDataObject {
	const details: IDataObject = { contact: contact as IDataObject };
	if (Array.isArray(listIds)) details.listIds = listIds as IDataObject[];
	return details;
}
