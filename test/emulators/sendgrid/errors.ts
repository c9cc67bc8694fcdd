import type { EmuResponse } from '../common';

/** One entry of SendGrid's `errors` envelope. `field` is null when no single field is at fault. */
export interface SendGridErrorItem {
	field: string | null;
	message: string;
	help?: unknown;
	error_id?: string;
	parameter?: string;
}

export function errorEnvelope(items: SendGridErrorItem[]) {
	return { errors: items };
}

export function errorResponse(status: number, message: string, field: string | null = null): EmuResponse {
	return { status, body: errorEnvelope([{ field, message }]) };
}

export function validationErrors(items: SendGridErrorItem[], contacts?: number): EmuResponse {
	return { status: 400, body: errorEnvelope(items), contacts };
}

/** Messages SendGrid is known to send (see providers.md 3.6); keep them verbatim. */
export const MESSAGES = {
	authorizationRequired: 'authorization required',
	invalidGrant: 'The provided authorization grant is invalid, expired, or revoked',
	accessForbidden: 'access forbidden',
	tooManyRequests: 'too many requests',
	contactNotFound: 'contact not found',
} as const;

/** 401 for a key we do not know: SendGrid adds `help: null` to this one. */
export function invalidKeyResponse(): EmuResponse {
	return {
		status: 401,
		body: errorEnvelope([{ field: null, message: MESSAGES.invalidGrant, help: null }]),
	};
}
