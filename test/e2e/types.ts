import type { EmulatorsByKey } from '../providers';
import type { Checks } from './check';
import type { CliResult, RunJson } from './n8nCli';
import type { Workflow } from './workflow';

/** Every registered provider's emulator, by provider key (test/providers.ts). */
export type Emulators = EmulatorsByKey;

export interface E2eCase {
	name: string;
	workflow: Workflow;
	/** The workflow is meant to fail (e.g. a wrong API key); the check reads the error. */
	expectError?: boolean;
	/** Runs before the workflow (e.g. emulator faults or fixtures). */
	before?(emulators: Emulators): void | Promise<void>;
	check(run: RunJson | undefined, checks: Checks, context: { emulators: Emulators; cli: CliResult }): void;
	/**
	 * Further executions of the same saved workflow, right after this one and in order, each reported as
	 * its own line (what n8n keeps between executions: processed data, static data, the emulators' store).
	 */
	then?: Array<Omit<E2eCase, 'workflow' | 'then'>>;
}
