import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { DeliveredOutcome } from './dispatch';
import type { UniqueContact } from './planning';
import { FAILURE_STATUSES } from './types';

interface Remembered {
	run: string;
	/** The exact contact sent; a changed payload is sent again. */
	fingerprint: string;
	outcome: DeliveredOutcome;
}

/**
 * n8n's Retry On Fail calls the node again with the very same input item objects, so an item can
 * carry what happened to it in the earlier try. Weakly held: nothing outlives the execution's items.
 */
const earlierTries = new WeakMap<INodeExecutionData, Remembered>();

export interface ResumeSplit<C> {
	send: Array<UniqueContact<C>>;
	done: Array<{ member: UniqueContact<C>; outcome: DeliveredOutcome }>;
}

export interface ResumeMemory {
	split<C>(items: INodeExecutionData[], unique: Array<UniqueContact<C>>): ResumeSplit<C>;
	remember<C>(items: INodeExecutionData[], members: Array<UniqueContact<C>>, outcomes: DeliveredOutcome[]): void;
}

function succeeded(outcome: DeliveredOutcome | undefined): outcome is DeliveredOutcome {
	return outcome !== undefined && !FAILURE_STATUSES.has(outcome.status) && outcome.status !== 'dry_run' && outcome.status !== 'unknown';
}

/** Remembers per-item successes across tries of one node in one execution; only when Retry On Fail is on. */
export function resumeMemory(ctx: IExecuteFunctions): ResumeMemory | undefined {
	const node = ctx.getNode();
	if (node.retryOnFail !== true) return undefined;
	const run = `${ctx.getExecutionId()}\u0000${node.name}`;
	return {
		split(items, unique) {
			const result: ResumeSplit<(typeof unique)[number]['contact']> = { send: [], done: [] };
			for (const member of unique) {
				const first = earlierTries.get(items[member.items[0]]);
				const fingerprint = first && first.run === run ? JSON.stringify(member.contact) : undefined;
				const all =
					fingerprint !== undefined &&
					member.items.every((i) => {
						const seen = earlierTries.get(items[i]);
						return seen !== undefined && seen.run === run && seen.fingerprint === fingerprint;
					});
				if (all && first) result.done.push({ member, outcome: { ...first.outcome, details: { ...first.outcome.details, fromEarlierTry: true } } });
				else result.send.push(member);
			}
			return result;
		},
		remember(items, members, outcomes) {
			members.forEach((member, index) => {
				const outcome = outcomes[index];
				if (!succeeded(outcome)) return;
				const entry: Remembered = { run, fingerprint: JSON.stringify(member.contact), outcome };
				for (const i of member.items) earlierTries.set(items[i], entry);
			});
		},
	};
}
