import type { Route } from './context';

interface CompiledRoute {
	route: Route;
	segments: string[];
}

/** Matches `/contacts/:id`-style patterns; literal segments win over parameters. */
export class Router {
	private readonly compiled: CompiledRoute[];

	constructor(routes: Route[]) {
		// Literal routes first, so `/contacts/email` is never taken for `/contacts/:id`.
		this.compiled = routes
			.map((route) => ({ route, segments: route.pattern.split('/').filter(Boolean) }))
			.sort((a, b) => paramCount(a.segments) - paramCount(b.segments));
	}

	/** The route and its params, or `pathMatched` when only the method is wrong. */
	match(method: string, path: string): { route: Route; params: Record<string, string> } | { pathMatched: boolean } {
		const parts = path.split('/').filter(Boolean);
		let pathMatched = false;
		for (const { route, segments } of this.compiled) {
			if (segments.length !== parts.length) continue;
			const params: Record<string, string> = {};
			const fits = segments.every((segment, i) => {
				if (segment.startsWith(':')) {
					const value = safeDecode(parts[i]);
					params[segment.slice(1)] = value ?? '';
					return value !== undefined;
				}
				return segment === parts[i];
			});
			if (!fits) continue;
			if (route.method === method) return { route, params };
			pathMatched = true;
		}
		return { pathMatched };
	}
}

function paramCount(segments: string[]): number {
	return segments.filter((segment) => segment.startsWith(':')).length;
}

function safeDecode(part: string): string | undefined {
	try {
		return decodeURIComponent(part);
	} catch {
		return undefined;
	}
}
