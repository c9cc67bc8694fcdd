import type { Checks } from '../e2e/check';
import type { Emulators } from '../e2e/types';
import type { MainApi } from './api';
import type { Cluster } from './cluster';
import type { Services } from './services';
import type { ActiveWorkflow } from './workflows';

export interface QueueContext {
	cluster: Cluster;
	api: MainApi;
	emulators: Emulators;
	services: Services;
	/** Measured figures of a case, printed under it and collected into the run's summary. */
	figure(name: string, value: string | number): void;
}

export interface QueueCase {
	name: string;
	/** Imported (active) before main starts; their webhooks are what the case calls. */
	workflows: ActiveWorkflow[];
	/** Runs before n8n starts (e.g. seeding the CRM tables). */
	seed?(services: Services): void;
	run(context: QueueContext, checks: Checks): Promise<void>;
}
