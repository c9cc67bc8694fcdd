/// <reference lib="dom" />
/**
 * Steps in n8n's editor as a user takes them. Selectors are the editor's data-test-id attributes (the
 * ones n8n's own Playwright page objects use, packages/testing/playwright/pages in n8n-io/n8n); visible
 * texts only where the editor has no test id (the credential test's error banner).
 */
import type { Locator, Page } from 'playwright-core';

import type { CredentialForm } from './cases';
import { OWNER } from './rest';

const visible = (locator: Locator) => locator.filter({ visible: true });

export async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
	await page.getByTestId('password').locator('input').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL(/\/home\//, { timeout: 30_000 });
}

/** What the credential modal says after a save (n8n tests the credential on every save). */
export interface CredentialTestResult {
	ok: boolean;
	text: string;
}

async function readCredentialTest(modal: Locator): Promise<CredentialTestResult> {
	const success = modal.getByTestId('credentials-config-container-test-success');
	const failure = modal.getByText('Couldn’t connect with these settings');
	await success.or(failure).first().waitFor({ state: 'visible', timeout: 20_000 });
	if (await success.isVisible()) return { ok: true, text: (await success.innerText()).replace(/\s*Retry\s*$/, '').trim() };
	// The reason ("More details") is shown under the banner's title.
	const more = modal.getByText('More details');
	if (await more.isVisible()) await more.click();
	const container = await modal.getByTestId('node-credentials-config-container').innerText();
	const title = 'Couldn’t connect with these settings';
	const after = container.slice(container.indexOf(title) + title.length).split('\n').map((line) => line.trim());
	// The reason is the first line under the title that is not one of the banner's buttons.
	const reason = after.slice(0, 4).find((line) => line !== '' && line !== 'Retry' && line !== 'More details');
	return { ok: false, text: reason ? `${title}: ${reason}` : title };
}

async function saveAndReadTest(page: Page, modal: Locator): Promise<CredentialTestResult> {
	const tested = page.waitForResponse((r) => r.url().includes('/rest/credentials/test'), { timeout: 30_000 });
	await modal.getByTestId('credential-save-button').click();
	await tested;
	// The banner is re-rendered once the answer is in.
	await page.waitForTimeout(300);
	return readCredentialTest(modal);
}

async function fillParameter(modal: Locator, name: string, value: string): Promise<void> {
	const input = modal.getByTestId(`parameter-input-${name}`).locator('input, textarea').first();
	await input.fill(value);
	// The modal takes a typed value after a short debounce; a save before that would send the old one.
	await modal.page().waitForTimeout(400);
}

async function chooseOption(page: Page, scope: Locator, name: string, label: string): Promise<void> {
	await scope.getByTestId(`parameter-input-${name}`).click();
	await visible(page.locator('.el-select-dropdown__item')).filter({ hasText: label }).first().click();
}

/**
 * Creates a credential from Credentials → Create credential, as a user does: the wrong key first, then
 * each limited key, then the good key, saving (and so testing) after each. Returns what the modal said.
 */
export async function createCredential(page: Page, baseUrl: string, form: CredentialForm): Promise<Record<string, CredentialTestResult>> {
	await page.goto(`${baseUrl}/home/credentials`);
	await visible(page.getByTestId('add-resource-credential')).first().click();
	await page.getByTestId('new-credential-type-select').click();
	await page.keyboard.type(form.typeName);
	await page.getByTestId('new-credential-type-select-option').filter({ hasText: form.typeName }).first().click();
	await page.getByTestId('new-credential-type-button').click();
	const modal = page.getByTestId('editCredential-modal');
	await modal.waitFor({ state: 'visible' });
	for (const [name, label] of form.selects ?? []) await chooseOption(page, modal, name, label);
	for (const [name, value] of form.fields) await fillParameter(modal, name, value);

	const results: Record<string, CredentialTestResult> = {};
	await fillParameter(modal, 'apiKey', form.wrongKey);
	results.wrongKey = await saveAndReadTest(page, modal);
	for (const limited of form.limitedKeys ?? []) {
		await fillParameter(modal, 'apiKey', limited.key);
		results[limited.label] = await saveAndReadTest(page, modal);
	}
	await fillParameter(modal, 'apiKey', form.goodKey);
	results.goodKey = await saveAndReadTest(page, modal);
	await modal.locator('.el-dialog__close').first().click();
	await modal.waitFor({ state: 'hidden' });
	return results;
}

/** Opens the nodes panel on the canvas, searches, and returns the names of the nodes it lists. */
export async function searchNodes(page: Page, query: string): Promise<string[]> {
	const creator = page.getByTestId('node-creator');
	if (!(await creator.isVisible())) await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(query);
	await page.waitForTimeout(600);
	const names = await creator.getByTestId('item-iterator-item').evaluateAll((items) =>
		items.map((item) => (item as HTMLElement).innerText.split('\n')[0].trim()),
	);
	return names;
}

