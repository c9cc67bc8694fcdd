import type { EmuResponse } from '../../common';

/** GET /v3/scopes: the scopes of the calling key (n8n's credential test). */
export function getScopes(scopes: string[]): EmuResponse {
	return { status: 200, body: { scopes } };
}
