import { TokenBucketLimiter, type EmuResponse, type RateLimitConfig, type RateLimitDecision } from '../common';

import { errorResponse, MESSAGES } from './errors';
import type { EndpointGroup } from './options';

/** Values sent when no limiter is active, so clients always see the headers SendGrid always sends. */
const UNLIMITED = 10_000;

export function rateLimitHeaders(decision: RateLimitDecision | undefined): Record<string, string> {
	if (!decision || decision.limit === 0) {
		return {
			'x-ratelimit-limit': String(UNLIMITED),
			'x-ratelimit-remaining': String(UNLIMITED),
			'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1),
		};
	}
	return {
		'x-ratelimit-limit': String(decision.limit),
		'x-ratelimit-remaining': String(decision.remaining),
		'x-ratelimit-reset': String(decision.resetEpochSeconds),
	};
}

export function tooManyRequests(decision: RateLimitDecision, sendRetryAfter: boolean): EmuResponse {
	const answer = errorResponse(429, MESSAGES.tooManyRequests);
	answer.headers = rateLimitHeaders(decision);
	if (sendRetryAfter) answer.headers['retry-after'] = String(decision.retryAfterSeconds);
	return answer;
}

/** Buckets for endpoint groups whose limit differs from the shared server's default bucket. */
export class EndpointLimiters {
	private limiters = new Map<EndpointGroup, TokenBucketLimiter>();

	constructor(config: Partial<Record<EndpointGroup, RateLimitConfig>>) {
		for (const [group, cfg] of Object.entries(config) as Array<[EndpointGroup, RateLimitConfig]>) {
			this.limiters.set(group, new TokenBucketLimiter(cfg));
		}
	}

	has(group: EndpointGroup): boolean {
		return this.limiters.has(group);
	}

	take(group: EndpointGroup, key: string): RateLimitDecision | undefined {
		return this.limiters.get(group)?.take(key);
	}

	reset() {
		for (const limiter of this.limiters.values()) limiter.reset();
	}
}
