import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

import { installPackedPackage } from '../e2e/installPackage';
import { runN8n } from '../e2e/n8nCli';
import { PACKAGE } from '../e2e/workflow';
import type { Services } from './services';

/**
 * n8n in queue mode: one main instance (UI, REST, production webhooks; enqueues executions in
 * Redis/Bull) and workers (`n8n worker`) that run them, all on one Postgres database. Every process
 * has its own user folder (like separate machines) and shares the encryption key, so credentials
 * the main instance stored decrypt on every worker. Environment names: @n8n/config
 * (executions.config, database.config, scaling-mode.config, endpoints.config).
 */
export class N8nProcess {
	log = '';
	readonly exited: Promise<number | null>;
	private child: ChildProcess;

	constructor(
		readonly name: string,
		bin: string,
		args: string[],
		env: NodeJS.ProcessEnv,
		logFile: string,
		pidFile: string,
		readonly healthUrl: string,
	) {
		this.child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		// The shell wrapper stops whatever is listed here if this process dies without cleaning up.
		appendFileSync(pidFile, `${this.child.pid}\n`);
		const file = createWriteStream(logFile);
		const collect = (chunk: Buffer) => {
			this.log += chunk.toString('utf8');
			file.write(chunk);
		};
		this.child.stdout?.on('data', collect);
		this.child.stderr?.on('data', collect);
		this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
	}

	get pid(): number {
		return this.child.pid ?? -1;
	}

	get running(): boolean {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Execution ids this worker logged as started ("Worker started execution 12 (job 7)", job-processor.ts). */
	startedExecutions(): string[] {
		return [...this.log.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
	}

	finishedExecutions(): string[] {
		return [...this.log.matchAll(/Worker finished execution (\d+)/g)].map((match) => match[1]);
	}

	kill(signal: NodeJS.Signals): void {
		if (this.running) this.child.kill(signal);
	}

	async stop(): Promise<void> {
		if (!this.running) return;
		this.child.kill('SIGTERM');
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
		await this.exited;
		clearTimeout(timer);
	}
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface ClusterOptions {
	n8nBin: string;
	/** Throwaway folder for user folders, logs and the PID list. */
	dir: string;
	packageDir: string;
	services: Services;
	mainPort: number;
	workers: number;
	/** Executions one worker runs at a time (`n8n worker --concurrency`; n8n's default is 10). */
	workerConcurrency: number;
	/** Extra environment for every process (e.g. the SSRF switch for loopback emulators). */
	env: NodeJS.ProcessEnv;
}

export class Cluster {
	main!: N8nProcess;
	workers: N8nProcess[] = [];
	baseUrl = '';
	private tarball?: string;
	private readonly pidFile: string;
	private processCount = 0;

	constructor(private readonly options: ClusterOptions) {
		this.pidFile = join(options.dir, 'n8n.pids');
	}

	/** Environment of one n8n process with its own user folder (the package unpacked into it). */
	private async envFor(name: string): Promise<NodeJS.ProcessEnv> {
		const { services, packageDir, dir } = this.options;
		const userFolder = join(dir, name);
		mkdirSync(userFolder, { recursive: true });
		this.tarball = installPackedPackage(packageDir, userFolder, PACKAGE, this.tarball ?? (process.env.E2E_TARBALL || undefined));
		return {
			...process.env,
			...this.options.env,
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: 'queue-suite-only-encryption-key',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(services.crm.port),
			DB_POSTGRESDB_DATABASE: services.n8nDatabase,
			DB_POSTGRESDB_USER: services.crm.user,
			DB_POSTGRESDB_PASSWORD: services.crm.password,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(services.redisPort),
			N8N_LOG_LEVEL: 'info',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			// Each process starts its own task runner broker (Code nodes); they must not share a port.
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		};
	}

	private spawn(name: string, args: string[], env: NodeJS.ProcessEnv, healthUrl: string): N8nProcess {
		this.processCount++;
		const logFile = join(this.options.dir, `${name}-${this.processCount}.log`);
		return new N8nProcess(name, this.options.n8nBin, args, env, logFile, this.pidFile, healthUrl);
	}

	/** Imports credentials and workflows, then starts main and workers. */
	async start(imports: { credentialsFile: string; workflowsFile: string }): Promise<void> {
		const mainEnv = await this.envFor('main');
		for (const args of [
			['import:credentials', `--input=${imports.credentialsFile}`],
			// Imported inactive: `--activeState=fromJson` fails for the not-yet-set-up owner ("activate a
			// workflow without permissions"); the suite publishes them through the public API instead.
			['import:workflow', `--input=${imports.workflowsFile}`],
		]) {
			const result = await runN8n(this.options.n8nBin, args, mainEnv);
			const output = result.stdout + result.stderr;
			writeFileSync(join(this.options.dir, `${args[0].replace(':', '-')}.log`), output);
			// A workflow that fails to activate is only logged; its webhook would then answer 404.
			if (result.code !== 0 || /Failed to activate/.test(output)) throw new Error(`n8n ${args[0]} failed:\n${output}`);
		}
		const port = this.options.mainPort;
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.main = this.spawn('main', ['start'], { ...mainEnv, N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_SECURE_COOKIE: 'false' }, `${this.baseUrl}/healthz/readiness`);
		// Workers only after main ran the migrations (the import above already did; this keeps it certain).
		await this.waitHealthy(this.main);
		for (let i = 1; i <= this.options.workers; i++) this.workers.push(await this.startWorker(`worker${i}`));
		await Promise.all(this.workers.map((worker) => this.waitHealthy(worker)));
	}

	async startWorker(name: string): Promise<N8nProcess> {
		const env = await this.envFor(name);
		const port = await freePort();
		return this.spawn(name, ['worker', `--concurrency=${this.options.workerConcurrency}`], {
			...env,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		}, `http://127.0.0.1:${port}/healthz/readiness`);
	}

	async waitHealthy(processToWatch: N8nProcess, timeoutMs = 180_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (!processToWatch.running) throw new Error(`${processToWatch.name} exited during start-up:\n${processToWatch.log.slice(-3000)}`);
			try {
				const response = await fetch(processToWatch.healthUrl);
				// Main answers its health check before it has activated the workflows; it logs this line after.
				if (response.ok && (processToWatch !== this.main || /Editor is now accessible/.test(processToWatch.log))) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`${processToWatch.name} did not become healthy in ${timeoutMs / 1000} s:\n${processToWatch.log.slice(-3000)}`);
	}

	/** The worker that logged starting this execution, if any. */
	workerOf(executionId: string): N8nProcess | undefined {
		return this.workers.find((worker) => worker.startedExecutions().includes(executionId));
	}

	async stop(): Promise<void> {
		await Promise.all([...this.workers, this.main].filter(Boolean).map((p) => p.stop()));
	}
}
