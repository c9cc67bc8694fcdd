import type { EmuResponse } from '../../common';

/**
 * GET /v3/scopes: the scopes of the calling key, `{"scopes": ["mail.send", …]}` (sendgrid-oai
 * spec/json/tsg_scopes_v3.json, ListScope 200). It answers any valid key, Marketing access or not,
 * which is why the credential test reads /v3/marketing/field_definitions instead.
 */
export function getScopes(scopes: string[]): EmuResponse {
	return { status: 200, body: { scopes } };
}
