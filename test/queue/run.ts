/**
 * Queue-mode suite: the packed package in n8n 2.41.1 running as main + 2 workers on PostgreSQL and
 * Redis (started by scripts/queue/run.sh), workflows triggered through production webhooks on the
 * main instance and checked through the public API's executions and the emulators' request logs.
 * Exits non-zero when a case fails or the cluster does not come up.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { startEmulators } from '../providers';
import { Checks } from '../e2e/check';
import { credentialsFor } from '../e2e/credentials';
import type { Emulators } from '../e2e/types';
import { MainApi } from './api';
import { queueCases } from './cases';
import { Cluster, freePort } from './cluster';
import { postgresCredential } from '../e2e/postgres';
import { servicesFromEnv } from './services';
import type { QueueContext } from './types';

const packageDir = resolve(__dirname, '..', '..');

async function main(): Promise<number> {
	const n8nBin = process.env.E2E_N8N_BIN;
	const dir = process.env.QUEUE_DIR;
	if (!n8nBin || !dir) throw new Error('E2E_N8N_BIN / QUEUE_DIR are not set; run the suite through `npm run test:queue`.');
	const started = Date.now();
	const services = servicesFromEnv();
	// QUEUE_ONLY=cancel,large-sync runs the cases whose names contain one of the words.
	const only = process.env.QUEUE_ONLY?.split(',').filter(Boolean);
	// Known before the workflows are built: the large-sync parent posts its pages to main's webhooks.
	const mainPort = await freePort();
	process.env.QUEUE_MAIN_URL = `http://127.0.0.1:${mainPort}`;
	const cases = queueCases().filter((c) => !only?.length || only.some((word) => c.name.includes(word)));

	// The same-key cases switch AutoSend's 2 requests/s on through its limiter; it starts switched off.
	const emulators: Emulators = await startEmulators((provider) => (provider.key === 'autosend' ? {} : { rateLimit: false, jobDelayMs: 200 }));
	emulators.autosend.limiter?.configure(undefined);

	const cluster = new Cluster({
		n8nBin,
		dir,
		packageDir,
		services,
		mainPort,
		workers: 2,
		workerConcurrency: 1,
		env: {
			// Loopback emulators stand in for the providers; n8n would otherwise block private addresses.
			N8N_SSRF_PROTECTION_ENABLED: 'false',
			// Dangling executions (their worker died) are marked crashed every 15 s instead of every 3 h.
			N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '0.25',
		},
	});
	let failed = 0;
	try {
		for (const c of cases) c.seed?.(services);
		mkdirSync(dir, { recursive: true });
		const credentialsFile = join(dir, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify([...credentialsFor(emulators), postgresCredential(services.crm)]));
		const workflowsFile = join(dir, 'workflows.json');
		writeFileSync(workflowsFile, JSON.stringify(cases.flatMap((c) => c.workflows)));
		await cluster.start({ credentialsFile, workflowsFile });
		const api = new MainApi(cluster.baseUrl);
		await api.createApiKey();
		for (const workflow of cases.flatMap((c) => c.workflows)) if (workflow.active) await api.publish(workflow.id);
		console.log(`  cluster up in ${((Date.now() - started) / 1000).toFixed(0)} s: main ${cluster.baseUrl}, ${cluster.workers.length} workers (concurrency 1)`);

		for (const testCase of cases) {
			for (const emulator of Object.values(emulators)) emulator.clearLog();
			const figures: string[] = [];
			const context: QueueContext = { cluster, api, emulators, services, figure: (name, value) => figures.push(`${name}: ${value}`) };
			const checks = new Checks();
			const caseStarted = Date.now();
			try {
				await testCase.run(context, checks);
			} catch (error) {
				checks.that(false, `case threw: ${(error as Error).stack ?? error}`);
			}
			const seconds = ((Date.now() - caseStarted) / 1000).toFixed(1);
			const ok = checks.failures.length === 0;
			if (!ok) failed++;
			console.log(`  ${ok ? '✓' : '✗'} ${testCase.name} (${seconds} s)`);
			for (const failure of checks.failures) console.log(`      - ${failure}`);
			for (const figure of figures) console.log(`      · ${figure}`);
		}
		console.log(`queue: ${cases.length - failed}/${cases.length} passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	} catch (error) {
		failed++;
		console.error(error);
		for (const p of [cluster.main, ...cluster.workers].filter(Boolean)) console.error(`--- ${p.name} log (tail)\n${p.log.slice(-3000)}`);
	} finally {
		await cluster.stop();
		await Promise.all(Object.values(emulators).map((e) => e.close()));
	}
	return failed === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
