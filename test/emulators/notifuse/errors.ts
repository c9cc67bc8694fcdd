import type { EmuResponse } from '../common';

/** Every Notifuse JSON error is `{"error":"<message>"}`. */
export function errorResponse(status: number, message: string): EmuResponse {
	return { status, body: { error: message } };
}

export const METHOD_NOT_ALLOWED = (): EmuResponse => errorResponse(405, 'Method not allowed');
export const INVALID_BODY = (): EmuResponse => errorResponse(400, 'Invalid request body');

/** Postgres error text as pgx reports it for an over-long VARCHAR value. */
export function valueTooLong(size: number): string {
	return `ERROR: value too long for type character varying(${size}) (SQLSTATE 22001)`;
}

/** A failure inside a service, carried up to the handler that picks the status. */
export class ServiceError extends Error {}
