import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { resolveCredentialObject } from './expressions';

/**
 * Serves credentials from memory and applies a credential type's generic (declarative)
 * authentication the way n8n's server-side helper does, so requests carry real auth headers.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private data: Record<string, ICredentialDataDecryptedObject> = {};

	constructor(
		private readonly types: Map<string, ICredentialType>,
		/** Redirects requests of nodes that hard-code a provider host (n8n's built-in nodes) to an emulator. */
		private readonly rewriteUrl?: (url: string) => string,
	) {
		super();
	}

	private redirect(options: IHttpRequestOptions): IHttpRequestOptions {
		if (!this.rewriteUrl) return options;
		const legacy = options as IHttpRequestOptions & { uri?: string };
		if (typeof legacy.uri === 'string') legacy.uri = this.rewriteUrl(legacy.uri);
		if (typeof options.url === 'string') options.url = this.rewriteUrl(options.url);
		if (typeof options.baseURL === 'string') options.baseURL = this.rewriteUrl(options.baseURL);
		return options;
	}

	setCredentials(data: Record<string, ICredentialDataDecryptedObject>): void {
		this.data = data;
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const type = this.types.get(typeName);
		if (!type) throw new Error(`Harness: unknown credential type ${typeName}`);
		// n8n's CredentialsHelper.authenticate (packages/cli credentials-helper.ts) calls the function form as a
		// method of the credential type and sends what it returns; its errors end the request before it is sent.
		if (typeof type.authenticate === 'function') return this.redirect(await type.authenticate(credentials, requestOptions));
		const auth = type.authenticate;
		if (!auth || auth.type !== 'generic') return this.redirect(requestOptions);
		const { headers, qs, body } = auth.properties;
		return this.redirect({
			...requestOptions,
			headers: { ...requestOptions.headers, ...resolveCredentialObject(headers, credentials) } as IDataObject,
			qs: qs ? { ...requestOptions.qs, ...resolveCredentialObject(qs, credentials) } as IDataObject : requestOptions.qs,
			body:
				body && typeof requestOptions.body === 'object'
					? { ...(requestOptions.body as object), ...resolveCredentialObject(body, credentials) }
					: requestOptions.body,
		});
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		_node: INode,
		_expired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(details: INodeCredentialsDetails): Promise<Credentials> {
		return new Credentials({ id: details.id, name: details.name }, '', '');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const found = this.data[type];
		if (!found) throw new Error(`Harness: no test credentials given for "${type}"`);
		return found;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.get(type)?.properties ?? [];
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
