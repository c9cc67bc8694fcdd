import { runBulkOperation } from '../../nodes/shared/engine';
import { RequestPacer } from '../../nodes/shared/pacing';
import { DEFAULT_ENGINE_OPTIONS } from '../../nodes/shared/types';
import { FakeProvider, itemsOf, prng, testAdapter, type ServerBehaviour } from './fakes';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/**
 * For random inputs, limits and provider faults: every item gets exactly one result in order,
 * invalid items are never sent, and no contact is sent again once a request carrying it succeeded.
 */
describe('engine properties under random input and faults', () => {
	for (const idempotent of [true, false]) {
		it(`holds for ${RUNS} random runs (idempotent: ${idempotent})`, async () => {
			for (let seed = 1; seed <= RUNS; seed++) {
				const rand = prng(seed * (idempotent ? 1 : 7919));
				const count = Math.floor(rand() * 260);
				const pool = Math.max(1, Math.floor(count * (0.5 + rand() / 2)));
				const values: Array<Record<string, unknown>> = [];
				const expectInvalid: boolean[] = [];
				for (let i = 0; i < count; i++) {
					const roll = rand();
					if (roll < 0.05) {
						values.push({ email: rand() < 0.5 ? '' : 'broken@' });
						expectInvalid.push(true);
					} else if (roll < 0.08) {
						values.push({ name: 'no email' });
						expectInvalid.push(true);
					} else {
						const n = Math.floor(rand() * pool);
						values.push({ email: `${rand() < 0.3 ? ' P' : 'p'}${n}@Example.com`, name: 'x'.repeat(Math.floor(rand() * 40)) });
						expectInvalid.push(false);
					}
				}
				const poison = new Set<string>();
				if (idempotent && rand() < 0.3) poison.add(`p${Math.floor(rand() * pool)}@example.com`);
				const faultRate = rand() * 0.4;
				const behaviour = (): ServerBehaviour => {
					if (rand() >= faultRate) return { kind: 'ok' };
					const kinds: ServerBehaviour[] = [
						{ kind: 'status', status: 429, headers: { 'retry-after': '1' } },
						{ kind: 'status', status: 500 },
						{ kind: 'status', status: 503 },
						{ kind: 'reset-before' },
						{ kind: 'reset-after' },
						{ kind: 'malformed' },
					];
					return kinds[Math.floor(rand() * kinds.length)];
				};
				const provider = new FakeProvider(behaviour, poison);
				const http = provider.client();
				const maxContacts = 1 + Math.floor(rand() * 40);
				const maxBytes = rand() < 0.5 ? undefined : 200 + Math.floor(rand() * 2000);
				const { results } = await runBulkOperation(
					testAdapter(provider, { idempotent, maxContacts, maxBytes }),
					itemsOf(values),
					http,
					new RequestPacer(undefined, http.sleep),
					{ ...DEFAULT_ENGINE_OPTIONS, initialBackoffMs: 1, maxRetries: 40, concurrency: 1 + Math.floor(rand() * 4) },
				);

				const context = `seed ${seed}`;
				expect({ context, length: results.length }).toEqual({ context, length: count });
				const successCount = new Map<string, number>();
				for (const batch of provider.succeeded) {
					for (const email of batch) successCount.set(email, (successCount.get(email) ?? 0) + 1);
				}
				const sentEver = new Set(provider.processed.flat());
				for (let i = 0; i < count; i++) {
					const result = results[i];
					expect({ context, i, defined: result !== undefined }).toEqual({ context, i, defined: true });
					if (expectInvalid[i]) {
						expect({ context, i, status: result.status }).toEqual({ context, i, status: 'invalid' });
						continue;
					}
					const email = String(values[i].email).trim().toLowerCase();
					expect({ context, i, email: result.email }).toEqual({ context, i, email });
					// A contact whose request fully succeeded was never sent in another successful request.
					expect({ context, email, successes: (successCount.get(email) ?? 0) <= 1 }).toEqual({ context, email, successes: true });
					if (poison.has(email)) {
						expect({ context, i, status: result.status }).toEqual({ context, i, status: 'failed' });
					}
					if (result.status === 'upserted') {
						expect({ context, email, sent: sentEver.has(email) }).toEqual({ context, email, sent: true });
					}
					if (idempotent && !poison.has(email) && result.status !== 'upserted') {
						// With generous retries an idempotent contact can only fail when its request ran out of luck.
						expect({ context, i, code: result.errorCode }).toEqual({ context, i, code: 'RETRIES_EXHAUSTED' });
					}
				}
				if (!idempotent) {
					// A non-idempotent contact reaches the provider at most once.
					const seen = new Map<string, number>();
					for (const email of provider.processed.flat()) seen.set(email, (seen.get(email) ?? 0) + 1);
					for (const [email, times] of seen) {
						expect({ context, email, times }).toEqual({ context, email, times: 1 });
					}
				}
				for (const email of sentEver) {
					expect({ context, email, valid: /^p\d+@example\.com$/.test(email) }).toEqual({ context, email, valid: true });
				}
			}
		});
	}
});
