import { outputShape, resultJson, type ItemResult } from '../../nodes/shared/results';

describe('output items: one set of keys per run (issue 25.6)', () => {
	const results: ItemResult[] = [
		{ status: 'created', email: 'a@x.co', id: '1', request: 1, details: { jobId: 'j1' }, ignoredFields: [] },
		{ status: 'invalid', email: 'bad', errorField: 'email', errorCode: 'INVALID_INPUT', errorMessage: 'email is invalid', ignoredFields: ['crmId'] },
		{ status: 'failed', email: 'c@x.co', request: 1, errorCode: 'JOB_ERROR', errorMessage: 'rejected', details: { jobId: 'j1', fromEarlierTry: true } },
		{ status: 'created', email: 'a@x.co', id: '1', request: 1, mergedWithItems: [0], details: { jobId: 'j1' } },
	];

	it('gives every item the fixed keys, every provider extra and ignoredFields, null (or []) where empty', () => {
		const shape = outputShape(results);
		const out = results.map((result) => resultJson(result, undefined, shape));
		const keys = out.map((json) => Object.keys(json));
		for (const set of keys) expect(set).toEqual(keys[0]);
		expect(keys[0]).toEqual(['status', 'email', 'id', 'jobId', 'fromEarlierTry', 'request', 'errorMessage', 'errorCode', 'errorField', 'mergedWithItems', 'ignoredFields']);
		expect(out[1]).toMatchObject({ id: null, jobId: null, fromEarlierTry: null, request: null, mergedWithItems: null, ignoredFields: ['crmId'] });
		expect(out[2].ignoredFields).toEqual([]);
	});

	it('leaves ignoredFields out of runs that do not report it (Map Columns, Set Fields)', () => {
		const shape = outputShape([{ status: 'created', email: 'a@x.co' }]);
		expect(resultJson({ status: 'created', email: 'a@x.co' }, undefined, shape)).not.toHaveProperty('ignoredFields');
	});
});
