/**
 * Spaces request starts to stay under a provider's requests-per-second limit, shared by all
 * concurrent workers, and lets a 429 push every worker back at once.
 */
export class RequestPacer {
	private nextStart = 0;
	private readonly intervalMs: number;

	constructor(
		requestsPerSecond: number | undefined,
		private readonly sleep: (ms: number) => Promise<void>,
		private readonly now: () => number = Date.now,
	) {
		this.intervalMs = requestsPerSecond && requestsPerSecond > 0 ? 1000 / requestsPerSecond : 0;
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
}

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
