import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * One reading of a credential's Base URL for node runs, editor methods and the credential test.
 * Users paste what their provider's docs show: a trailing slash, the API's version segment
 * (`…/v1`, `…/api`, `…/v3`), surrounding spaces. Each of those must reach the same endpoints as the
 * clean address, never `…/v1/v1/…`.
 */

/** The display name of the credential option that lets a non-loopback `http://` Base URL through. */
export const ALLOW_HTTP_OPTION = 'Allow Unencrypted HTTP';

/** Trailing slashes and any number of trailing `/<segment>` (case-insensitive), e.g. `/v1/`, `//v1`, `/v1/v1`. */
function suffixPattern(segment: string): RegExp {
	const escaped = segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?:/+${escaped})*/*$`, 'i');
}

/**
 * The address the API's paths hang from, without trailing slashes and without a pasted `segment`
 * (the part every request path already starts with, or that the caller appends once).
 */
export function apiRoot(raw: unknown, segment: string): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	return text.replace(suffixPattern(segment), '');
}

/**
 * The same rule as an n8n expression, for `test.request.baseURL` (a credential test resolves only
 * expressions, it cannot call this module). `source` is an expression over `$credentials`.
 */
export function apiRootExpression(source: string, segment: string, append = ''): string {
	const pattern = suffixPattern(segment);
	const tail = append === '' ? '' : ` + ${JSON.stringify(append)}`;
	return `={{(${source} || "").trim().replace(/${pattern.source}/${pattern.flags}, "")${tail}}}`;
}

/** Loopback hosts: the local emulators and proxies run there, and their traffic never leaves the machine. */
function isLoopback(hostname: string): boolean {
	const host = hostname.toLowerCase();
	return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Why `url` may not be used, or undefined when it may: `http://` to a host other than this machine
 * sends the API key in clear text unless the user ticked the credential's option for it.
 */
export function unencryptedRefusal(url: string, allowHttp: unknown, field = 'Base URL'): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	if (parsed.protocol !== 'http:' || allowHttp === true || isLoopback(parsed.hostname)) return undefined;
	return (
		`The credential's ${field} (${parsed.origin}) uses http:// to a host that is not this machine, so the API key would ` +
		`travel unencrypted. Use an https:// address, or tick "${ALLOW_HTTP_OPTION}" in the credential if the network to that host is trusted.`
	);
}

/** `url` when it may carry the key; otherwise stops the node, before any request, with the refusal. */
export function usableBaseUrl(ctx: { getNode(): INode }, url: string, allowHttp: unknown): string {
	const refusal = unencryptedRefusal(url, allowHttp);
	if (refusal) throw new NodeOperationError(ctx.getNode(), refusal, { level: 'warning' });
	return url;
}
