import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * BENCH_PROFILE_DIR=dir writes a V8 CPU profile of the measured run (open it in Chrome DevTools):
 * NODE_OPTIONS cannot carry --cpu-prof, and the warm-up should not be in the profile anyway.
 */
export async function startCpuProfile(dir: string | undefined, name: string): Promise<{ stop(): Promise<void> }> {
	if (!dir) return { stop: async () => {} };
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.start');
	return {
		stop: async () => {
			const { profile } = await session.post('Profiler.stop');
			writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
			session.disconnect();
		},
	};
}
