/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/**
 * n8n's own REST API, called through the signed-in browser context, for state that is not what the test
 * is about (owner, workflows). The editor sends its browser id with every call and n8n checks it
 * against the session cookie, so these calls send it too.
 */
export class Rest {
	constructor(
		private readonly page: Page,
		private readonly baseUrl: string,
	) {}

	private async headers(): Promise<Record<string, string>> {
		const browserId = await this.page.evaluate(() => localStorage.getItem('n8n-browserId'));
		return browserId ? { 'browser-id': browserId } : {};
	}

	async call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown): Promise<T> {
		const response = await this.page.request.fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: await this.headers(),
			data,
		});
		const text = await response.text();
		if (!response.ok()) throw new Error(`${method} /rest${path} answered ${response.status()}: ${text.slice(0, 500)}`);
		return (JSON.parse(text) as { data: T }).data;
	}

	credentials() {
		return this.call<Array<{ id: string; name: string; type: string }>>('GET', '/credentials');
	}

	async createWorkflow(workflow: Record<string, unknown>): Promise<string> {
		const created = await this.call<{ id: string }>('POST', '/workflows', workflow);
		return created.id;
	}
}

/** The owner account the test creates on the fresh n8n (POST /rest/owner/setup needs no session). */
export const OWNER = { email: 'owner@ui-test.local', firstName: 'Ui', lastName: 'Tester', password: 'UiTest-Passw0rd' };

export async function setUpOwner(baseUrl: string): Promise<void> {
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok) throw new Error(`owner setup answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
}
