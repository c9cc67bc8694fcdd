import { prng } from '../engine/fakes';

/** Seeded PRNG: a failing case can be replayed from the seed in its title. */
export const seeded = prng;

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
