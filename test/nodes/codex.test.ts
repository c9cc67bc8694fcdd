import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { packageEntryFiles } from '../packageEntries';

/** Every declared node's codex file sits beside it: `<Node>.node.ts` → `<Node>.node.json`. */
const CODEX_FILES = packageEntryFiles('nodes').map((file) => file.replace(/^nodes\//, '').replace(/\.ts$/, '.json'));
/** n8n's nodes panel matches search words against the codex `alias` list: users look for the job, not the brand. */
const SEARCH_WORDS = ['bulk', 'batch', 'import', 'newsletter', 'contacts', 'sync', 'upsert', 'list'];

describe.each(CODEX_FILES)('codex %s', (file) => {
	const codex = JSON.parse(readFileSync(join(__dirname, '..', '..', 'nodes', file), 'utf8')) as { node: string; alias?: string[]; categories?: string[] };

	it('is found by the words people search for', () => {
		expect(codex.alias).toEqual(expect.arrayContaining(SEARCH_WORDS));
	});

	it('names the package node and a category', () => {
		expect(codex.node).toMatch(/^n8n-nodes-contact-sync\./);
		expect(codex.categories).toContain('Marketing');
	});
});
