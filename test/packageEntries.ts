/**
 * The nodes and credentials the package declares to n8n (package.json "n8n"): the one list of them,
 * so tests that cover every node or credential need no list of their own.
 */
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const declared = (require(join(root, 'package.json')) as { n8n: Record<'nodes' | 'credentials', string[]> }).n8n;

/** Each declared entry's source file (`dist/x.node.js` → `x.node.ts`), relative to the repository. */
export function packageEntryFiles(kind: 'nodes' | 'credentials'): string[] {
	return declared[kind].map((built) => built.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

/** One instance of each declared node or credential class, loaded from its source. */
export function packageSources<T>(kind: 'nodes' | 'credentials'): T[] {
	return packageEntryFiles(kind).map((file) => {
		const exported = require(join(root, file)) as Record<string, new () => T>;
		return Object.values(exported).map((Class) => new Class())[0];
	});
}
