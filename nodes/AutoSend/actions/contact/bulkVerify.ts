import type { ChunkVerdict, ContactOutcome, HttpClient, OutgoingChunk } from '../../../shared/types';
import type { AutoSendContact } from '../../contact';
import { interpretSingleContact } from '../singleContact';

import { attribute, findingFor, type Attribution } from './bulkAttribution';
import { lookUpContacts } from './bulkLookup';

export interface VerifySettings {
	runWorkflow: boolean;
	/** Contacts this run may still send alone to learn why they failed; shared by all chunks of the run. */
	explainBudget: { left: number; max: number };
}

/** What the counts claimed: `failed` only when they add up; `why` opens every message. */
export interface CountsClaim {
	failed?: number;
	sent: number;
	why: string;
}

function withDetails(outcome: ContactOutcome, details: ContactOutcome['details']): ContactOutcome {
	return { ...outcome, details: { ...outcome.details, ...details } };
}

/**
 * Sends one contact alone to the upsert endpoint, which answers validation errors with details. Only
 * for contacts known not to hold the values sent, so this is never a second write of a stored contact.
 */
async function explain(json: string, base: ContactOutcome, http: HttpClient, why: string): Promise<ContactOutcome> {
	const asked = (note: string) => ({ ...base, errorMessage: `${base.errorMessage}. Asking AutoSend why, with this contact alone, failed too: ${note}` });
	let response;
	try {
		response = await http.sendWithRetry({ method: 'POST', url: '/contacts/email', body: json });
	} catch (error) {
		return asked(http.signal?.aborted ? 'the execution was cancelled' : (error as Error).message);
	}
	const verdict = interpretSingleContact(response, 'upserted');
	if (verdict.kind === 'retry') return asked(verdict.reason);
	if (verdict.kind === 'abort') return asked(verdict.outcome.errorMessage ?? `HTTP ${response.status}`);
	if (verdict.kind !== 'all') return asked(`HTTP ${response.status}`);
	const alone = verdict.outcome;
	if (alone.status !== 'failed') return withDetails(alone, { resentAlone: true });
	return withDetails({ ...alone, errorMessage: `${alone.errorMessage} (AutoSend's answer to this contact sent alone; ${why})` }, { resentAlone: true });
}

async function settle(
	attribution: Attribution,
	json: string,
	http: HttpClient,
	claim: CountsClaim,
	settings: VerifySettings,
): Promise<ContactOutcome> {
	const { outcome } = attribution;
	if (!attribution.failed) return outcome;
	if (attribution.alreadyStored && settings.runWorkflow) {
		return { ...outcome, errorMessage: `${outcome.errorMessage}. Not resent alone to ask why: Trigger AutoSend Automations is on and AutoSend already holds this contact, so sending it again could start its automations again` };
	}
	if (settings.explainBudget.left <= 0) {
		const max = settings.explainBudget.max;
		return max === 0 ? outcome : { ...outcome, errorMessage: `${outcome.errorMessage}. Not asked why: the node asks AutoSend about at most ${max} contacts per run (option Explain Failures)` };
	}
	settings.explainBudget.left--;
	return await explain(json, outcome, http, claim.why);
}

/**
 * When the lookup cannot settle a chunk, halving it finds the failures the old way: only with Run
 * Workflows off (a resend would start automations again) and only before any contact is confirmed.
 */
function canSplit(chunk: OutgoingChunk<AutoSendContact>, settings: VerifySettings): boolean {
	return !settings.runWorkflow && chunk.contacts.length > 1;
}

/**
 * After a bulk-update whose counts report failures or do not add up: find out per contact instead of
 * resending the chunk. A chunk counted as wholly failed needs no lookup unless Trigger AutoSend Automations is on
 * (then only contacts the lookup cannot find may be sent again).
 */
export async function verifyChunk(
	chunk: OutgoingChunk<AutoSendContact>,
	http: HttpClient,
	claim: CountsClaim,
	settings: VerifySettings,
): Promise<ChunkVerdict> {
	const n = chunk.contacts.length;
	let lookups = 0;
	let attributions: Attribution[];
	if (claim.failed === n && !settings.runWorkflow) {
		const outcome: ContactOutcome = { status: 'failed', errorCode: 'REJECTED', errorMessage: `AutoSend counted all ${n} contacts of this request as failed` };
		attributions = chunk.contacts.map(() => ({ outcome, failed: true, alreadyStored: false }));
	} else {
		const result = await lookUpContacts(chunk.contacts.map((c) => c.email), http);
		lookups = result.requests;
		if ('problem' in result) {
			if (canSplit(chunk, settings)) {
				return { kind: 'split', reason: `${claim.why}; looking the contacts up failed (${result.problem})`, processed: true };
			}
			const outcome: ContactOutcome = {
				status: 'unknown',
				errorCode: 'LOOKUP_FAILED',
				errorMessage: `${claim.why}; looking the contacts up to find out failed (${result.problem}), so whether this contact was stored is not known. Not resent`,
				details: { lookups },
			};
			return { kind: 'all', outcome };
		}
		attributions = attribute(chunk.contacts.map((c) => findingFor(c, result.found.get(c.email))), claim);
		// Nothing here is known to have succeeded, so halving cannot resend a contact that did.
		const confirmed = attributions.some((a) => a.outcome.status === 'upserted');
		if (!confirmed && attributions.some((a) => a.outcome.status === 'unknown') && canSplit(chunk, settings)) {
			return { kind: 'split', reason: `${claim.why}, and a lookup could not tell which`, processed: true };
		}
	}
	const outcomes: ContactOutcome[] = [];
	for (let i = 0; i < n; i++) {
		const settled = await settle(attributions[i], chunk.serialized[i], http, claim, settings);
		outcomes.push(lookups > 0 ? withDetails(settled, { lookups }) : settled);
	}
	return { kind: 'outcomes', outcomes };
}
