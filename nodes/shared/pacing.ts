/**
 * Spaces request starts to stay under a provider's requests-per-second limit, shared by all
 * concurrent workers, and lets a 429 push every worker back at once.
 *
 * The configured rate is what one execution may use; a provider's limit is per key, and other
 * executions (queue-mode workers, other workflows) may share the key. So a 429 also halves this run's
 * pace, once per burst and down to half the configured rate, and a streak of answers without one
 * creeps back: two executions at the key's full rate settle near it between them.
 */
export class RequestPacer {
	private nextStart = 0;
	private readonly baseIntervalMs: number;
	private intervalMs: number;
	private sinceLimited = 0;
	private lastSlowdown = Number.NEGATIVE_INFINITY;

	constructor(
		requestsPerSecond: number | undefined,
		private readonly sleep: (ms: number) => Promise<void>,
		private readonly now: () => number = Date.now,
	) {
		this.baseIntervalMs = requestsPerSecond && requestsPerSecond > 0 ? 1000 / requestsPerSecond : 0;
		this.intervalMs = this.baseIntervalMs;
	}

	/** Requests per second this run currently paces to (0: unpaced). */
	get rate(): number {
		return this.intervalMs > 0 ? 1000 / this.intervalMs : 0;
	}

	/** Resolves when the caller may start its request. */
	async acquire(): Promise<void> {
		const now = this.now();
		const start = Math.max(now, this.nextStart);
		this.nextStart = start + this.intervalMs;
		if (start > now) await this.sleep(start - now);
	}

	/** Nobody starts a request for `ms` from now. */
	pause(ms: number) {
		this.nextStart = Math.max(this.nextStart, this.now() + ms);
	}

	/** The provider answered 429: someone else uses the key too, so this run takes less of it. */
	limited(waitMs: number) {
		this.pause(waitMs);
		this.sinceLimited = 0;
		const now = this.now();
		// Requests in flight together come back 429 together: one slowdown per burst, not one per request.
		if (this.baseIntervalMs === 0 || now - this.lastSlowdown < BURST_MS) return;
		this.lastSlowdown = now;
		this.intervalMs = Math.min(this.intervalMs * 2, this.baseIntervalMs * MAX_SLOWDOWN);
	}

	/** An answer that was not a 429. */
	answered() {
		if (this.intervalMs <= this.baseIntervalMs) return;
		if (++this.sinceLimited < RECOVERY_STREAK) return;
		this.sinceLimited = 0;
		this.intervalMs = Math.max(this.baseIntervalMs, this.intervalMs * 0.8);
	}
}

/** Half the configured rate: two executions on one key at the provider's limit fit; more need a lower setting. */
const MAX_SLOWDOWN = 2;
/** 429s closer together than this are one burst. */
const BURST_MS = 1_000;
/** Answers without a 429 before the pace creeps 20 % back toward the configured rate. */
const RECOVERY_STREAK = 10;

/** Runs `task(i)` for i in [0, count) with at most `concurrency` at a time; stops taking work once `stopped()`. */
export async function runPool(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<void>,
	stopped: () => boolean,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count && !stopped()) {
			const index = next++;
			await task(index);
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker);
	await Promise.all(workers);
}
