import { parseRunOutput } from '../e2e/n8nCli';

describe('parseRunOutput (e2e: the run JSON in n8n execute --rawOutput)', () => {
	const run = { data: { resultData: { runData: {} } }, status: 'success' };
	const pretty = JSON.stringify(run, null, 2);

	it('reads the JSON between log lines before and after it', () => {
		expect(parseRunOutput(`Loading…\nStarting execution\n${pretty}\nPruning finished\n`)).toEqual(run);
	});

	it('reads the JSON when nothing follows it', () => {
		expect(parseRunOutput(pretty)).toEqual(run);
	});

	it('gives up on output cut off inside the JSON', () => {
		expect(parseRunOutput(`log\n${pretty.slice(0, -20)}`)).toBeUndefined();
	});
});
