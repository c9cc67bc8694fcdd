import type { IDataObject } from 'n8n-workflow';

import type { ChunkVerdict, ContactOutcome, HttpClient, HttpResponse, OutgoingChunk, PrecheckFailure } from '../shared/types';
import { isSuccess, verdictForError, verdictForUnreadable } from '../shared/verdicts';

import { clip } from './errorFile';
import { LIST_REMOVE_MAX_QUERY_CHARS } from './limits';
import { lookUp, type Lookup } from './lookup';
import { upsertAnswer } from './schemas';
import { providerError } from './transport';

export interface ListRemovalOptions {
	listId: string;
	/** 0: report `queued` as soon as SendGrid accepts the removal. */
	maxWaitMs: number;
}

/** What one chunk learnt before its DELETE; kept across retries of the same chunk. */
interface ChunkState {
	lookups: Map<string, Lookup>;
	/** Email → contact id of the members the DELETE carries. */
	members: Map<string, string>;
	jobIds: string[];
}

const FIRST_POLL_MS = 500;
const MAX_POLL_INTERVAL_MS = 15_000;

/** A stand-in answer for a chunk none of whose contacts is in the list: nothing is sent. */
const NOTHING_SENT: HttpResponse = { status: 200, headers: {}, body: { nothingToRemove: true }, malformed: false };

/** Splits the ids over as few DELETEs as the query length allows. */
function idGroups(ids: string[]): string[][] {
	const groups: string[][] = [];
	let current: string[] = [];
	let length = 0;
	for (const id of ids) {
		const added = encodeURIComponent(id).length + 1;
		if (current.length > 0 && length + added > LIST_REMOVE_MAX_QUERY_CHARS) {
			groups.push(current);
			current = [];
			length = 0;
		}
		current.push(id);
		length += added;
	}
	if (current.length > 0) groups.push(current);
	return groups;
}

function lookupOutcome(lookup: Lookup | undefined, details: IDataObject): ContactOutcome | undefined {
	if (!lookup || lookup.kind === 'failed') {
		const why = lookup?.kind === 'failed' ? lookup.message : 'the lookup answer does not mention this email';
		return { status: 'failed', errorCode: 'LOOKUP_FAILED', errorMessage: `Could not look the contact up, so it was not removed: ${why}`, details };
	}
	if (lookup.kind === 'missing') return { status: 'not_found', details };
	if (lookup.kind === 'invalid') return { status: 'invalid', errorCode: 'INVALID_EMAIL', errorField: 'email', errorMessage: `SendGrid calls the address invalid: ${lookup.message}`, details };
	return undefined;
}

/**
 * Contact List → Remove Contacts on SendGrid: search/emails resolves the chunk's emails to contact ids
 * and tells who is in the list; only members go into DELETE /v3/marketing/lists/{id}/contacts, whose
 * 202 is a promise (`queued`) unless the node waits and sees them leave the list.
 */
