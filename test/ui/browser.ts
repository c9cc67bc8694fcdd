import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, selectors, type BrowserContext } from 'playwright-core';

/** Debian's chromium (scripts/ui/chromium.sh installs it); Playwright never downloads a browser here. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Flags that keep one headless Chromium small and quiet on a shared 2-core machine with no outside
 * network. The fresh --user-data-dir is given by launchPersistentContext (Playwright refuses it in args).
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface LaunchedBrowser {
	context: BrowserContext;
	close(): Promise<void>;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
	// n8n's editor marks its elements with data-test-id, not Playwright's default data-testid.
	selectors.setTestIdAttribute('data-test-id');
	const userDataDir = mkdtempSync(join(tmpdir(), 'contact-sync-ui-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 1440, height: 900 },
		colorScheme: 'light',
	});
	return {
		context,
		async close() {
			await context.close();
			rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}
