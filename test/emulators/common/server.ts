import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { FaultInjector, type FaultConfig } from './faults';
import { defaultPage } from './pages';
import { TokenBucketLimiter, type RateLimitConfig, type RateLimitDecision } from './rateLimit';

/** A parsed request, as a provider route sees it. */
export interface EmuRequest {
	method: string;
	/** Path without the query string, e.g. `/v1/contacts`. */
	path: string;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	rawBody: Buffer;
	/** Parsed JSON body; `undefined` when the body is empty. */
	json: unknown;
	/** True when a non-empty body was not valid JSON. */
	jsonInvalid: boolean;
	/** The bearer token, or undefined when the header is missing or not `Bearer x`. */
	bearer?: string;
	/** Host header as sent (SendGrid emulates two regional hosts). */
	host?: string;
}

export interface EmuResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** How many contacts this request carried, for the request log. */
	contacts?: number;
}

export interface RequestLogEntry {
	seq: number;
	method: string;
	path: string;
	status: number;
	/** Contacts carried by the request, when the route reports it. */
	contacts?: number;
	bodyBytes: number;
	/** Epoch ms when the request was fully received. */
	at: number;
	durationMs: number;
	/** Set when a fault replaced or altered the answer. */
	fault?: string;
	/**
	 * The raw request body, for tests that check exactly which contacts were sent. Non-enumerable so
	 * `GET /__emulator/log` stays small.
	 */
	readonly requestBody?: Buffer;
	/** The request's headers, for tests of what a credential sends (non-enumerable, like requestBody). */
	readonly requestHeaders?: http.IncomingHttpHeaders;
}

/**
 * What a provider emulator plugs into the shared server: routing, state, and the provider's own
 * shapes for auth failures and rate limiting.
 */
export interface ProviderEmulator {
	name: string;
	/** Answer one provider API request. Throwing produces a 500 in `errorBody` shape. */
	handle(req: EmuRequest): Promise<EmuResponse> | EmuResponse;
	/** Key that identifies the caller for rate limiting (usually the bearer token). */
	rateLimitKey?(req: EmuRequest): string | undefined;
	/** The provider's 429 answer. */
	rateLimited?(decision: RateLimitDecision): EmuResponse;
	/** Headers the provider adds to every API answer from the limiter state (X-RateLimit-*). */
	rateLimitHeaders?(decision: RateLimitDecision): Record<string, string>;
	/** The provider's shape for an unexpected server error. */
	errorBody(status: number, message: string): unknown;
	/** Snapshot for `GET /__emulator/state`. */
	state(): unknown;
	/** Drop all state back to the seeded defaults. */
	reset(): void;
	/** `POST /__emulator/seed`: add lists, suppressed emails, field definitions, ... */
	seed(body: unknown): unknown;
}

export interface ServerOptions {
	port?: number;
	host?: string;
	rateLimit?: RateLimitConfig | false;
	faults?: FaultConfig;
	/** Keep at most this many log entries (oldest dropped). */
	maxLogEntries?: number;
}

export interface RunningEmulator {
	baseUrl: string;
	port: number;
	log: RequestLogEntry[];
	faults: FaultInjector;
	limiter?: TokenBucketLimiter;
	close(): Promise<void>;
	clearLog(): void;
}

const INSPECTION_PREFIX = '/__emulator/';

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function parseBearer(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const parts = header.split(' ');
	if (parts.length !== 2 || parts[0] !== 'Bearer' || !parts[1]) return undefined;
	return parts[1];
}

function toEmuRequest(req: http.IncomingMessage, rawBody: Buffer): EmuRequest {
	const url = new URL(req.url ?? '/', 'http://emulator.local');
	let json: unknown;
	let jsonInvalid = false;
	if (rawBody.length > 0) {
		try {
			json = JSON.parse(rawBody.toString('utf8'));
		} catch {
			jsonInvalid = true;
		}
	}
	return {
		method: (req.method ?? 'GET').toUpperCase(),
		path: url.pathname,
		query: url.searchParams,
		headers: req.headers,
		rawBody,
		json,
		jsonInvalid,
		bearer: parseBearer(req.headers.authorization),
		host: req.headers.host,
	};
}

function send(res: http.ServerResponse, answer: EmuResponse) {
	const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
	res.writeHead(answer.status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(payload),
		...answer.headers,
	});
	res.end(payload);
}

