/** Small seeded PRNG (mulberry32): a failing case can be replayed from the seed in its title. */
export function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function intBetween(random: () => number, min: number, max: number): number {
	return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: () => number, values: readonly T[]): T {
	return values[Math.floor(random() * values.length)];
}

/** How many generated runs a property test makes; `FUZZ_RUNS` raises it for a longer soak. */
export function runsFromEnv(fallback: number): number {
	const raw = Number(process.env.FUZZ_RUNS);
	return Number.isFinite(raw) && raw > 0 ? Math.floor(raw) : fallback;
}
