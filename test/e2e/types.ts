import type { RunningAutoSendEmulator } from '../emulators/autosend';
import type { RunningNotifuseEmulator } from '../emulators/notifuse';
import type { RunningSendGridEmulator } from '../emulators/sendgrid';
import type { Checks } from './check';
import type { CliResult, RunJson } from './n8nCli';
import type { Workflow } from './workflow';

export interface Emulators {
	autosend: RunningAutoSendEmulator;
	notifuse: RunningNotifuseEmulator;
	sendgrid: RunningSendGridEmulator;
}

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
