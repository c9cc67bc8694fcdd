import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface N8nServer {
	url: string;
	/** Everything n8n printed, for the report when a check fails. */
	output(): string;
	stop(): Promise<void>;
}

/** A free loopback port: n8n and its task-runner broker each need one, and other runs may hold the defaults. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode} before it was ready:\n${log().slice(-3000)}`);
		try {
			// While it starts, n8n answers every path with a "starting up" page; the editor's settings (JSON)
			// only once the database is migrated and the packages are loaded.
			const response = await fetch(`${url}/rest/settings`);
			const body = response.ok ? await response.text() : '';
			if (body.startsWith('{') && (JSON.parse(body) as { data?: unknown }).data) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n was not ready after ${timeoutMs / 1000} s:\n${log().slice(-3000)}`);
}

/** Starts `n8n start` on a free loopback port with the given user folder and waits for its editor. */
export async function startN8n(bin: string, userFolder: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<N8nServer> {
	const port = await freePort();
	const brokerPort = await freePort();
	const env: NodeJS.ProcessEnv = {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_ENCRYPTION_KEY: 'ui-test-only-encryption-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		// Loopback emulators stand in for the providers; n8n would otherwise block private addresses.
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		...extraEnv,
	};
	const child = spawn(bin, ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	const chunks: string[] = [];
	child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
	child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
	const output = () => chunks.join('');
	const url = `http://127.0.0.1:${port}`;
	const stop = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) return resolve();
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			child.once('exit', () => {
				clearTimeout(timer);
				resolve();
			});
			child.kill('SIGTERM');
		});
	try {
		await waitUntilReady(url, child, output, 180_000);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, output, stop };
}
