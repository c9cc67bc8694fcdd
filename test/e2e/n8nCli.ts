import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliResult {
	code: number | null;
	/** The signal that ended n8n, when it did not exit by itself. */
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs one n8n CLI command against the throwaway user folder. Its stdout goes to a file, not a pipe:
 * `n8n execute` prints a run of several MB and then calls process.exit(), and on a busy machine the
 * end of that output was lost in the pipe (seen on 25,000-item runs). Writes to a file are synchronous.
 */
export function runN8n(bin: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const folder = mkdtempSync(join(tmpdir(), 'n8n-cli-'));
		const stdoutFile = join(folder, 'stdout');
		const stdoutFd = openSync(stdoutFile, 'w');
		const child = spawn(bin, args, { env, stdio: ['ignore', stdoutFd, 'pipe'] });
		closeSync(stdoutFd);
		const err: Buffer[] = [];
		child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (error) => {
			rmSync(folder, { recursive: true, force: true });
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const stdout = readFileSync(stdoutFile, 'utf8');
			rmSync(folder, { recursive: true, force: true });
			resolve({ code, signal, stdout, stderr: Buffer.concat(err).toString('utf8') });
		});
	});
}

/**
 * `n8n execute --rawOutput` prints log lines, then the run as pretty JSON from a line `{` to a line `}`;
 * n8n may log more lines after it (seen on a busy machine), so the JSON is cut out by those two lines.
 */
export function parseRunOutput(stdout: string): RunJson | undefined {
	const start = stdout.search(/^\{$/m);
	if (start < 0) return undefined;
	const closing = /^\}$/gm;
	closing.lastIndex = start;
	for (let match = closing.exec(stdout); match; match = closing.exec(stdout)) {
		try {
			return JSON.parse(stdout.slice(start, match.index + 1)) as RunJson;
		} catch {
			// a `}` line inside a string value, or log lines inside the JSON: try the next one
		}
	}
	return undefined;
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
