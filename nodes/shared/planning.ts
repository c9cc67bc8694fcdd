import type { INodeExecutionData } from 'n8n-workflow';

import { checkContactShape } from './bounds';
import { utf8Length } from './bytes';
import { mergeContacts } from './merge';
import type { BulkAdapter, OutgoingChunk, PreparedItem } from './types';

/** A contact to send, standing for one or more input items with the same key. */
export interface UniqueContact<C> {
	key: string;
	email?: string;
	contact: C;
	/** Input item indexes merged into this contact, in input order. */
	items: number[];
}

export interface InvalidItem {
	itemIndex: number;
	email?: string;
	field: string;
	message: string;
}

export interface PreparedInput<C> {
	unique: Array<UniqueContact<C>>;
	invalid: InvalidItem[];
	/** Per item index, the input keys it did not send; only when the reader reports them (auto-map). */
	ignoredFields?: Array<string[] | undefined>;
}

/** The item's own `email` text, so an error can show what was wrong with it. */
function rawEmail(item: INodeExecutionData): string | undefined {
	const value = (item.json as Record<string, unknown> | undefined)?.email;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * One item through the adapter, bounded: whatever the item holds (a value nested thousands of levels
 * deep, a getter that throws), it becomes this item's `invalid` result and never stops its neighbours.
 */
function prepareOne<C>(adapter: BulkAdapter<C>, item: INodeExecutionData, itemIndex: number): PreparedItem<C> {
	let prepared: PreparedItem<C>;
	try {
		prepared = adapter.toContact(item, itemIndex);
	} catch (error) {
		const shape = checkContactShape(item.json);
		if (shape) return { ok: false, field: shape.field, message: shape.message };
		return { ok: false, field: 'item', message: `could not be read: ${error instanceof Error ? error.message : String(error)}` };
	}
	if (!prepared.ok) return prepared;
	const shape = checkContactShape(prepared.contact);
	return shape ? { ok: false, email: prepared.email, field: shape.field, message: shape.message, ignoredFields: prepared.ignoredFields } : prepared;
}

/** Validates every item once and folds items with the same key into one contact (later wins). */
export function prepareItems<C>(adapter: BulkAdapter<C>, items: INodeExecutionData[]): PreparedInput<C> {
	const unique: Array<UniqueContact<C>> = [];
	const invalid: InvalidItem[] = [];
	const byKey = new Map<string, number>();
	const merge = adapter.merge ?? mergeContacts;
	let ignoredFields: Array<string[] | undefined> | undefined;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const prepared = prepareOne(adapter, items[itemIndex], itemIndex);
		if (prepared.ignoredFields) (ignoredFields ??= new Array<string[] | undefined>(items.length))[itemIndex] = prepared.ignoredFields;
		if (!prepared.ok) {
			invalid.push({ itemIndex, email: prepared.email ?? rawEmail(items[itemIndex]), field: prepared.field, message: prepared.message });
			continue;
		}
		const seen = byKey.get(prepared.key);
		if (seen === undefined) {
			byKey.set(prepared.key, unique.length);
			unique.push({ key: prepared.key, email: prepared.email, contact: prepared.contact, items: [itemIndex] });
		} else {
			const target = unique[seen];
			target.contact = merge(target.contact, prepared.contact);
			target.items.push(itemIndex);
		}
	}
	return ignoredFields ? { unique, invalid, ignoredFields } : { unique, invalid };
}

export interface PlannedChunk<C> extends OutgoingChunk<C> {
	/** Indexes into the unique-contact list, parallel to `contacts`. */
	members: number[];
}

export interface ChunkPlan<C> {
	chunks: Array<PlannedChunk<C>>;
	/** Unique contacts that alone exceed the byte limit. */
	oversized: Array<{ member: number; bytes: number }>;
	/** Unique contacts JSON cannot represent (a BigInt, a `toJSON` that throws). */
	unserializable: Array<{ member: number; message: string }>;
}

export function buildBody(envelope: { before: string; after: string }, serialized: string[]): string {
	return envelope.before + serialized.join(',') + envelope.after;
}

/**
 * The body is joined when a request is about to go out, not when it is planned: holding every
 * request body of a 100,000-contact run at once doubled the node's memory for nothing.
 */
