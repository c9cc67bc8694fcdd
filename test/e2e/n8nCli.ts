import { spawn } from 'node:child_process';

export interface CliResult {
	code: number | null;
	/** The signal that ended n8n, when it did not exit by itself. */
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** Runs one n8n CLI command against the throwaway user folder. */
export function runN8n(bin: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
		});
	});
}

/** `n8n execute --rawOutput` prints log lines, then the run as pretty JSON starting on a line of its own. */
export function parseRunOutput(stdout: string): RunJson | undefined {
	const start = stdout.search(/^\{$/m);
	if (start < 0) return undefined;
	try {
		return JSON.parse(stdout.slice(start)) as RunJson;
	} catch {
		return undefined;
	}
}

export interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number } | Array<{ item: number }>;
	error?: unknown;
}

export interface RunJson {
	status: string;
	finished?: boolean;
	data: {
		resultData: {
			error?: { message: string; description?: string };
			runData: Record<
				string,
				Array<{ error?: { message: string; description?: string }; data?: { main: Array<RunItem[] | null> } }>
			>;
		};
	};
}
