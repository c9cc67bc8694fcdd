import { sleep, type IExecuteFunctions, type IHttpRequestOptions, type IN8nHttpFullResponse } from 'n8n-workflow';

import { redactSecrets } from './redact';
import { toTransportError } from './retry';
import type { DownloadRequest, DownloadResult } from './types';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface Readable extends AsyncIterable<unknown> {
	destroy?: () => void;
}

function asStream(body: unknown): Readable | undefined {
	return body && typeof body === 'object' && Symbol.asyncIterator in body ? (body as Readable) : undefined;
}

function discard(body: unknown) {
	asStream(body)?.destroy?.();
}

function header(raw: IN8nHttpFullResponse, name: string): string | undefined {
	const value = (raw.headers ?? {})[name];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

function originOf(url: string): string | undefined {
	try {
		return new URL(url).origin;
	} catch {
		return undefined;
	}
}

export interface DownloadDeps {
	ctx: IExecuteFunctions;
	credentialType: string;
	secrets: string[];
	signal?: AbortSignal;
}

type Deadline = { expired: Promise<'expired'>; stop: () => void };

/** Resolves when the time budget is spent; `stop` releases the timer (the budget is cancel-aware). */
function deadline(ms: number, signal?: AbortSignal): Deadline {
	const timer = new AbortController();
	const onCancel = () => timer.abort();
	signal?.addEventListener('abort', onCancel, { once: true });
	const expired = sleep(Math.max(0, ms), timer.signal).then(
		() => 'expired' as const,
		() => 'expired' as const,
	);
	return {
		expired,
		stop: () => {
			signal?.removeEventListener('abort', onCancel);
			timer.abort();
		},
	};
}

/** Reads a response stream up to `maxBytes`; stops (and closes the connection) past it. */
async function readLimited(stream: Readable, maxBytes: number): Promise<{ bytes: Buffer } | { tooBig: true }> {
	const parts: Buffer[] = [];
	let total = 0;
	for await (const piece of stream) {
		const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(String(piece));
		total += buffer.length;
		if (total > maxBytes) return { tooBig: true };
		parts.push(buffer);
	}
	return { bytes: Buffer.concat(parts) };
}

/**
 * Downloads a file (e.g. a provider's result link) with hard bounds: at most `maxBytes` read from
 * the stream (never buffered beyond that), `timeoutMs` for everything including redirects, and
 * redirects followed here, at most `maxRedirects`, so that the credential goes only to URLs whose
 * origin is `credentialOrigin` — n8n's own redirect handling would carry it to any host.
 */
export async function downloadBounded(request: DownloadRequest, deps: DownloadDeps): Promise<DownloadResult> {
	const started = Date.now();
	const budget = deadline(request.timeoutMs, deps.signal);
	let url = request.url;
	try {
		for (let hop = 0; ; hop++) {
			if (!/^https?:\/\//i.test(url) || originOf(url) === undefined) {
				return { ok: false, reason: 'bad_url', message: 'the link is not an http(s) URL' };
			}
			const remaining = request.timeoutMs - (Date.now() - started);
			if (remaining <= 0) return { ok: false, reason: 'timeout', message: `it did not arrive in time (${request.timeoutMs} ms)` };
			const options: IHttpRequestOptions = {
				method: 'GET',
				url,
				headers: { Accept: request.accept ?? '*/*' },
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				sendCredentialsOnCrossOriginRedirect: false,
				timeout: remaining,
				abortSignal: deps.signal,
			};
			const authenticated = originOf(url) === request.credentialOrigin;
			const pending = authenticated
				? deps.ctx.helpers.httpRequestWithAuthentication.call(deps.ctx, deps.credentialType, options)
				: deps.ctx.helpers.httpRequest(options);
			const answered = await Promise.race([pending as Promise<IN8nHttpFullResponse>, budget.expired]);
			if (answered === 'expired') {
				void (pending as Promise<IN8nHttpFullResponse>).then((late) => discard(late.body), () => undefined);
				if (deps.signal?.aborted) throw toTransportError(new Error('aborted'), deps.signal);
				return { ok: false, reason: 'timeout', message: `it did not arrive in time (${request.timeoutMs} ms)` };
			}
			const location = header(answered, 'location');
			if (REDIRECT_STATUSES.has(answered.statusCode) && location) {
				discard(answered.body);
				if (hop >= request.maxRedirects) {
					return { ok: false, reason: 'redirects', message: `it redirected more than ${request.maxRedirects} times` };
				}
				url = new URL(location, url).toString();
				continue;
			}
			const declared = Number(header(answered, 'content-length'));
			const stream = asStream(answered.body);
			if (Number.isFinite(declared) && declared > request.maxBytes) {
				discard(answered.body);
				return { ok: false, reason: 'too_big', status: answered.statusCode, message: `it is larger than ${request.maxBytes} bytes` };
			}
			const reading = stream ? readLimited(stream, request.maxBytes) : Promise.resolve({ bytes: Buffer.from(String(answered.body ?? '')) });
			const read = await Promise.race([reading, budget.expired]);
			if (read === 'expired') {
				reading.catch(() => undefined);
				discard(answered.body);
				if (deps.signal?.aborted) throw toTransportError(new Error('aborted'), deps.signal);
				return { ok: false, reason: 'timeout', message: `it did not arrive in time (${request.timeoutMs} ms)` };
			}
			if ('tooBig' in read) {
				discard(answered.body);
				return { ok: false, reason: 'too_big', status: answered.statusCode, message: `it is larger than ${request.maxBytes} bytes` };
			}
			return {
				ok: true,
				status: answered.statusCode,
				contentType: header(answered, 'content-type'),
				text: redactSecrets(read.bytes.toString('utf8'), deps.secrets),
				hops: hop,
			};
		}
	} catch (error) {
		const failure = toTransportError(error, deps.signal);
		if (failure.cancelled) throw failure;
		return { ok: false, reason: 'network', message: failure.message };
	} finally {
		budget.stop();
	}
}