function chunkOf<C>(envelope: { before: string; after: string }, fields: Omit<PlannedChunk<C>, 'body'>): PlannedChunk<C> {
	return {
		...fields,
		get body() {
			return buildBody(envelope, this.serialized);
		},
	};
}

/** Chunks formed on demand, and the contacts no request can carry (complete once every chunk was taken). */
export interface ChunkPlanner<C> extends Iterable<PlannedChunk<C>> {
	oversized: ChunkPlan<C>['oversized'];
	unserializable: ChunkPlan<C>['unserializable'];
	/** Chunks handed out so far. */
	readonly count: number;
}

/**
 * Packs contacts into requests in one linear pass: each contact is serialised exactly once and a
 * request is closed as soon as the next contact would break the count or the byte limit. The pass
 * runs as the sender takes the next chunk, so only the JSON text of chunks in flight is alive: planned
 * up front, a 500,000-contact run held every contact's text at once next to the contacts themselves.
 */
export function chunkPlanner<C>(
	unique: Array<UniqueContact<C>>,
	envelope: { before: string; after: string },
	maxContacts: number,
	maxBytes: number | undefined,
): ChunkPlanner<C> {
	const oversized: ChunkPlan<C>['oversized'] = [];
	const unserializable: ChunkPlan<C>['unserializable'] = [];
	const envelopeBytes = utf8Length(envelope.before) + utf8Length(envelope.after);
	const byteLimit = maxBytes ?? Number.POSITIVE_INFINITY;
	let count = 0;

	function* chunks(): Generator<PlannedChunk<C>> {
		let contacts: C[] = [];
		let serialized: string[] = [];
		let members: number[] = [];
		let bytes = envelopeBytes;
		const close = (): PlannedChunk<C> => {
			const chunk = chunkOf(envelope, { request: ++count, contacts, serialized, members, bytes });
			contacts = [];
			serialized = [];
			members = [];
			bytes = envelopeBytes;
			return chunk;
		};
		for (let member = 0; member < unique.length; member++) {
			let json: string;
			try {
				json = JSON.stringify(unique[member].contact);
			} catch (error) {
				unserializable.push({ member, message: error instanceof Error ? error.message : String(error) });
				continue;
			}
			const size = utf8Length(json);
			if (envelopeBytes + size > byteLimit) {
				oversized.push({ member, bytes: envelopeBytes + size });
				continue;
			}
			const separator = contacts.length > 0 ? 1 : 0;
			if (contacts.length > 0 && (contacts.length >= maxContacts || bytes + separator + size > byteLimit)) yield close();
			bytes += (contacts.length > 0 ? 1 : 0) + size;
			contacts.push(unique[member].contact);
			serialized.push(json);
			members.push(member);
		}
		if (contacts.length > 0) yield close();
	}

	const iterator = chunks();
	return {
		oversized,
		unserializable,
		get count() {
			return count;
		},
		[Symbol.iterator]: () => iterator,
	};
}

/** Every chunk at once (tests and callers that need the whole plan). */
export function planChunks<C>(
	unique: Array<UniqueContact<C>>,
	envelope: { before: string; after: string },
	maxContacts: number,
	maxBytes: number | undefined,
): ChunkPlan<C> {
	const planner = chunkPlanner(unique, envelope, maxContacts, maxBytes);
	const chunks = [...planner];
	return { chunks, oversized: planner.oversized, unserializable: planner.unserializable };
}

/** Halves a chunk to isolate the contacts a provider rejected without saying which. */
export function splitChunk<C>(
	chunk: PlannedChunk<C>,
	envelope: { before: string; after: string },
): [PlannedChunk<C>, PlannedChunk<C>] {
	const middle = Math.ceil(chunk.contacts.length / 2);
	const half = (from: number, to: number): PlannedChunk<C> => {
		const serialized = chunk.serialized.slice(from, to);
		return chunkOf(envelope, {
			request: chunk.request,
			contacts: chunk.contacts.slice(from, to),
			serialized,
			members: chunk.members.slice(from, to),
			bytes: utf8Length(buildBody(envelope, serialized)),
		});
	};
	return [half(0, middle), half(middle, chunk.contacts.length)];
}
