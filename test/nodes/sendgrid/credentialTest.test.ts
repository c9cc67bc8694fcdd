import { useTestbed } from '../kit';

import { DEFAULTS, testbed } from './setup';

/**
 * The credential test reads what every run and the column mapper read first (GET
 * /v3/marketing/field_definitions, sendgrid-oai spec/json/tsg_mc_custom_fields_v3.json). GET /v3/scopes
 * (tsg_scopes_v3.json: 200 `{"scopes": [...]}` for the calling key, whatever its scopes) answers any valid
 * key, so it passed keys without Marketing access. The emulator's mail-only key answers 403 "access
 * forbidden" on /v3/marketing/* (tsg_scopes_v3.json GetScopes403 shape; see provider.ts).
 */
describe('SendGrid credential test', () => {
	const bed = useTestbed(testbed);
	const tested = () => bed.emulator.log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`);

	it('passes for a key with Marketing access', async () => {
		const result = await bed.harness.testCredential('sendGridMarketingApi', bed.credentials()!.sendGridMarketingApi);
		expect(result).toMatchObject({ ok: true, message: 'Connection successful!' });
		expect(tested()).toEqual(['GET /v3/marketing/field_definitions 200']);
	}, 60_000);

	it('fails for a wrong key and says the key is not valid', async () => {
		const result = await bed.harness.testCredential('sendGridMarketingApi', bed.credentials('SG.wrong-key-0000')!.sendGridMarketingApi);
		expect(result).toMatchObject({ ok: false, status: 401 });
		expect(result.message).toMatch(/API key.*(invalid|revoked|not valid)/i);
		// n8n-core retries a 401 once after pre-authentication (request-helpers/authentication.ts), as in n8n itself.
		expect(new Set(tested())).toEqual(new Set(['GET /v3/marketing/field_definitions 401']));
	}, 60_000);

	it('fails for a key without Marketing access and names the missing scope', async () => {
		const result = await bed.harness.testCredential('sendGridMarketingApi', bed.credentials(DEFAULTS.noMarketingKey)!.sendGridMarketingApi);
		expect(result).toMatchObject({ ok: false, status: 403 });
		expect(result.message).toMatch(/marketing\.read/);
		expect(result.message).toMatch(/Marketing/);
		expect(tested()).toEqual(['GET /v3/marketing/field_definitions 403']);
	}, 60_000);
});
