import type { EmuRequest, EmuResponse } from '../common';
import type { ResolvedOptions } from './options';
import type { AutoSendStore } from './store';

/** Everything a route handler needs. */
export interface RouteContext {
	req: EmuRequest;
	/** Path parameters, e.g. `{ id }` for `/contacts/:id`. */
	params: Record<string, string>;
	store: AutoSendStore;
	options: ResolvedOptions;
}

export interface Route {
	method: string;
	/** Path under /v1 with `:name` parameters. */
	pattern: string;
	/** Writes are refused for read-only keys. */
	writes: boolean;
	handle(ctx: RouteContext): EmuResponse;
}
