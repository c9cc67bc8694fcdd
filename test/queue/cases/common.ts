import type { Checks } from '../../e2e/check';
import type { RequestLogEntry } from '../../emulators/common/server';
import type { Execution } from '../api';
import type { QueueContext } from '../types';

/**
 * Which worker ran each execution, from the workers' own logs (n8n keeps no worker id on the
 * execution record; job-processor.ts logs "Worker started execution N"). Fails the check for an
 * execution no worker claims, e.g. one main ran itself.
 */
export function executedBy(context: QueueContext, executions: Execution[], checks: Checks): string {
	const counts: Record<string, number> = {};
	for (const execution of executions) {
		const worker = context.cluster.workerOf(execution.id);
		checks.that(Boolean(worker), `execution ${execution.id} was started by a worker`);
		checks.that(!/Worker started execution/.test(context.cluster.main.log), 'main ran no execution itself');
		if (worker) counts[worker.name] = (counts[worker.name] ?? 0) + 1;
	}
	return Object.entries(counts)
		.sort()
		.map(([name, n]) => `${name}: ${n}`)
		.join(', ');
}

/** The email addresses a logged request carried (JSON bodies; null when the body was not JSON). */
export function emailsIn(entry: RequestLogEntry, listKey: string): string[] {
	if (!entry.requestBody) return [];
	try {
		const body = JSON.parse(entry.requestBody.toString('utf8')) as Record<string, Array<{ email?: string }>>;
		return (body[listKey] ?? []).map((contact) => String(contact.email));
	} catch {
		return [];
	}
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "success", or "error: <the execution's error message>" so a failed check says why. */
export function statusOf(execution: Execution): string {
	const data = execution.data?.resultData;
	const error = data?.error ?? Object.values(data?.runData ?? {}).flat().find((task) => task.error)?.error;
	return error ? `${execution.status}: ${error.message}${error.description ? ` (${error.description})` : ''}` : execution.status;
}
