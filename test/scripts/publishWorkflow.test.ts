import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

/**
 * The release workflow cannot run here (it needs GitHub's runner and OIDC), so this checks what a
 * runner would refuse or what would publish a package n8n no longer accepts: valid YAML, a tag trigger,
 * the OIDC permission provenance needs, tests before the publish step, and `--provenance`.
 */
interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, unknown>;
}
interface Workflow {
	name?: string;
	on?: { push?: { tags?: string[] } };
	permissions?: Record<string, string>;
	jobs?: Record<string, { 'runs-on'?: string; steps?: Step[]; 'timeout-minutes'?: number }>;
}

const root = join(__dirname, '..', '..');
const workflow = parse(readFileSync(join(root, '.github', 'workflows', 'publish.yml'), 'utf8')) as Workflow;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; license: string; repository?: { url?: string }; bugs?: { url?: string } };

describe('release workflow (.github/workflows/publish.yml)', () => {
	const jobs = Object.values(workflow.jobs ?? {});
	const steps = jobs.flatMap((job) => job.steps ?? []);
	const runs = steps.map((step) => step.run ?? '');

	it('is a workflow GitHub accepts: a name, a trigger, jobs with runs-on and steps', () => {
		expect(typeof workflow.name).toBe('string');
		expect(jobs.length).toBeGreaterThan(0);
		for (const job of jobs) {
			expect(typeof job['runs-on']).toBe('string');
			expect(job.steps?.length).toBeGreaterThan(0);
			for (const step of job.steps ?? []) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
		}
	});

	it('runs on version tags, with and without a v prefix, and on nothing else', () => {
		expect(Object.keys(workflow.on ?? {})).toEqual(['push']);
		const tags = (workflow.on?.push?.tags ?? []).map((glob) => new RegExp(`^${glob.replace(/\*/g, '.*')}$`));
		const matches = (tag: string) => tags.some((pattern) => pattern.test(tag));
		expect(matches(packageJson.version)).toBe(true);
		expect(matches(`v${packageJson.version}`)).toBe(true);
		expect(matches('2.0.0-rc.1')).toBe(true);
		expect(matches('latest')).toBe(false);
	});

	it('may mint the OIDC token npm provenance is signed with, and only reads the repository', () => {
		expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
	});

	it('installs with npm ci, tests, then publishes with provenance, in that order', () => {
		const install = runs.findIndex((run) => /^npm ci\b/m.test(run));
		const test = runs.findIndex((run) => /^npm test\b/m.test(run));
		const publish = runs.findIndex((run) => /npm publish --provenance --access public/.test(run));
		expect(install).toBeGreaterThanOrEqual(0);
		expect(test).toBeGreaterThan(install);
		expect(publish).toBeGreaterThan(test);
		expect(steps.some((step) => step.uses?.startsWith('actions/checkout@'))).toBe(true);
	});

	it('refuses a tag that does not match package.json', () => {
		expect(runs.some((run) => run.includes("require('./package.json').version") && run.includes('exit 1'))).toBe(true);
	});
});

describe('package metadata a user can follow', () => {
	it('has a license file matching package.json, a repository and an issue tracker', () => {
		expect(packageJson.license).toBe('MIT');
		expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
		expect(packageJson.repository?.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
		expect(packageJson.bugs?.url).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/issues$/);
	});

	it('has a changelog whose newest release is the package version', () => {
		const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
		expect(changelog).toMatch(/## \[Unreleased\]/);
		const released = /## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}/.exec(changelog);
		expect(released?.[1]).toBe(packageJson.version);
	});
});