/** Starts a provider emulator on loopback; port 0 (the default) picks a free port. */
export async function startServer(
	provider: ProviderEmulator,
	options: ServerOptions = {},
): Promise<RunningEmulator> {
	const log: RequestLogEntry[] = [];
	const maxLog = options.maxLogEntries ?? 200_000;
	const faults = new FaultInjector(options.faults);
	const limiter = options.rateLimit ? new TokenBucketLimiter(options.rateLimit) : undefined;
	let seq = 0;

	const record = (entry: Omit<RequestLogEntry, 'seq' | 'requestBody' | 'requestHeaders'>, requestBody: Buffer, requestHeaders: http.IncomingHttpHeaders) => {
		const logged: RequestLogEntry = { seq: ++seq, ...entry };
		Object.defineProperty(logged, 'requestBody', { value: requestBody, enumerable: false });
		Object.defineProperty(logged, 'requestHeaders', { value: requestHeaders, enumerable: false });
		log.push(logged);
		if (log.length > maxLog) log.splice(0, log.length - maxLog);
	};

	const inspection = async (req: EmuRequest): Promise<EmuResponse> => {
		const what = req.path.slice(INSPECTION_PREFIX.length);
		if (req.method === 'GET' && what === 'log') return { status: 200, body: { requests: log } };
		if (req.method === 'GET' && what === 'state') return { status: 200, body: provider.state() };
		if (req.method === 'POST' && what === 'reset') {
			provider.reset();
			log.length = 0;
			// Back to the start-up configuration (e.g. the benchmark's fixed latency), without the test's rules.
			faults.configure(options.faults ?? {});
			limiter?.reset();
			return { status: 200, body: { ok: true } };
		}
		if (req.method === 'POST' && what === 'faults') {
			faults.configure((req.json ?? {}) as FaultConfig);
			return { status: 200, body: { ok: true, faults: faults.describe() } };
		}
		if (req.method === 'POST' && what === 'ratelimit') {
			const cfg = req.json as RateLimitConfig | { enabled: false };
			if (limiter && cfg && 'enabled' in cfg && cfg.enabled === false) limiter.configure(undefined);
			else if (limiter) limiter.configure(cfg as RateLimitConfig);
			return { status: 200, body: { ok: true } };
		}
		if (req.method === 'POST' && what === 'seed') return { status: 200, body: provider.seed(req.json) };
		return { status: 404, body: { error: `unknown inspection route ${req.method} ${req.path}` } };
	};

	const server = http.createServer(async (rawReq, res) => {
		let rawBody: Buffer;
		try {
			rawBody = await readBody(rawReq);
		} catch {
			res.destroy();
			return;
		}
		const req = toEmuRequest(rawReq, rawBody);
		const started = Date.now();

		if (req.path.startsWith(INSPECTION_PREFIX)) {
			send(res, await inspection(req));
			return;
		}

		const fault = faults.next(req.path, req.method);
		if (fault.delayMs > 0) await new Promise((r) => setTimeout(r, fault.delayMs));

		const logIt = (status: number, contacts?: number, faultName?: string) =>
			record({
				method: req.method,
				path: req.path,
				status,
				contacts,
				bodyBytes: rawBody.length,
				at: started,
				durationMs: Date.now() - started,
				fault: faultName,
			}, rawBody, rawReq.headers);

		if (fault.kind === 'drop-before') {
			logIt(0, undefined, 'drop-before');
			rawReq.socket.destroy();
			return;
		}
		if (fault.kind === 'status') {
			const headers: Record<string, string> = {};
			if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
			const body = fault.body ?? provider.errorBody(fault.status, `injected fault ${fault.status}`);
			send(res, { status: fault.status, body, headers });
			logIt(fault.status, undefined, 'status');
			return;
		}

		if (fault.kind === 'redirect') {
			// Answered before the provider sees anything: a moved API or a load balancer in front of it.
			const location = `${fault.redirectTo.replace(/\/+$/, '')}${rawReq.url ?? req.path}`;
			res.writeHead(fault.status, { location, 'content-type': 'text/html', 'content-length': 0 });
			res.end();
			logIt(fault.status, undefined, 'redirect');
			return;
		}
		if (fault.kind === 'page') {
			// `{{authorization}}` echoes the request's header, as some proxies' debug pages do (the node must redact it).
			const text = (fault.text ?? defaultPage(fault.status, fault.contentType)).split('{{authorization}}').join(String(req.headers.authorization ?? ''));
			res.writeHead(fault.status, { 'content-type': fault.contentType, 'content-length': Buffer.byteLength(text) });
			res.end(text);
			logIt(fault.status, undefined, 'page');
			return;
		}

		let answer: EmuResponse;
		let decision: RateLimitDecision | undefined;
		const key = limiter ? provider.rateLimitKey?.(req) : undefined;
		if (limiter && key !== undefined) decision = limiter.take(key);
		if (decision && !decision.allowed && provider.rateLimited) {
			answer = provider.rateLimited(decision);
		} else {
			try {
				answer = await provider.handle(req);
			} catch (error) {
				answer = { status: 500, body: provider.errorBody(500, (error as Error).message) };
			}
		}
		if (decision && provider.rateLimitHeaders) {
			answer = { ...answer, headers: { ...provider.rateLimitHeaders(decision), ...answer.headers } };
		}

		if (fault.kind === 'drop-mid') {
			// Process the request (state changes stick), then cut the answer half-way: the
			// client cannot tell whether the write happened.
			const payload = JSON.stringify(answer.body ?? {});
			res.writeHead(answer.status, {
				'content-type': 'application/json',
				'content-length': Buffer.byteLength(payload),
			});
			res.write(payload.slice(0, Math.max(1, Math.floor(payload.length / 2))));
			logIt(answer.status, answer.contacts, 'drop-mid');
			setTimeout(() => rawReq.socket.destroy(), 5);
			return;
		}
		if (fault.kind === 'malformed') {
			res.writeHead(answer.status, { 'content-type': 'application/json' });
			res.end('{"this is not": json');
			logIt(answer.status, answer.contacts, 'malformed');
			return;
		}
		if (fault.kind === 'slow-body') {
			const payload = Buffer.from(JSON.stringify(answer.body ?? {}));
			res.writeHead(answer.status, {
				'content-type': 'application/json',
				'content-length': payload.length,
				...answer.headers,
			});
			const half = Math.floor(payload.length / 2);
			res.write(payload.subarray(0, half));
			setTimeout(() => res.end(payload.subarray(half)), fault.slowBodyMs);
			logIt(answer.status, answer.contacts, 'slow-body');
			return;
		}
		send(res, answer);
		logIt(answer.status, answer.contacts);
	});
	server.keepAliveTimeout = 5_000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const host = options.host ?? '127.0.0.1';

	return {
		baseUrl: `http://${host}:${port}`,
		port,
		log,
		faults,
		limiter,
		clearLog: () => {
			log.length = 0;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
