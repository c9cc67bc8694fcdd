import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

const PLAIN_JSON_FIELD = /^=\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*['"]([^'"]+)['"]\s*\])\s*\}\}$/;

/** The key `$json.key` / `$json["key"]` names, when the parameter is exactly that expression. */
export function plainJsonField(raw: unknown): string | undefined {
	if (typeof raw !== 'string') return undefined;
	const match = PLAIN_JSON_FIELD.exec(raw.trim());
	return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * Reads a per-item parameter. The common `{{ $json.email }}` is read straight from the item: n8n's
 * expression engine costs tens of µs per item, more than everything else the node does per contact.
 * Any other value or expression goes through n8n as usual.
 */
export function itemParameterReader(ctx: IExecuteFunctions, name: string): (item: INodeExecutionData, itemIndex: number) => unknown {
	const field = plainJsonField(ctx.getNodeParameter(name, 0, '', { rawExpressions: true }));
	if (field === undefined) return (_item, i) => ctx.getNodeParameter(name, i, '');
	return (item) => {
		const json = item.json as Record<string, unknown> | undefined;
		return json !== null && typeof json === 'object' && Object.prototype.hasOwnProperty.call(json, field) ? json[field] : undefined;
	};
}
