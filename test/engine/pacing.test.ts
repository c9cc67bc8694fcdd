import { RequestPacer } from '../../nodes/shared/pacing';

/** A pacer on a fake clock: sleeping moves the clock, so start times are exact. */
function fakePacer(requestsPerSecond: number | undefined) {
	let now = 0;
	const pacer = new RequestPacer(
		requestsPerSecond,
		async (ms) => {
			now += ms;
		},
		() => now,
	);
	const starts = async (count: number) => {
		const at: number[] = [];
		for (let i = 0; i < count; i++) {
			await pacer.acquire();
			at.push(now);
		}
		return at;
	};
	return { pacer, starts, clock: () => now };
}

describe('RequestPacer', () => {
	it('spaces request starts to the configured rate', async () => {
		const { starts } = fakePacer(2);
		expect(await starts(4)).toEqual([0, 500, 1000, 1500]);
	});

	it('a 429 pauses everyone and halves the pace once per burst, down to half the configured rate (the key is shared)', async () => {
		const { pacer, starts, clock } = fakePacer(2);
		await starts(1);
		pacer.limited(1000);
		pacer.limited(1000);
		expect(pacer.rate).toBe(1);
		const after = await starts(2);
		expect(after[0]).toBeGreaterThanOrEqual(1000);
		expect(after[1] - after[0]).toBe(1000);
		expect(clock()).toBeGreaterThan(1000);
		pacer.limited(0);
		expect(pacer.rate).toBe(1);
	});

	it('creeps back toward the configured pace after a streak of answers without a 429, never past it', () => {
		const { pacer } = fakePacer(2);
		pacer.limited(0);
		expect(pacer.rate).toBe(1);
		for (let i = 0; i < 9; i++) pacer.answered();
		expect(pacer.rate).toBe(1);
		pacer.answered();
		expect(pacer.rate).toBeCloseTo(1.25);
		for (let i = 0; i < 10 * 20; i++) pacer.answered();
		expect(pacer.rate).toBe(2);
	});

	it('an unpaced run stays unpaced after a 429 and only waits it out', async () => {
		const { pacer, starts, clock } = fakePacer(undefined);
		pacer.limited(700);
		expect(pacer.rate).toBe(0);
		await starts(3);
		expect(clock()).toBe(700);
	});
});
