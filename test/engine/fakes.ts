import type { INodeExecutionData } from 'n8n-workflow';

import { readEmail } from '../../nodes/shared/email';
import { isSuccess, verdictForError } from '../../nodes/shared/verdicts';
import type { BulkAdapter, HttpClient, HttpResponse, Limits, OutgoingChunk } from '../../nodes/shared/types';

/** Deterministic PRNG (mulberry32) so property tests can be replayed from their seed. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface TestContact {
	email: string;
	name?: string;
	tags?: Record<string, string>;
}

export type ServerBehaviour =
	| { kind: 'ok' }
	| { kind: 'status'; status: number; headers?: Record<string, string> }
	| { kind: 'reset-before' }
	| { kind: 'reset-after' }
	| { kind: 'malformed' }
	/** An HTML or text page (a proxy, a login page), as the HTTP client hands it over. */
	| { kind: 'page'; status: number; text?: string; contentType?: string }
	| { kind: 'redirect'; status: number; location: string };

/**
 * An in-memory provider for engine tests: a counts-only bulk upsert (like AutoSend's bulk-update)
 * where "poison" emails fail without being named.
 */
export class FakeProvider {
	/** Emails of every request that the provider processed, in order. */
	processed: string[][] = [];
	/** Emails of every processed request that fully succeeded. */
	succeeded: string[][] = [];
	attempts = 0;
	sleeps: number[] = [];

	constructor(
		private readonly behaviour: (attempt: number, emails: string[]) => ServerBehaviour,
		private readonly poison = new Set<string>(),
	) {}

	handle(chunk: OutgoingChunk<TestContact>): HttpResponse {
		this.attempts++;
		const parsed = JSON.parse(chunk.body) as { contacts: TestContact[] };
		const emails = parsed.contacts.map((c) => c.email);
		const what = this.behaviour(this.attempts, emails);
		if (what.kind === 'reset-before') throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
		if (what.kind === 'page') {
			const text = what.text ?? `<html><head><title>${what.status}</title></head><body><h1>${what.status} from nginx</h1></body></html>`;
			const ok = what.status >= 200 && what.status < 300;
			return { status: what.status, headers: { 'content-type': what.contentType ?? 'text/html' }, body: text, malformed: ok };
		}
		if (what.kind === 'redirect') return { status: what.status, headers: { location: what.location }, body: undefined, malformed: false };
		if (what.kind === 'status') {
			if (what.status >= 500) this.processed.push(emails);
			return { status: what.status, headers: what.headers ?? {}, body: { error: `status ${what.status}` }, malformed: false };
		}
		this.processed.push(emails);
		if (what.kind === 'reset-after') throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		if (what.kind === 'malformed') return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"oops', malformed: true };
		const failed = emails.filter((e) => this.poison.has(e)).length;
		if (failed === 0) this.succeeded.push(emails);
		return {
			status: 200,
			headers: {},
			body: { successCount: emails.length - failed, failedCount: failed, totalCount: emails.length },
			malformed: false,
		};
	}

	client(): HttpClient {
		return {
			send: async () => {
				throw new Error('adapters in these tests call the provider directly');
			},
			sendWithRetry: async () => {
				throw new Error('not used');
			},
			sleep: async (ms: number) => {
				this.sleeps.push(ms);
			},
		};
	}
}

export function testAdapter(provider: FakeProvider, limits: Partial<Limits> = {}): BulkAdapter<TestContact> {
	return {
		limits: { maxContacts: 100, idempotent: true, ...limits },
		envelope: { before: '{"contacts":[', after: ']}' },
		toContact(item: INodeExecutionData) {
			const read = readEmail(item.json.email);
			if ('problem' in read) return { ok: false, field: 'email', message: read.problem };
			const contact: TestContact = { email: read.email };
			if (typeof item.json.name === 'string') contact.name = item.json.name;
			if (item.json.tags && typeof item.json.tags === 'object') contact.tags = item.json.tags as Record<string, string>;
			return { ok: true, key: read.email, email: read.email, contact };
		},
		async send(chunk) {
			return provider.handle(chunk);
		},
		async interpret(chunk, response) {
			if (response.malformed) return { kind: 'retry', reason: 'unreadable answer', processed: true };
			if (!isSuccess(response)) return verdictForError(response, { message: `HTTP ${response.status}` });
			const body = response.body as { failedCount: number };
			if (body.failedCount > 0) {
				return { kind: 'split', reason: `${body.failedCount} of ${chunk.contacts.length} contacts failed`, processed: true };
			}
			return { kind: 'all', outcome: { status: 'upserted' } };
		},
	};
}

export function itemsOf(values: Array<Record<string, unknown>>): INodeExecutionData[] {
	return values.map((json) => ({ json: json as INodeExecutionData['json'] }));
}
