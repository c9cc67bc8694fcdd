import type { EmuResponse } from '../common';

/** One entry of `error.details`, as in AutoSend's documented validation error. */
export interface FieldError {
	field: string;
	message: string;
}

export function ok(data: unknown, status = 200, message?: string): EmuResponse {
	return { status, body: message ? { success: true, message, data } : { success: true, data } };
}

export function errorEnvelope(message: string, code: string, details?: FieldError[]) {
	return { success: false, error: details ? { message, code, details } : { message, code } };
}

export function fail(status: number, code: string, message: string, details?: FieldError[]): EmuResponse {
	return { status, body: errorEnvelope(message, code, details) };
}

export function validationFailed(details: FieldError[]): EmuResponse {
	return fail(400, 'VALIDATION_FAILED', 'Validation failed', details);
}

export function notFound(message: string): EmuResponse {
	return fail(404, 'NOT_FOUND', message);
}

export const ERROR_CODE_BY_STATUS: Record<number, string> = {
	400: 'VALIDATION_FAILED',
	401: 'UNAUTHORIZED',
	402: 'PLAN_UPGRADE_REQUIRED',
	403: 'FORBIDDEN',
	404: 'NOT_FOUND',
	409: 'CONFLICT',
	413: 'PAYLOAD_TOO_LARGE',
	429: 'RATE_LIMIT_EXCEEDED',
	500: 'INTERNAL_SERVER_ERROR',
	502: 'BAD_GATEWAY',
	503: 'SERVICE_UNAVAILABLE',
	504: 'GATEWAY_TIMEOUT',
};

/** Error body for any status, used for injected faults and unexpected failures. */
export function errorBodyFor(status: number, message: string) {
	return errorEnvelope(message, ERROR_CODE_BY_STATUS[status] ?? 'ERROR');
}
