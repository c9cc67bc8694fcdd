import { useTestbed } from '../kit';

import { contactParams, DEFAULTS, people, statuses, testbed } from './setup';

/**
 * /work/shared/providers.md §1.1 (docs.autosend.com/api-keys): project keys (`AS_…`) work alone; account
 * keys (`ASA_…`) need `x-project-id` on every call. Nothing says an empty header is harmless, so a
 * credential without a Project ID sends none.
 */
describe('AutoSend credential: the x-project-id header', () => {
	const bed = useTestbed(testbed);

	const projectHeaders = () => bed.requests().map((entry) => entry.requestHeaders?.['x-project-id']);

	it('sends no x-project-id header when the credential has no Project ID (node run and credential test)', async () => {
		const result = await bed.run(contactParams('bulkUpdate'), people(2, 'no-project'));
		expect(statuses(result)).not.toContain('failed');
		const test = await bed.harness.testCredential('autoSendApi', bed.credentials()!.autoSendApi);
		expect(test.ok).toBe(true);
		expect(bed.requests().length).toBeGreaterThanOrEqual(2);
		expect(bed.requests().filter((entry) => entry.requestHeaders !== undefined && 'x-project-id' in entry.requestHeaders)).toEqual([]);
	}, 60_000);

	it('sends no x-project-id header for a Project ID of only spaces', async () => {
		const test = await bed.harness.testCredential('autoSendApi', bed.credentials({ projectId: '   ' })!.autoSendApi);
		expect(test.ok).toBe(true);
		expect(projectHeaders()).toEqual([undefined]);
	}, 60_000);

	it('sends the Project ID as x-project-id on every request of an account key (ASA_…)', async () => {
		const credentials = bed.credentials({ apiKey: DEFAULTS.accountApiKey, projectId: ` ${DEFAULTS.projectId} ` });
		const result = await bed.harness.run({ nodeType: 'autoSend', parameters: contactParams('bulkUpdate'), credentials, items: people(2, 'account') });
		expect(statuses(result)).not.toContain('failed');
		const test = await bed.harness.testCredential('autoSendApi', credentials!.autoSendApi);
		expect(test.ok).toBe(true);
		expect(bed.requests().length).toBeGreaterThanOrEqual(2);
		expect(new Set(projectHeaders())).toEqual(new Set([DEFAULTS.projectId]));
	}, 60_000);

	// providers.md §1.1: the server's answer to an account key without x-project-id is unknown (400 or 401); the emulator gives each.
	it.each([401, 400] as const)('says in the credential test that an account key needs the Project ID (answered %i)', async (status) => {
		const other = await testbed({ missingProjectIdStatus: status });
		try {
			const test = await other.harness.testCredential('autoSendApi', other.credentials({ apiKey: DEFAULTS.accountApiKey })!.autoSendApi);
			expect(test).toMatchObject({ ok: false, status });
			expect(test.message).toMatch(/ASA_.*Project ID/);
			expect(other.requests().map((entry) => entry.requestHeaders?.['x-project-id'])).toEqual([undefined]);
		} finally {
			await other.close();
		}
	}, 60_000);
});
