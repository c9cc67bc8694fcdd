/**
 * Fault injection for the emulators. Rules are consumed in order: a rule applies to requests whose
 * path starts with `path` (all API paths when omitted), lets `skip` matching requests through first,
 * then fires `count` times.
 */
export type FaultKind = 'status' | 'drop-before' | 'drop-mid' | 'malformed' | 'slow-body' | 'redirect' | 'page';

export interface FaultRule {
	kind: FaultKind;
	count: number;
	skip?: number;
	path?: string;
	/** Only requests with this method (any when omitted), e.g. the PUT but not the GET polls under one path. */
	method?: string;
	/** For `status`: the HTTP status to answer. */
	status?: number;
	/** For `status`: the body to answer; defaults to the provider's error shape. */
	body?: unknown;
	/** For `status`: a Retry-After header value in seconds. */
	retryAfter?: number;
	/** For `slow-body`: pause between the two halves of the body. */
	ms?: number;
	/**
	 * For `redirect`: the origin (e.g. a second loopback server) the answer points to; the request's
	 * path and query are appended, as a moved API or a load balancer's HTTPS upgrade would. No provider
	 * documents redirects on its API; they come from what sits in front of it, and n8n 2.41 follows them
	 * with the credential attached unless told not to (docs/providers.md §5, "n8n 2.41").
	 */
	redirectTo?: string;
	/** For `page`: the body text (default: the page a reverse proxy shows for `status`, see pages.ts). */
	text?: string;
	/** For `page`: the content type (default `text/html`). */
	contentType?: string;
}

export interface FaultConfig {
	/** Fixed latency added before answering every API request. */
	latencyMs?: number;
	/** Uniform random extra latency, 0..jitterMs. */
	jitterMs?: number;
	rules?: FaultRule[];
}

export type FaultDecision =
	| { kind: 'none'; delayMs: number }
	| { kind: 'status'; delayMs: number; status: number; body?: unknown; retryAfter?: number }
	| { kind: 'drop-before' | 'drop-mid' | 'malformed'; delayMs: number }
	| { kind: 'slow-body'; delayMs: number; slowBodyMs: number }
	| { kind: 'redirect'; delayMs: number; status: number; redirectTo: string }
	| { kind: 'page'; delayMs: number; status: number; text?: string; contentType: string };

export class FaultInjector {
	private config: FaultConfig = {};
	private rules: Array<FaultRule & { seen: number; fired: number }> = [];

	constructor(config?: FaultConfig) {
		this.configure(config ?? {});
	}

	configure(config: FaultConfig) {
		this.config = { ...config };
		this.rules = (config.rules ?? []).map((r) => ({ ...r, seen: 0, fired: 0 }));
	}

	/** Adds rules after the current ones, keeping latency settings. */
	add(...rules: FaultRule[]) {
		this.rules.push(...rules.map((r) => ({ ...r, seen: 0, fired: 0 })));
	}

	describe() {
		return { latencyMs: this.config.latencyMs, jitterMs: this.config.jitterMs, rules: this.rules };
	}

	next(path: string, method?: string): FaultDecision {
		const delayMs = (this.config.latencyMs ?? 0) + Math.random() * (this.config.jitterMs ?? 0);
		for (const rule of this.rules) {
			if (rule.fired >= rule.count) continue;
			if (rule.path && !path.startsWith(rule.path)) continue;
			if (rule.method && method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) continue;
			rule.seen++;
			if (rule.seen <= (rule.skip ?? 0)) continue;
			rule.fired++;
			switch (rule.kind) {
				case 'status':
					return {
						kind: 'status',
						delayMs,
						status: rule.status ?? 500,
						body: rule.body,
						retryAfter: rule.retryAfter,
					};
				case 'slow-body':
					return { kind: 'slow-body', delayMs, slowBodyMs: rule.ms ?? 200 };
				case 'redirect':
					return { kind: 'redirect', delayMs, status: rule.status ?? 307, redirectTo: rule.redirectTo ?? 'http://127.0.0.1:9' };
				case 'page':
					return { kind: 'page', delayMs, status: rule.status ?? 200, text: rule.text, contentType: rule.contentType ?? 'text/html' };
				default:
					return { kind: rule.kind, delayMs };
			}
		}
		return { kind: 'none', delayMs };
	}
}
