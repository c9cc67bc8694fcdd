/**
 * For writing and debugging the browser test: starts the test's stack (seeded emulators, packed package,
 * n8n) and keeps it up, printing n8n's URL and the emulators' base URLs as one JSON line, so steps can be
 * tried by hand or with a script against it. Ctrl-C stops everything.
 *   E2E_N8N_BIN=<runtime>/node_modules/.bin/n8n node scripts/run-ts.js test/ui/serve.ts
 */
import { startStack } from './stack';

async function main() {
	const bin = process.env.E2E_N8N_BIN;
	if (!bin) throw new Error('E2E_N8N_BIN is not set');
	const stack = await startStack(bin);
	const emulators = Object.fromEntries(Object.entries(stack.emulators).map(([name, e]) => [name, e.baseUrl]));
	console.log(JSON.stringify({ n8n: stack.n8n.url, emulators, userFolder: stack.userFolder }));
	const stop = () => void stack.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
