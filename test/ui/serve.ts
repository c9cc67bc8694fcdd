/**
 * For writing and debugging the browser test: starts the stack of the test and keeps it up, printing
 * n8n's URL and the emulators' base URLs as one JSON line; `UI_N8N_URL=… UI_EMULATORS='…'` then lets
 * `test/ui/run.ts` drive that n8n instead of starting its own. Ctrl-C stops everything.
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
