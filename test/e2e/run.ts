/**
 * End-to-end suite: the packed package inside a real n8n (2.41.1, installed by scripts/e2e/install.sh),
 * credentials pointing at the local emulators, workflows run with `n8n execute --id … --rawOutput`.
 * Exits non-zero when any case fails, when n8n cannot load the package, or when a workflow that
 * should succeed errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { startEmulators } from '../providers';
import { allCases } from './cases';
import { Checks } from './check';
import { credentialsFor } from './credentials';
import { installPackedPackage } from './installPackage';
import { parseRunOutput, runN8n } from './n8nCli';
import type { Emulators } from './types';
import { PACKAGE } from './workflow';

const packageDir = resolve(__dirname, '..', '..');
const n8nBin = process.env.E2E_N8N_BIN;

async function main(): Promise<number> {
	if (!n8nBin) throw new Error('E2E_N8N_BIN is not set; run the suite through `npm run test:e2e`.');
	const only = process.env.E2E_ONLY;
	const userFolder = mkdtempSync(join(tmpdir(), 'contact-sync-e2e-'));
	const env: NodeJS.ProcessEnv = {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'e2e-only-encryption-key',
		N8N_LOG_LEVEL: 'info',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_RUNNERS_BROKER_PORT: String(20000 + (process.pid % 20000)),
		N8N_RESTRICT_FILE_ACCESS_TO: join(packageDir, 'examples'),
		// Loopback emulators stand in for the providers; n8n would otherwise block private addresses.
		N8N_SSRF_PROTECTION_ENABLED: 'false',
	};

	const started = Date.now();
	installPackedPackage(packageDir, userFolder, PACKAGE, process.env.E2E_TARBALL || undefined);
	const emulators: Emulators = await startEmulators(() => ({ rateLimit: false, jobDelayMs: 200 }));

	let failed = 0;
	try {
		const cases = allCases(emulators).filter((c) => !only || c.name.includes(only));
		const credentialsFile = join(userFolder, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(credentialsFor(emulators)));
		const workflowsFile = join(userFolder, 'workflows.json');
		writeFileSync(workflowsFile, JSON.stringify(cases.map((c) => c.workflow)));
		for (const args of [
			['import:credentials', `--input=${credentialsFile}`],
			['import:workflow', `--input=${workflowsFile}`],
		]) {
			const result = await runN8n(n8nBin, args, env);
			if (result.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${result.stdout}\n${result.stderr}`);
		}

		const executions = cases.flatMap((testCase) => [testCase, ...(testCase.then ?? [])].map((step) => ({ step, id: testCase.workflow.id })));
		for (const { step: testCase, id } of executions) {
			for (const emulator of Object.values(emulators)) emulator.clearLog();
			await testCase.before?.(emulators);
			const caseStarted = Date.now();
			const cli = await runN8n(n8nBin, ['execute', `--id=${id}`, '--rawOutput'], env);
			const output = cli.stdout + cli.stderr;
			const run = parseRunOutput(cli.stdout);
			const checks = new Checks();
			if (/Unrecognized node type|is not known|Could not find/i.test(output)) {
				checks.that(false, 'n8n did not load the package: ' + (output.match(/.*Unrecognized.*/)?.[0] ?? ''));
			}
			if (!testCase.expectError) {
				checks.that(cli.code === 0, cli.signal ? `n8n execute was ended by ${cli.signal}` : `n8n execute exited with ${cli.code}`);
				checks.that(run?.status === 'success', `execution status ${run?.status ?? 'missing'}`);
			}
			try {
				testCase.check(run, checks, { emulators, cli });
			} catch (error) {
				checks.that(false, `check threw: ${(error as Error).message}`);
			}
			const seconds = ((Date.now() - caseStarted) / 1000).toFixed(1);
			if (checks.failures.length === 0) {
				console.log(`  ✓ ${testCase.name} (${seconds} s)`);
			} else {
				failed++;
				console.log(`  ✗ ${testCase.name} (${seconds} s)`);
				for (const failure of checks.failures) console.log(`      - ${failure}`);
				// n8n's own last words are what explains a failed run; the whole log with E2E_VERBOSE.
				const tail = process.env.E2E_VERBOSE ? output.slice(-4000) : output.slice(-1200);
				console.log(tail.replace(/^/gm, '        | '));
			}
		}
		console.log(`e2e: ${executions.length - failed}/${executions.length} passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	} finally {
		await Promise.all(Object.values(emulators).map((e) => e.close()));
		if (!process.env.E2E_KEEP) rmSync(userFolder, { recursive: true, force: true });
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
