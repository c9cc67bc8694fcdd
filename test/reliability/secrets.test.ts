import { LoggerProxy, type INodeExecutionData } from 'n8n-workflow';

import type { RunResult } from '../harness';

import { itemsOf, TARGETS, type Target, useBed } from './targets';

/** Everything written anywhere during the runs: n8n's logger, the console, stdout and stderr. */
const logged: string[] = [];
const keep = (...parts: unknown[]) => {
	logged.push(parts.map((part) => (typeof part === 'string' ? part : safeText(part))).join(' '));
};

function safeText(value: unknown): string {
	const seen = new WeakSet<object>();
	return (
		JSON.stringify(value, (_key, inner: unknown) => {
			if (inner instanceof Error) return { ...inner, message: inner.message, description: (inner as { description?: unknown }).description, stack: inner.stack };
			if (inner !== null && typeof inner === 'object') {
				if (seen.has(inner)) return '[circular]';
				seen.add(inner);
			}
			return inner;
		}) ?? ''
	);
}

/** The whole execution as n8n stores it (outputs, errors with descriptions) plus what was logged. */
function everythingVisible(result: RunResult): string {
	return [safeText(result.run), safeText(result.outputs), safeText(result.error), result.error?.message ?? '', String(result.error?.description ?? ''), ...logged].join('\n');
}

/** A failed item's message: ours (`errorMessage`) or n8n's, when the node failed before any item was sent (`error`). */
function failureText(item: INodeExecutionData): string | undefined {
	if (item.json.status === 'failed' && typeof item.json.errorMessage === 'string') return item.json.errorMessage;
	return typeof item.json.error === 'string' ? item.json.error : undefined;
}

const ECHO = (key: string) => `Invalid request. Received headers: {"authorization":"Bearer ${key}","accept":"application/json"}`;

beforeAll(() => {
	LoggerProxy.init({ error: keep, warn: keep, info: keep, debug: keep });
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) jest.spyOn(console, method).mockImplementation(keep);
	const write = (original: typeof process.stdout.write) =>
		((chunk: unknown, ...rest: unknown[]) => {
			keep(String(chunk));
			return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
		}) as typeof process.stdout.write;
	jest.spyOn(process.stdout, 'write').mockImplementation(write(process.stdout.write.bind(process.stdout)));
	jest.spyOn(process.stderr, 'write').mockImplementation(write(process.stderr.write.bind(process.stderr)));
});
afterAll(() => jest.restoreAllMocks());

describe.each(TARGETS)('$name never shows the API key', (target: Target) => {
	const bed = useBed(target);
	beforeEach(() => {
		logged.length = 0;
	});

	it('when the provider echoes the request headers in an error (error output and node error)', async () => {
		const rule = { kind: 'status' as const, status: 400, count: 1000, body: target.errorBody(ECHO(bed().apiKey)), path: target.write.path, method: target.write.method };
		bed().faults.add(rule);
		const perItem = await bed().run(itemsOf(target, 3), {}, { onError: 'continueErrorOutput' });
		expect(perItem.outputs[1]?.length).toBe(3);
		// The provider's message still reaches the user, minus the key.
		expect(safeText(perItem.outputs[1])).toContain('[redacted]');
		expect(everythingVisible(perItem)).not.toContain(bed().apiKey);

		const stopped = await bed().run(itemsOf(target, 3, 'stop'));
		expect(stopped.status).toBe('error');
		expect(everythingVisible(stopped)).not.toContain(bed().apiKey);
	});

	it('when a rejected key is echoed back with 401', async () => {
		const wrongKey = 'SG.wrong-but-secret-key-0123456789';
		bed().faults.add({ kind: 'status', status: 401, count: 1000, body: target.errorBody(`API key ${wrongKey} is not valid`) });
		const result = await bed().runAs({ apiKey: wrongKey }, itemsOf(target, 2), {}, { onError: 'continueRegularOutput' });
		expect(result.outputs[0]?.map(failureText)).toEqual([expect.any(String), expect.any(String)]);
		expect(everythingVisible(result)).not.toContain(wrongKey);
	});

	it('when the request fails at the network level', async () => {
		const result = await bed().runAs({ baseUrl: 'http://127.0.0.1:9' }, itemsOf(target, 2), { maxRetries: 0 }, { onError: 'continueRegularOutput' });
		expect(result.outputs[0]?.map(failureText)).toEqual([expect.any(String), expect.any(String)]);
		expect(failureText(result.outputs[0][0])).toMatch(/connect|connection/i);
		expect(everythingVisible(result)).not.toContain(bed().apiKey);
	});
});
