import type { RunJson } from '../e2e/n8nCli';

/** An execution as n8n's public API returns it (ExecutionPublicDto). */
export interface Execution {
	id: string;
	workflowId: string;
	status: 'new' | 'running' | 'success' | 'error' | 'canceled' | 'crashed' | 'waiting' | string;
	finished: boolean;
	mode: string;
	startedAt: string | null;
	stoppedAt: string | null;
	data?: RunJson['data'];
}

const DONE = new Set(['success', 'error', 'canceled', 'crashed']);
export const isDone = (execution: Execution) => DONE.has(execution.status);

/**
 * The main instance's HTTP surface the suite uses: production webhooks, and the public REST API
 * (/api/v1, X-N8N-API-KEY) for executions. The key is created the way a user does it: owner set-up,
 * then an API key with every scope the owner role may grant (controllers/api-keys.controller.ts).
 */
export class MainApi {
	private apiKey = '';

	constructor(readonly baseUrl: string) {}

	async createApiKey(): Promise<void> {
		const owner = { email: 'owner@example.com', firstName: 'Queue', lastName: 'Suite', password: 'Queue-suite-1' };
		const setup = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		if (!setup.ok) throw new Error(`owner set-up failed: ${setup.status} ${await setup.text()}`);
		const cookie = (setup.headers.getSetCookie?.() ?? [setup.headers.get('set-cookie') ?? ''])
			.map((header) => header.split(';')[0])
			.join('; ');
		const rest = async (path: string, init: RequestInit = {}) => {
			const response = await fetch(`${this.baseUrl}/rest${path}`, {
				...init,
				headers: { 'content-type': 'application/json', cookie, ...(init.headers ?? {}) },
			});
			if (!response.ok) throw new Error(`${path} failed: ${response.status} ${await response.text()}`);
			return ((await response.json()) as { data: unknown }).data;
		};
		const scopes = (await rest('/api-keys/scopes')) as string[];
		const created = (await rest('/api-keys', {
			method: 'POST',
			body: JSON.stringify({ label: 'queue suite', scopes, expiresAt: null }),
		})) as { rawApiKey: string };
		this.apiKey = created.rawApiKey;
	}

	private async api<T>(path: string, init: RequestInit = {}): Promise<T> {
		const response = await fetchWithCause(`${this.baseUrl}/api/v1${path}`, {
			...init,
			headers: { 'content-type': 'application/json', 'x-n8n-api-key': this.apiKey, ...(init.headers ?? {}) },
		});
		if (!response.ok) throw new Error(`${init.method ?? 'GET'} /api/v1${path}: ${response.status} ${await response.text()}`);
		return (await response.json()) as T;
	}

	/** Publishes ("activates") a workflow: main registers its production webhooks at once. */
	async publish(workflowId: string): Promise<void> {
		await this.api(`/workflows/${workflowId}/publish`, { method: 'POST', body: '{}' });
	}

	/**
	 * POSTs to a production webhook; main answers once it has enqueued the execution. Right after
	 * publishing, main may not have registered the webhook yet (404, nothing enqueued), so a 404 is
	 * retried for a few seconds.
	 */
	async trigger(path: string, body: unknown = {}): Promise<{ status: number; body: string }> {
		const deadline = Date.now() + 20_000;
		for (;;) {
			const response = await fetch(`${this.baseUrl}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			const answer = { status: response.status, body: await response.text() };
			if (answer.status !== 404 || Date.now() > deadline) return answer;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	async executions(workflowId: string): Promise<Execution[]> {
		const all: Execution[] = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({ workflowId, limit: '250', ...(cursor ? { cursor } : {}) });
			const page = await this.api<{ data: Execution[]; nextCursor?: string | null }>(`/executions?${query}`);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all.sort((a, b) => Number(a.id) - Number(b.id));
	}

	async execution(id: string): Promise<Execution> {
		return await this.api<Execution>(`/executions/${id}?includeData=true`);
	}

	async stop(id: string): Promise<unknown> {
		return await this.api(`/executions/${id}/stop`, { method: 'POST', body: '{}' });
	}

	/** Waits until `count` executions of the workflow have ended (the list shows only ended ones). */
	async waitFor(workflowId: string, count: number, { timeoutMs = 300_000 } = {}): Promise<Execution[]> {
		const deadline = Date.now() + timeoutMs;
		let last: Execution[] = [];
		while (Date.now() < deadline) {
			last = await this.executions(workflowId);
			if (last.filter(isDone).length >= count) return last;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`workflow ${workflowId}: expected ${count} executions, have ${JSON.stringify(last.map((e) => [e.id, e.status]))}`);
	}
}

async function fetchWithCause(url: string, init: RequestInit): Promise<Response> {
	try {
		return await fetch(url, init);
	} catch (error) {
		const cause = (error as { cause?: Error }).cause;
		throw new Error(`${init.method ?? 'GET'} ${url}: ${(error as Error).message}${cause ? ` (${cause.message})` : ''}`);
	}
}

/** Shapes a public-API execution like `n8n execute --rawOutput`, so the e2e checks read it. */
export function asRun(execution: Execution): RunJson | undefined {
	if (!execution.data) return undefined;
	return { status: execution.status, finished: execution.finished, data: execution.data };
}