export async function closeNodesPanel(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.getByTestId('node-creator').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

export function canvasNode(page: Page, name: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
}

export async function openNode(page: Page, name: string): Promise<Locator> {
	await canvasNode(page, name).dblclick();
	const ndv = page.getByTestId('ndv');
	await ndv.getByTestId('node-parameters').waitFor({ state: 'visible' });
	return ndv;
}

export async function closeNode(page: Page): Promise<void> {
	if (!(await page.getByTestId('ndv').isVisible())) return;
	await page.keyboard.press('Escape');
	if (await page.getByTestId('ndv-close-button').isVisible()) await page.getByTestId('ndv-close-button').click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

/** The entries a resource locator's "From List" mode or a multi-options parameter loads from the provider. */
export async function pickerEntries(page: Page, ndv: Locator, parameter: string, kind: 'locator' | 'multiOptions'): Promise<string[]> {
	const input = ndv.getByTestId(`parameter-input-${parameter}`);
	if (kind === 'locator') {
		await input.getByTestId('rlc-input').click();
		const items = page.getByTestId('rlc-item');
		await items.first().waitFor({ state: 'visible', timeout: 20_000 });
		return (await visible(items).allInnerTexts()).map((t) => t.trim());
	}
	const items = visible(page.locator('.el-select__popper[aria-hidden="false"] .el-select-dropdown__item'));
	// A click while the panel is still settling can open and close the dropdown at once: try again.
	for (let attempt = 1; ; attempt++) {
		await input.click();
		try {
			await items.first().waitFor({ state: 'visible', timeout: attempt < 3 ? 8_000 : 20_000 });
			break;
		} catch (error) {
			if (attempt >= 3) throw error;
			await page.keyboard.press('Escape');
		}
	}
	return (await items.locator('.option-headline').allInnerTexts()).map((t) => t.trim());
}

export async function pick(page: Page, ndv: Locator, parameter: string, kind: 'locator' | 'multiOptions', label: string): Promise<void> {
	if (kind === 'locator') {
		await visible(page.getByTestId('rlc-item')).filter({ hasText: label }).first().click();
		return;
	}
	await visible(page.locator('.el-select__popper[aria-hidden="false"] .el-select-dropdown__item')).filter({ hasText: label }).first().click();
	// A multi-select stays open after a choice.
	await ndv.getByTestId('node-parameters').locator('.n8n-input-label, [data-test-id="input-label"]').first().click();
}

/** The labels Map Columns lists for the provider's fields. */
export async function mapperLabels(ndv: Locator): Promise<string[]> {
	const container = ndv.getByTestId('mapping-fields-container');
	await container.waitFor({ state: 'visible', timeout: 20_000 });
	const labels = await container.getByTestId('input-label').allInnerTexts().catch(() => [] as string[]);
	if (labels.length > 0) return labels.map((l) => l.split('\n')[0].trim());
	return (await container.innerText()).split('\n').map((l) => l.trim());
}

/** Clicks Execute workflow and waits until every given node shows a finished run on the canvas. */
export async function executeWorkflow(page: Page, nodes: string[], timeoutMs = 90_000): Promise<void> {
	await page.getByTestId('execute-workflow-button').click();
	for (const name of nodes) {
		await canvasNode(page, name)
			.locator('[data-test-id="canvas-node-status-success"], [data-test-id="canvas-node-status-error"]')
			.first()
			.waitFor({ state: 'visible', timeout: timeoutMs });
	}
}

/** The output panel's table: one record per row, keyed by column header. */
export async function outputRows(ndv: Locator): Promise<Array<Record<string, string>>> {
	const output = ndv.getByTestId('output-panel');
	const table = output.getByTestId('ndv-data-container').locator('table').first();
	await output.getByTestId('radio-button-table').click().catch(() => undefined);
	await table.waitFor({ state: 'visible', timeout: 20_000 });
	return table.evaluate((element) => {
		const headers = Array.from(element.querySelectorAll('thead th')).map((th) => (th as HTMLElement).innerText.trim());
		return Array.from(element.querySelectorAll('tbody tr')).map((tr) => {
			const cells = Array.from(tr.querySelectorAll('td')).map((td) => (td as HTMLElement).innerText.trim());
			return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
		});
	});
}

/**
 * What a picker or the column mapper shows when it cannot load (e.g. a rejected key): the parameter's
 * own text plus any open dropdown, squeezed to one line.
 */
export async function shownWhenLoading(page: Page, ndv: Locator, parameter: string, kind: 'locator' | 'multiOptions' | 'mapper'): Promise<string> {
	const texts: string[] = [];
	if (kind === 'mapper') {
		await page.waitForTimeout(3000);
		texts.push(await ndv.getByTestId('resource-mapper-container').innerText().catch(() => ''));
	} else {
		const input = ndv.getByTestId(`parameter-input-${parameter}`);
		await page.waitForTimeout(3000);
		// A multi-options parameter that failed to load becomes a disabled field saying so, with an issues
		// icon whose tooltip has the reason.
		const field = input.getByTestId('parameter-input-field');
		if (kind === 'multiOptions' && (await field.count()) > 0) texts.push(await field.first().inputValue());
		const issues = ndv.getByTestId('parameter-input').filter({ has: input }).getByTestId('parameter-issues').first();
		if (await issues.isVisible()) {
			await issues.locator('span').first().hover();
			await page.waitForTimeout(800);
			texts.push(...(await page.locator('[role="tooltip"]').filter({ visible: true }).allInnerTexts()));
		}
		if (kind === 'locator') {
			await input.getByTestId('rlc-input').click();
			await page.waitForTimeout(3000);
			texts.push(...(await page.getByTestId('rlc-error-container').filter({ visible: true }).allInnerTexts()));
		}
		if (process.env.UI_DEBUG) await page.screenshot({ path: `/tmp/ui-debug-${parameter}.png` });
		// Closes an open dropdown without Escape, which would close the whole panel.
		await ndv.getByTestId('node-parameters').getByTestId('input-label').first().click();
	}
	return texts.join(' ').replace(/\s+/g, ' ').trim().slice(0, 240);
}
