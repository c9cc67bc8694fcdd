import type { INodeExecutionData } from 'n8n-workflow';

import { PROVIDERS } from '../providers';
import type { Bed, Target } from './bed';

export type { Bed, CredentialOverride, Target } from './bed';

/** Every operation of every registered provider's node: each provider keeps its own in test/nodes/<key>/targets.ts. */
export const TARGETS: Target[] = PROVIDERS.flatMap(
	(provider) => (require(`../nodes/${provider.key}/targets`) as { targets: Target[] }).targets,
);

/** The target with this title; a typo throws instead of silently dropping the tests that use it. */
export function targetNamed(name: string): Target {
	const target = TARGETS.find((t) => t.name === name);
	if (!target) throw new Error(`no reliability target named ${name}`);
	return target;
}

/**
 * The target's bed for the enclosing describe block: opened once, emulator state and faults reset
 * before every test, closed at the end. Tests call the returned function (the bed exists once
 * beforeAll has run).
 */
export function useBed(target: Target): () => Bed {
	let bed: Bed | undefined;
	beforeAll(async () => {
		bed = await target.open();
	});
	afterAll(async () => await bed?.close());
	beforeEach(async () => await bed?.reset());
	return () => {
		if (!bed) throw new Error(`the bed of ${target.name} is not open`);
		return bed;
	};
}

export function itemsOf(target: Target, count: number, prefix = 'person'): INodeExecutionData[] {
	return Array.from({ length: count }, (_, i) => ({ json: target.contact(i, prefix) }));
}
