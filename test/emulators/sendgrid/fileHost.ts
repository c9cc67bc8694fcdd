import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { contentType, errorFileParts, STORAGE_ERROR_FILE_PATTERN, storageErrorFilePath } from './errorFile';
import type { ErrorFileOptions } from './options';
import type { ImportJob } from './store';

/** One download attempt as the storage host saw it; `authorization` proves whether the API key leaked. */
export interface FileRequestLogEntry {
	seq: number;
	method: string;
	path: string;
	/** The Authorization header exactly as received (undefined when none was sent). */
	authorization?: string;
	status: number;
	/** Body bytes written before the answer ended or the client went away. */
	bytesSent: number;
	/** True when the client closed the connection before the whole body was sent. */
	abandoned: boolean;
	at: number;
	durationMs: number;
}

const TRICKLE_PIECE_BYTES = 64;

/**
 * The host behind `errors_url` when it is not the API (providers.md §5: "The link may be on another
 * host (storage)" — which host SendGrid really uses is not documented). A separate loopback server,
 * so its origin differs from the API's by port; it never asks for credentials.
 */
export class ErrorFileHost {
	readonly log: FileRequestLogEntry[] = [];
	private server?: http.Server;
	private url = 'http://127.0.0.1';
	private seq = 0;

	constructor(
		private readonly job: (id: string) => ImportJob | undefined,
		private readonly options: () => ErrorFileOptions,
	) {}

	get baseUrl(): string {
		return this.url;
	}

	fileUrl(jobId: string): string {
		return this.url + storageErrorFilePath(jobId, this.options());
	}

	async start(): Promise<void> {
		this.server = http.createServer((req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 5_000;
		await new Promise<void>((resolve, reject) => {
			this.server?.once('error', reject);
			this.server?.listen(0, '127.0.0.1', () => resolve());
		});
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	async close(): Promise<void> {
		const server = this.server;
		if (!server) return;
		await new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const started = Date.now();
		const url = new URL(req.url ?? '/', 'http://storage.local');
		const entry: FileRequestLogEntry = {
			seq: ++this.seq,
			method: req.method ?? 'GET',
			path: url.pathname + url.search,
			authorization: req.headers.authorization,
			status: 0,
			bytesSent: 0,
			abandoned: false,
			at: started,
			durationMs: 0,
		};
		this.log.push(entry);
		let finished = false;
		res.on('close', () => {
			entry.abandoned = !finished;
			entry.durationMs = Date.now() - started;
		});
		const options = this.options();
		if (options.delayMs > 0) await new Promise((r) => setTimeout(r, options.delayMs));
		if (res.destroyed) return;

		const match = STORAGE_ERROR_FILE_PATTERN.exec(url.pathname);
		const job = match ? this.job(match[1]) : undefined;
		if (!job || job.status === 'pending' || req.method !== 'GET') {
			entry.status = 404;
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			finished = true;
			return;
		}
		const hop = Number(url.searchParams.get('hop') ?? '0');
		if (hop < options.storageRedirects) {
			entry.status = 302;
			// A relative Location, as storage services often send: the client must resolve it.
			res.writeHead(302, { location: `${url.pathname}?hop=${hop + 1}` }).end();
			finished = true;
			return;
		}
		entry.status = options.status;
		if (options.status !== 200) {
			res.writeHead(options.status, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code></Error>');
			finished = true;
			return;
		}
		const parts = errorFileParts(job, options);
		const head = Buffer.from(parts.head);
		const tail = Buffer.from(parts.tail);
		const headers: Record<string, string | number> = { 'content-type': contentType(options) };
		if (options.contentLength) headers['content-length'] = head.length + parts.fillerBytes + tail.length;
		res.writeHead(200, headers);
		const pieces = function* () {
			yield head;
			for (const piece of parts.filler()) yield Buffer.from(piece);
			yield tail;
		};
		for (const piece of pieces()) {
			const slices = options.trickleMs > 0 ? sliceBuffer(piece, TRICKLE_PIECE_BYTES) : [piece];
			for (const slice of slices) {
				if (res.destroyed) return;
				if (options.trickleMs > 0) await new Promise((r) => setTimeout(r, options.trickleMs));
				if (res.destroyed) return;
				entry.bytesSent += slice.length;
				if (!res.write(slice)) await drainedOrClosed(res);
			}
		}
		finished = true;
		res.end();
	}
}

function drainedOrClosed(res: http.ServerResponse): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			res.off('drain', done);
			res.off('close', done);
			resolve();
		};
		res.on('drain', done);
		res.on('close', done);
	});
}

function sliceBuffer(buffer: Buffer, size: number): Buffer[] {
	const out: Buffer[] = [];
	for (let i = 0; i < buffer.length; i += size) out.push(buffer.subarray(i, i + size));
	return out;
}
