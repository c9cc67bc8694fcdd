/** What the browser test found: checks that pass or fail, and notes that only document today's behaviour. */
export class Report {
	passed = 0;
	failed = 0;
	readonly failures: string[] = [];
	readonly notes: string[] = [];

	check(ok: boolean, what: string, detail = ''): boolean {
		if (ok) this.passed++;
		else {
			this.failed++;
			this.failures.push(`${what}${detail ? ` — ${detail}` : ''}`);
		}
		console.log(`  ${ok ? '✓' : '✗'} ${what}${detail && !ok ? `\n      ${detail}` : ''}`);
		return ok;
	}

	/** Recorded, never failing: behaviour another issue owns (e.g. a known bug, search aliases). */
	note(what: string): void {
		this.notes.push(what);
		console.log(`  ! ${what}`);
	}

	/** Runs one step; an exception fails that step with its message instead of ending the run. */
	async step<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
		try {
			return await run();
		} catch (error) {
			this.check(false, what, (error as Error).message.split('\n').slice(0, 6).join(' | '));
			return undefined;
		}
	}
}
