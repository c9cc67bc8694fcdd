/** Token bucket per caller key, the way the providers describe their limits. */
export interface RateLimitConfig {
	/** Tokens added per second (AutoSend: 2). */
	perSecond: number;
	/** Bucket size; defaults to perSecond (one second of burst). */
	burst?: number;
}

export interface RateLimitDecision {
	allowed: boolean;
	limit: number;
	remaining: number;
	/** Seconds until one token is available again (0 when allowed). */
	retryAfterSeconds: number;
	/** Epoch seconds when the bucket is full again. */
	resetEpochSeconds: number;
}

export class TokenBucketLimiter {
	private buckets = new Map<string, { tokens: number; updated: number }>();
	private config?: RateLimitConfig;

	constructor(config?: RateLimitConfig) {
		this.config = config;
	}

	configure(config: RateLimitConfig | undefined) {
		this.config = config;
		this.buckets.clear();
	}

	reset() {
		this.buckets.clear();
	}

	take(key: string, now = Date.now()): RateLimitDecision {
		const cfg = this.config;
		if (!cfg) {
			return { allowed: true, limit: 0, remaining: 0, retryAfterSeconds: 0, resetEpochSeconds: 0 };
		}
		const burst = cfg.burst ?? cfg.perSecond;
		const bucket = this.buckets.get(key) ?? { tokens: burst, updated: now };
		bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updated) / 1000) * cfg.perSecond);
		bucket.updated = now;
		this.buckets.set(key, bucket);
		const allowed = bucket.tokens >= 1;
		if (allowed) bucket.tokens -= 1;
		const missing = burst - bucket.tokens;
		return {
			allowed,
			limit: burst,
			remaining: Math.max(0, Math.floor(bucket.tokens)),
			retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / cfg.perSecond)),
			resetEpochSeconds: Math.ceil((now + (missing / cfg.perSecond) * 1000) / 1000),
		};
	}
}
