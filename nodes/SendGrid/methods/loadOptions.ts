import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchLists } from './api';

export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await fetchLists(this);
	return lists
		.map((list) => ({ name: list.name, value: list.id, description: list.count === undefined ? undefined : `${list.count} contacts` }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
