import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiRootExpression } from '../nodes/shared/baseUrl';
import { allowHttpProperty, bearerAuthentication } from '../nodes/shared/credentialAuth';
import { REDIRECT_RULES } from '../nodes/shared/credentialTest';

export class NotifuseApi implements ICredentialType {
	name = 'notifuseApi';

	displayName = 'Notifuse API';

	icon: Icon = { light: 'file:../nodes/Notifuse/notifuse.svg', dark: 'file:../nodes/Notifuse/notifuse.dark.svg' };

	documentationUrl = 'https://docs.notifuse.com/api-reference/introduction';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://notifuse.example.com',
			required: true,
			description:
				'The address of your Notifuse instance (self-hosted domain or your cloud URL). A trailing /api or slash is ignored.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An API key created in Notifuse → Settings → API Keys',
		},
		{
			displayName: 'Workspace ID',
			name: 'workspaceId',
			type: 'string',
			default: '',
			required: true,
			description: 'The workspace the nodes use unless a node overrides it',
		},
		allowHttpProperty,
	];

	/** A function rather than a generic block so it can refuse unencrypted requests, the credential test's included. */
	authenticate = bearerAuthentication();

	/**
	 * n8n runs this request through its request helper, which follows redirects and re-sends the
	 * Authorization header across origins by default; the test never follows one, and a redirect fails
	 * it with the rules' message instead of testing (and handing the key to) another address.
	 */
	test: ICredentialTestRequest = {
		request: {
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			baseURL: apiRootExpression('$credentials.baseUrl', 'api'),
			url: '/api/workspaces.get',
			qs: { id: '={{$credentials.workspaceId}}' },
		},
		rules: REDIRECT_RULES,
	};
}
