import { apiRoot, apiRootExpression, unencryptedRefusal } from '../../nodes/shared/baseUrl';
import { resolveCredentialValue } from '../harness/expressions';

describe('Base URL reading (nodes/shared/baseUrl.ts)', () => {
	it.each([
		['https://api.autosend.com', 'https://api.autosend.com'],
		['https://api.autosend.com/', 'https://api.autosend.com'],
		['https://api.autosend.com/v1', 'https://api.autosend.com'],
		['https://api.autosend.com/v1/', 'https://api.autosend.com'],
		['https://api.autosend.com/V1', 'https://api.autosend.com'],
		['https://api.autosend.com//v1//', 'https://api.autosend.com'],
		['https://api.autosend.com/v1/v1', 'https://api.autosend.com'],
		['  https://api.autosend.com/v1  ', 'https://api.autosend.com'],
		['https://proxy.example.com/autosend/v1', 'https://proxy.example.com/autosend'],
		['https://proxy.example.com/v10', 'https://proxy.example.com/v10'],
	])('apiRoot(%j, "v1") is %j, and the credential-test expression says the same', (typed, root) => {
		expect(apiRoot(typed, 'v1')).toBe(root);
		expect(resolveCredentialValue(apiRootExpression('$credentials.baseUrl', 'v1'), { baseUrl: typed })).toBe(root);
		expect(resolveCredentialValue(apiRootExpression('$credentials.baseUrl', 'v1', '/v1'), { baseUrl: typed })).toBe(`${root}/v1`);
	});

	it('reads a missing Base URL as empty', () => {
		expect(apiRoot(undefined, 'api')).toBe('');
		expect(resolveCredentialValue(apiRootExpression('$credentials.baseUrl', 'api'), {})).toBe('');
	});

	it.each([
		'http://localhost:8080',
		'http://LOCALHOST',
		'http://127.0.0.1:5678/v1',
		'http://127.12.0.9',
		'http://[::1]:3000',
		'https://api.sendgrid.com',
		'https://10.0.0.5',
		'not a url',
	])('lets %s through without the option', (url) => {
		expect(unencryptedRefusal(url, false)).toBeUndefined();
	});

	it.each(['http://10.0.0.5', 'http://notifuse.example.com', 'HTTP://api.autosend.com/v1', 'http://128.0.0.1', 'http://127.0.0.1.example.com', 'http://[::2]'])(
		'refuses %s unless Allow Unencrypted HTTP is ticked',
		(url) => {
			expect(unencryptedRefusal(url, false)).toMatch(/Base URL \(http:\/\/.*\) uses http:\/\/.*"Allow Unencrypted HTTP"/);
			expect(unencryptedRefusal(url, undefined)).toBeDefined();
			expect(unencryptedRefusal(url, true)).toBeUndefined();
		},
	);
});
