import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** What happened to one contact. Workflows branch on these values, so they are part of the interface. */
export type ContactStatus =
	| 'created'
	| 'updated'
	| 'upserted'
	| 'added'
	| 'already_in_list'
	/** Taken off a list; the contact itself stays. */
	| 'removed'
	/** The provider says the contact is not a member of the list (nothing to remove). */
	| 'not_in_list'
	/** The provider has no contact with this identifier. */
	| 'not_found'
	/** Get: the provider holds a contact with this email (its fields are in the output). */
	| 'found'
	/** Delete: the provider's answer says the contact is gone. */
	| 'deleted'
	| 'queued'
	| 'invalid'
	| 'suppressed'
	| 'failed'
	/** The provider's answer does not say whether this contact was stored; `errorMessage` says why. */
	| 'unknown'
	| 'dry_run'
	/** Skip Unchanged Contacts: an earlier run of this node delivered this exact contact to this target; not sent. */
	| 'unchanged';

/** Statuses that count as a failure of the item (error output / node error). */
export const FAILURE_STATUSES: ReadonlySet<ContactStatus> = new Set(['invalid', 'failed']);

export interface ContactOutcome {
	status: ContactStatus;
	/** Provider id of the contact, where the provider reports it. */
	id?: string;
	errorMessage?: string;
	errorCode?: string;
	/** The input field the error is about. */
	errorField?: string;
	/** Provider-specific extras (job id, list id, ...), copied into the output item. */
	details?: IDataObject;
}

/** The result of normalising and validating one input item. */
export type PreparedItem<C> =
	| {
			ok: true;
			/** De-duplication key (normalised email or another identifier). */
			key: string;
			/** Normalised email, reported in the output. */
			email?: string;
			contact: C;
			/** Auto-map: the item's input keys that were not sent (see contactInput/autoMap.ts). */
			ignoredFields?: string[];
	  }
	| { ok: false; email?: string; field: string; message: string; ignoredFields?: string[] };

export interface HttpResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, or the raw text when the body was not JSON. */
	body: unknown;
	/** True when a 2xx answer's body is not valid JSON (other statuses are read by their code first). */
	malformed: boolean;
}

export interface HttpRequest {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Path relative to the credential's base URL, or an absolute URL. */
	url: string;
	qs?: IDataObject;
	/** A pre-serialised JSON string (sent as is) or an object (serialised once). */
	body?: string | IDataObject | IDataObject[];
	headers?: Record<string, string>;
}

/** A bounded GET of a file behind a link the provider handed out (see download.ts). */
export interface DownloadRequest {
	url: string;
	/** Only URLs of this origin get the credential, also on every redirect hop. */
	credentialOrigin: string;
	maxBytes: number;
	/** For the whole download, redirects included. */
	timeoutMs: number;
	maxRedirects: number;
	accept?: string;
}

export type DownloadResult =
	| { ok: true; status: number; contentType?: string; text: string; hops: number }
	| { ok: false; reason: 'too_big' | 'timeout' | 'redirects' | 'network' | 'bad_url'; status?: number; message: string };

/** One HTTP attempt; never throws for an HTTP status, only for transport failures (TransportError). */
export interface HttpClient {
	send(request: HttpRequest): Promise<HttpResponse>;
	/** Sends an idempotent request (reads, polls) with the engine's retry policy. */
	sendWithRetry(request: HttpRequest): Promise<HttpResponse>;
	/** Cancel-aware pause. */
	sleep(ms: number): Promise<void>;
	/** Bounded file download (size, time, redirects, credential only on its own origin); one attempt. */
	download?(request: DownloadRequest): Promise<DownloadResult>;
	/** The per-request timeout in force (the user's Timeout option or the transport's default). */
	readonly timeoutMs?: number;
	readonly signal?: AbortSignal;
}

/** A request's worth of contacts, planned by the chunker. */
export interface OutgoingChunk<C> {
	/** 1-based request number, reported in each item's output. */
	request: number;
	contacts: C[];
	/** Each contact's serialised JSON, in order; reuse them instead of serialising again. */
	serialized: string[];
	/** The exact request body: envelope + serialized contacts, joined on each read (see planning.ts). */
	readonly body: string;
	bytes: number;
}

