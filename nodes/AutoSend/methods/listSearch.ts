import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fetchLists } from './api';

/** AutoSend answers all lists at once; the filter is applied here, by name or id. */
export async function searchLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	// "All Contacts" is virtual: every contact is in it, and nothing can be added to it.
	const lists = (await fetchLists(this)).filter((list) => list.id !== 'GLOBAL_CONTACT_LIST');
	const wanted = filter?.trim().toLowerCase() ?? '';
	const matches = wanted === '' ? lists : lists.filter((list) => list.name.toLowerCase().includes(wanted) || list.id.toLowerCase() === wanted);
	return { results: matches.map((list) => ({ name: list.name, value: list.id })) };
}
