import type { RunItem, RunJson } from './n8nCli';

/** Collects failed expectations of one case, so a run reports all of them, not just the first. */
export class Checks {
	readonly failures: string[] = [];

	that(condition: boolean, message: string): void {
		if (!condition) this.failures.push(message);
	}

	equal(actual: unknown, expected: unknown, what: string): void {
		const a = JSON.stringify(actual);
		const e = JSON.stringify(expected);
		if (a !== e) this.failures.push(`${what}: expected ${e}, got ${a}`);
	}
}

/** The items of one node's output (0 = main, 1 = error output), or [] when the node did not run. */
export function outputOf(run: RunJson | undefined, nodeName: string, output = 0): RunItem[] {
	const task = run?.data.resultData.runData[nodeName]?.at(-1);
	return task?.data?.main[output] ?? [];
}

export function ran(run: RunJson | undefined, nodeName: string): boolean {
	return Boolean(run?.data.resultData.runData[nodeName]);
}

export function countBy(items: RunItem[], field: string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const item of items) {
		const key = String(item.json[field]);
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

/** True when output items are paired 1:1 and in order with the node's input items. */
export function pairedInOrder(items: RunItem[], expectedIndexes?: number[]): boolean {
	return items.every((item, position) => {
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		const expected = expectedIndexes ? expectedIndexes[position] : position;
		return paired?.item === expected;
	});
}

/** The emulator's logged requests whose path is exactly `path` (the inspection API is never logged). */
export function requestsTo(emulator: { log: Array<{ path: string; status: number; contacts?: number; bodyBytes: number }> }, path: string) {
	return emulator.log.filter((entry) => entry.path === path);
}

/** Contacts per request to `path`, largest first: parallel requests arrive in any order, their sizes are the promise. */
export function batchSizes(emulator: Parameters<typeof requestsTo>[0], path: string): number[] {
	return requestsTo(emulator, path)
		.map((entry) => entry.contacts ?? 0)
		.sort((a, b) => b - a);
}
