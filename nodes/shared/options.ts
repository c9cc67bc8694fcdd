import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from './http';
import { DEFAULT_HISTORY_SIZE } from './skipUnchanged';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './types';

export interface BulkOptionDefaults {
	/** Contacts per request: the provider's maximum unless the user lowers it. */
	batchSize: number;
	maxBatchSize: number;
	concurrency: number;
	/** The provider's published rate limit, 0 when it has none. */
	requestsPerSecond: number;
	/** Leave the batch-size field out for single-contact operations. */
	batched: boolean;
	/** The transport's own per-request timeout when it is not the engine's default. */
	timeoutMs?: number;
	/**
	 * False for operations that read, delete or unsubscribe: Skip Unchanged Contacts compares the fields
	 * a write would send, which they do not have, so it is offered only where contacts are written.
	 */
	writesContacts?: boolean;
}

function minutes(ms: number): string {
	const value = Math.round((ms / 60_000) * 10) / 10;
	return `${value} minute${value === 1 ? '' : 's'}`;
}

/** Per-provider defaults differ; the literal in each field is only what the linter reads. */
function withDefault(field: INodeProperties, value: number): INodeProperties {
	return { ...field, default: value };
}

/**
 * The delivery options every bulk operation shares, for the node's "Options" collection. Provider
 * nodes add their own fields next to these.
 */
function deliveryOptionFields(defaults: BulkOptionDefaults): INodeProperties[] {
	const fields: INodeProperties[] = [];
	if (defaults.batched) {
		fields.push(
			withDefault(
				{
					displayName: 'Contacts per Request',
					name: 'batchSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: defaults.maxBatchSize },
					default: 100,
					description: `How many contacts go in one request. The provider accepts at most ${defaults.maxBatchSize}; lower it only if a proxy in between limits request size.`,
				},
				defaults.batchSize,
			),
		);
	}
	fields.push(
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description:
				'Whether to only validate, de-duplicate and plan the requests without sending anything. Each item reports which request it would go in and the payload.',
		},
		{
			displayName: 'Include Input Fields',
			name: 'includeInputFields',
			type: 'boolean',
			default: false,
			description: 'Whether to copy the input item fields into the output item, next to the result fields',
		},
		withDefault(
			{
				displayName: 'Max Requests per Second',
				name: 'requestsPerSecond',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description:
					'Paces requests to stay under the provider rate limit so they are not rejected with 429. 0 means no pacing.',
			},
			defaults.requestsPerSecond,
		),
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 20 },
			default: 5,
			description:
				'How often a request is resent after a rate limit (429), a server error or a lost connection. Requests that might create duplicates are never resent.',
		},
		withDefault(
			{
				displayName: 'Parallel Requests',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 16 },
				default: 2,
				description: 'How many requests may be in flight at the same time',
			},
			defaults.concurrency,
		),
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				`Milliseconds to wait for the provider to answer one request before giving up on it (a create that timed out is not resent). 0 uses the default of ${minutes(defaults.timeoutMs ?? DEFAULT_TIMEOUT_MS)}.`,
		},
	);
	if (defaults.writesContacts !== false) {
		fields.push(
			{
				displayName: 'History Size',
				name: 'historySize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_HISTORY_SIZE,
				displayOptions: { show: { skipUnchanged: [true] } },
				description: 'How many delivered contacts Skip Unchanged Contacts remembers; the oldest are forgotten first (and sent again)',
				hint: 'Keep it well above the number of contacts this node syncs: every changed contact adds one more entry.',
			},
			{
				displayName: 'Skip Unchanged Contacts',
				name: 'skipUnchanged',
				type: 'boolean',
				default: false,
				description:
					'Whether to leave out contacts an earlier run of this node already delivered with exactly the same fields to the same list or workspace. They report status "unchanged".',
				hint: 'Stored by n8n per node (as Remove Duplicates does) for saved workflows, manual runs included; a workflow that was never saved records nothing. Changing the mapping or an option that changes what is sent sends every contact once again. Contacts that failed or ended unknown are sent again next run.',
			},
		);
	}
	return fields;
}

/**
 * The "Options" collection of one operation: the shared delivery options plus the operation's own,
 * in the alphabetical order n8n's linter asks for.
 */
export function optionsCollection(defaults: BulkOptionDefaults, own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...deliveryOptionFields(defaults), ...own].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

function numberOr(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Reads the shared delivery options from the node's "options" collection. */
export function readEngineOptions(
	ctx: IExecuteFunctions,
	defaults: BulkOptionDefaults,
	collection = 'options',
): EngineOptions {
	const options = ctx.getNodeParameter(collection, 0, {}) as IDataObject;
	return {
		...DEFAULT_ENGINE_OPTIONS,
		batchSize: defaults.batched
			? Math.min(defaults.maxBatchSize, Math.max(1, numberOr(options.batchSize, defaults.batchSize)))
			: 1,
		concurrency: Math.max(1, numberOr(options.concurrency, defaults.concurrency)),
		maxRetries: Math.max(0, numberOr(options.maxRetries, DEFAULT_ENGINE_OPTIONS.maxRetries)),
		requestsPerSecond: Math.max(0, numberOr(options.requestsPerSecond, defaults.requestsPerSecond)),
		timeoutMs: Math.max(0, numberOr(options.timeout, 0)) || undefined,
		dryRun: options.dryRun === true,
		includeInputFields: options.includeInputFields === true,
		skipUnchanged: options.skipUnchanged === true,
		historySize: Math.max(1, numberOr(options.historySize, DEFAULT_HISTORY_SIZE)),
	};
}
