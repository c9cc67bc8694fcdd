import type { INodeProperties } from 'n8n-workflow';

/** Lets one credential write to several workspaces: the node's value wins over the credential's. */
export const workspaceIdProperty: INodeProperties = {
	displayName: 'Workspace ID',
	name: 'workspaceId',
	type: 'string',
	default: '',
	placeholder: 'Leave empty to use the credential workspace',
	description: "The workspace to write to. Empty uses the credential's default workspace.",
};