/** How the adapter reads the provider's answer to one chunk. */
export type ChunkVerdict =
	/** One outcome per contact in the chunk, in order. */
	| { kind: 'outcomes'; outcomes: ContactOutcome[] }
	/** The same outcome for every contact in the chunk (e.g. a 404 for the list). */
	| { kind: 'all'; outcome: ContactOutcome }
	/** Transient: send the same chunk again later (429, 5xx, ...). */
	| { kind: 'retry'; reason: string; retryAfterMs?: number; processed: boolean }
	/**
	 * Some contacts failed but the provider does not say which: send the halves again to isolate them.
	 * `processed` says whether the provider may have applied part of the chunk.
	 */
	| { kind: 'split'; reason: string; processed: boolean }
	/** The whole run cannot succeed (bad credentials, missing permission): stop sending. */
	| { kind: 'abort'; outcome: ContactOutcome };

/** A precheck that did not pass: the answer it failed on, and what that means for the chunk. */
export interface PrecheckFailure {
	answer: HttpResponse;
	verdict: ChunkVerdict;
}

export interface Limits {
	/** Hard provider maximum of contacts per request. */
	maxContacts: number;
	/** Hard provider maximum of request body bytes, if any. */
	maxBytes?: number;
	/** Upserts are idempotent; creates are not and are never resent once they may have been processed. */
	idempotent: boolean;
}

/**
 * One provider operation plugged into the bulk engine. Everything provider-specific lives here; the
 * engine does validation bookkeeping, de-duplication, chunking, dispatch, retries and result pairing.
 */
export interface BulkAdapter<C> {
	limits: Limits;
	/** Normalise and validate one input item. Must not throw for bad input. */
	toContact(item: INodeExecutionData, itemIndex: number): PreparedItem<C>;
	/** Merge two contacts with the same key; the later one wins per field. */
	merge?(earlier: C, later: C): C;
	/** The JSON text around the comma-joined contacts, e.g. `{"contacts":[` and `]}`. */
	envelope: { before: string; after: string };
	/**
	 * Runs before each attempt of a chunk: what must hold for it to be worth sending (e.g. that the lists
	 * it names exist). A failure stands for the chunk's answer, and the chunk is not sent; the adapter
	 * decides which results it keeps between chunks.
	 */
	precheck?(http: HttpClient): Promise<PrecheckFailure | undefined>;
	/** One HTTP attempt for one chunk. */
	send(chunk: OutgoingChunk<C>, http: HttpClient): Promise<HttpResponse>;
	/** Reads the answer to a chunk (any status). May make further requests (job polling, lookups). */
	interpret(chunk: OutgoingChunk<C>, response: HttpResponse, http: HttpClient): Promise<ChunkVerdict>;
}

export interface EngineOptions {
	/** Contacts per request, at most `limits.maxContacts`. */
	batchSize?: number;
	/** Request body bytes, at most `limits.maxBytes`. */
	maxBytes?: number;
	concurrency: number;
	maxRetries: number;
	/** 0 or undefined: no pacing. */
	requestsPerSecond?: number;
	/** Longest single wait the engine accepts from Retry-After / rate-limit reset headers. */
	maxRetryWaitMs: number;
	/** First backoff step; doubles each retry. */
	initialBackoffMs: number;
	/** Per-request timeout chosen by the user; the transport's default when undefined. */
	timeoutMs?: number;
	dryRun: boolean;
	includeInputFields: boolean;
	/** Skip contacts an earlier run delivered unchanged (skipUnchanged.ts). */
	skipUnchanged?: boolean;
	/** Hashes n8n's processed-data store keeps for it, oldest dropped first. */
	historySize?: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
	concurrency: 2,
	maxRetries: 5,
	maxRetryWaitMs: 120_000,
	initialBackoffMs: 500,
	dryRun: false,
	includeInputFields: false,
};
