import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the sink received it, headers included: the proof of what left the node. */
export interface SinkRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface RunningSink {
	/** Origin of the sink, e.g. `http://127.0.0.1:41234`: a different origin from every emulator. */
	baseUrl: string;
	received: SinkRequest[];
	clear(): void;
	close(): Promise<void>;
}

/**
 * A second loopback server that redirect faults point to. It records everything it receives and
 * answers every request with 200 and a JSON body that looks like success, so a client that follows
 * the redirect (and believes the answer) shows up as a false success as well as in `received`.
 */
export async function startSink(answer: unknown = { success: true, data: {} }): Promise<RunningSink> {
	const received: SinkRequest[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			const payload = JSON.stringify(answer);
			res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
			res.end(payload);
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		received,
		clear: () => {
			received.length = 0;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