export function listRemoval(options: ListRemovalOptions) {
	const states = new WeakMap<OutgoingChunk<string>, ChunkState>();
	const base = `/v3/marketing/lists/${encodeURIComponent(options.listId)}`;
	const details: IDataObject = { listId: options.listId };
	let listCheck: Promise<PrecheckFailure | undefined> | undefined;

	async function checkList(http: HttpClient): Promise<PrecheckFailure | undefined> {
		const answer = await http.sendWithRetry({ method: 'GET', url: base });
		if (isSuccess(answer)) return undefined;
		const error = providerError(answer);
		if (answer.status === 404) {
			const errorMessage = `List ${options.listId} not found: ${clip(error.message)}`;
			return { answer, verdict: { kind: 'abort', outcome: { status: 'failed', errorCode: 'LIST_NOT_FOUND', errorField: 'listId', errorMessage } } };
		}
		listCheck = undefined;
		return { answer, verdict: verdictForError(answer, error) };
	}

	async function stateOf(chunk: OutgoingChunk<string>, http: HttpClient): Promise<ChunkState> {
		let state = states.get(chunk);
		if (!state) {
			const lookups = await lookUp(chunk.contacts, http);
			const members = new Map<string, string>();
			for (const email of chunk.contacts) {
				const found = lookups.get(email);
				if (found?.kind === 'found' && (found.contact.list_ids ?? []).includes(options.listId)) members.set(email, found.contact.id);
			}
			state = { lookups, members, jobIds: [] };
			states.set(chunk, state);
		}
		return state;
	}

	/** Looks the removed members up until they have left the list or the wait is spent; those still in it are returned. */
	async function waitUntilGone(emails: string[], http: HttpClient): Promise<{ left: Set<string>; vanished: Set<string> }> {
		const left = new Set<string>();
		const vanished = new Set<string>();
		let pending = emails;
		let waited = 0;
		let pause = FIRST_POLL_MS;
		while (pending.length > 0 && waited < options.maxWaitMs) {
			const step = Math.min(pause, options.maxWaitMs - waited);
			await http.sleep(step);
			waited += step;
			pause = Math.min(pause * 2, MAX_POLL_INTERVAL_MS);
			const now = await lookUp(pending, http);
			pending = pending.filter((email) => {
				const lookup = now.get(email);
				if (lookup?.kind === 'missing') vanished.add(email);
				else if (lookup?.kind === 'found' && !(lookup.contact.list_ids ?? []).includes(options.listId)) left.add(email);
				else return true;
				return false;
			});
		}
		return { left, vanished };
	}

	return {
		async precheck(http: HttpClient): Promise<PrecheckFailure | undefined> {
			listCheck ??= checkList(http);
			return await listCheck;
		},

		async send(chunk: OutgoingChunk<string>, http: HttpClient): Promise<HttpResponse> {
			const state = await stateOf(chunk, http);
			if (state.members.size === 0) return NOTHING_SENT;
			state.jobIds = [];
			let last: HttpResponse = NOTHING_SENT;
			// search/emails also matches alternate emails: two items can name one contact, sent once.
			for (const ids of idGroups([...new Set(state.members.values())])) {
				last = await http.send({ method: 'DELETE', url: `${base}/contacts`, qs: { contact_ids: ids.join(',') } });
				if (!isSuccess(last)) return last;
				const parsed = upsertAnswer.safeParse(last.body);
				if (parsed.success) state.jobIds.push(parsed.data.job_id);
			}
			return last;
		},

		async interpret(chunk: OutgoingChunk<string>, response: HttpResponse, http: HttpClient): Promise<ChunkVerdict> {
			if (response === NOTHING_SENT) {
				const state = await stateOf(chunk, http);
				return { kind: 'outcomes', outcomes: chunk.contacts.map((email) => lookupOutcome(state.lookups.get(email), details) ?? { status: 'not_in_list', id: idOf(state, email), details }) };
			}
			if (response.malformed) return verdictForUnreadable(response);
			if (!isSuccess(response)) {
				// The list was there a moment ago: a contact was deleted since the lookup. Smaller requests, looked up afresh, find it.
				if (response.status === 404 && chunk.contacts.length > 1) return { kind: 'split', reason: clip(providerError(response).message), processed: false };
				if (response.status === 404) return { kind: 'all', outcome: { status: 'not_found', errorMessage: clip(providerError(response).message), details } };
				return verdictForError(response, providerError(response));
			}
			const state = await stateOf(chunk, http);
			if (state.jobIds.length === 0) return verdictForUnreadable(response);
			const jobDetails = { ...details, jobId: state.jobIds.length === 1 ? state.jobIds[0] : state.jobIds.join(',') };
			const settled = options.maxWaitMs > 0 ? await waitUntilGone([...state.members.keys()], http) : undefined;
			const outcomes = chunk.contacts.map((email): ContactOutcome => {
				const early = lookupOutcome(state.lookups.get(email), details);
				if (early) return early;
				const id = idOf(state, email);
				if (!state.members.has(email)) return { status: 'not_in_list', id, details };
				if (settled?.left.has(email)) return { status: 'removed', id, details: jobDetails };
				if (settled?.vanished.has(email)) return { status: 'not_found', id, errorMessage: 'The contact was deleted while the removal ran', details: jobDetails };
				const note = settled
					? 'SendGrid accepted the removal, but the contact was still in the list when the wait ended'
					: 'SendGrid accepted the removal and runs it asynchronously';
				return { status: 'queued', id, details: { ...jobDetails, note } };
			});
			return { kind: 'outcomes', outcomes };
		},
	};
}

function idOf(state: ChunkState, email: string): string | undefined {
	const lookup = state.lookups.get(email);
	return lookup?.kind === 'found' ? lookup.contact.id : undefined;
}
