import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchLists } from './api';

export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await fetchLists(this);
	return lists
		.map((list) => ({ name: list.name ? `${list.name} (${list.id})` : list.id, value: list.id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
