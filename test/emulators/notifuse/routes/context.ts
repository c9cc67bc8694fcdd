import type { EmuRequest, EmuResponse } from '../../common';
import type { ResolvedOptions } from '../options';
import type { NotifuseStore, User } from '../store';

export interface RouteContext {
	store: NotifuseStore;
	options: ResolvedOptions;
	/** The authenticated caller. */
	user: User;
}

export interface Route {
	method: 'GET' | 'POST';
	handle(req: EmuRequest, ctx: RouteContext): EmuResponse;
}

/**
 * A JSON object body, or undefined when Go's decoder would fail (empty, malformed, not an object).
 * A literal `null` decodes into a zero-value struct, so it reads as `{}`.
 */
export function objectBody(req: EmuRequest): Record<string, unknown> | undefined {
	if (req.json === null) return {};
	if (req.jsonInvalid || typeof req.json !== 'object' || req.json === null || Array.isArray(req.json)) return undefined;
	return req.json as Record<string, unknown>;
}

/** Go decodes `workspace_id` into a string field: any other JSON type is a decode error. */
export function optionalString(value: unknown): string | undefined | false {
	if (value === undefined || value === null) return undefined;
	return typeof value === 'string' ? value : false;
}
