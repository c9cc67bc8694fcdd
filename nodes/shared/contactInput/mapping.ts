import { validateFieldType, type FieldType, type IExecuteFunctions, type INodeExecutionData, type INodePropertyOptions } from 'n8n-workflow';

import { readDate } from '../dates';
import { isUnsafeKey } from '../fieldValues';

/** One item's mapped values, or the first column whose expression n8n could not evaluate. */
export type MappedValues = { values: Record<string, unknown> } | { field: string; problem: string; values: Record<string, unknown> };

export type MappingReader = (item: INodeExecutionData, itemIndex: number) => MappedValues;

// `={{ $json.a }}`, `={{ $json.a.b }}`, `={{ $json["a b"] }}`, `={{ $json['a'][0] }}`: the expression is
// exactly one item path. Quoted keys without quotes or backslashes inside, so no unescaping is needed.
const WHOLE = /^=\{\{\s*\$json((?:\s*(?:\.\s*[A-Za-z_$][\w$]*|\[\s*(?:"[^"\\]*"|'[^'\\]*'|\d+)\s*\]))+)\s*\}\}$/;
const SEGMENT = /\.\s*([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)'|(\d+))\s*\]/g;

/** The keys of an item path expression, or undefined when the text is any other expression or value. */
export function itemPath(raw: unknown): string[] | undefined {
	if (typeof raw !== 'string') return undefined;
	// Untrimmed: text around the braces makes n8n's result a string.
	const whole = WHOLE.exec(raw);
	if (!whole) return undefined;
	const keys: string[] = [];
	for (const m of whole[1].matchAll(SEGMENT)) keys.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
	// n8n's expression sandbox has its own rules for these; let it decide.
	return keys.some(isUnsafeKey) ? undefined : keys;
}

const VIA_N8N = Symbol('via n8n');

/**
 * A plain object or an array. Compared by shape, not by `Object.prototype`: n8n loads the node in its
 * own context, so item objects carry another realm's prototypes.
 */
function isContainer(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	if (Array.isArray(value)) return true;
	const proto = Object.getPrototypeOf(value) as object | null;
	return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * The value at `keys` in the item JSON as n8n's `$json…` gives it; a missing last key is undefined.
 * Anything else (a key through a primitive, a missing parent, an inherited property) is left to n8n,
 * which knows its own answer (an error, `"abc".length`).
 */
function atPath(json: unknown, keys: string[]): unknown {
	let value = json;
	for (let k = 0; k < keys.length; k++) {
		if (!isContainer(value)) return VIA_N8N;
		const key = keys[k];
		if (Object.prototype.hasOwnProperty.call(value, key)) value = value[key];
		else if (key in value || k < keys.length - 1) return VIA_N8N;
		else return undefined;
	}
	return value;
}

type ColumnRead = (item: INodeExecutionData, itemIndex: number) => unknown;

function columnReader(ctx: IExecuteFunctions, raw: unknown): ColumnRead {
	if (typeof raw !== 'string' || !raw.startsWith('=')) return () => raw;
	const expression = raw.slice(1);
	const evaluate: ColumnRead = (_item, i) => ctx.evaluateExpression(expression, i);
	const keys = itemPath(raw);
	if (!keys) return evaluate;
	return (item, i) => {
		const value = atPath(item.json, keys);
		return value === VIA_N8N ? evaluate(item, i) : value;
	};
}

interface SchemaEntry {
	type?: FieldType;
	options?: INodePropertyOptions[];
}

const isBlankText = (value: unknown) => typeof value === 'string' && value.trim() === '';

/**
 * n8n's own conversion for the column's declared type (validateFieldType, with the options n8n-core
 * uses for a mapper that shows no type-conversion options), except that it never fails: a value n8n
 * cannot convert is handed on as it is, for the provider's field check to name. Two deliberate
 * differences: an empty text stays empty (n8n turns "" into 0 in a number column), and an ISO date
 * text in a dateTime column stays text (the providers read the same calendar parts from it as from
 * the DateTime n8n would make, without a luxon parse per cell).
 */
function convert(key: string, value: unknown, entry: SchemaEntry | undefined): unknown {
	if (!entry?.type) return value;
	// n8n-core writes its result back even for null: the key is then undefined.
	if (value === null || value === undefined) return undefined;
	if (entry.type === 'string' || isBlankText(value)) return value;
	if (entry.type === 'dateTime' && typeof value === 'string' && 'value' in readDate(value)) return value;
	try {
		const result = validateFieldType(key, value, entry.type, { valueOptions: entry.options });
		return result.valid ? result.newValue : value;
	} catch {
		return value;
	}
}

function errorText(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const description = (error as { description?: unknown }).description;
	return typeof description === 'string' && description !== '' && description !== message ? `${message} (${description})` : message;
}

/**
 * Map Columns with values defined below, read once per run from the raw parameter rather than per
 * item through getNodeParameter('columns.value', i): that call runs n8n's type check, which throws
 * for one unconvertible cell and so fails every item, and it costs tens of µs per column. Plain item
 * paths are read from the item, constants kept, and only other expressions evaluated by n8n per item.
 */
export function mappingReader(ctx: IExecuteFunctions, columnsParameter: string): MappingReader {
	const columns = ctx.getNodeParameter(columnsParameter, 0, {}, { rawExpressions: true }) as { value?: unknown; schema?: unknown };
	const value = typeof columns.value === 'object' && columns.value !== null && !Array.isArray(columns.value) ? (columns.value as Record<string, unknown>) : {};
	const schema = new Map<string, SchemaEntry>();
	for (const entry of Array.isArray(columns.schema) ? (columns.schema as Array<Record<string, unknown>>) : []) {
		if (typeof entry?.id === 'string' && !schema.has(entry.id)) schema.set(entry.id, entry as SchemaEntry);
	}
	const reads = Object.entries(value).map(([key, raw]) => ({ key, entry: schema.get(key), read: columnReader(ctx, raw) }));
	return (item, i) => {
		const values: Record<string, unknown> = {};
		let failed: { field: string; problem: string } | undefined;
		for (const { key, entry, read } of reads) {
			try {
				values[key] = convert(key, read(item, i), entry);
			} catch (error) {
				failed ??= { field: key, problem: `could not be evaluated: ${errorText(error)}` };
			}
		}
		return failed ? { ...failed, values } : { values };
	};
}
