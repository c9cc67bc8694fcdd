import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import type { DeliveredOutcome } from './dispatch';
import type { InvalidItem } from './planning';
import { FAILURE_STATUSES } from './types';

/** One input item's result, before it becomes an n8n item. */
export interface ItemResult extends DeliveredOutcome {
	email?: string;
	/** Other input items merged with this one because they share its email/identifier. */
	mergedWithItems?: number[];
	/** Auto-map only: the item's input keys that were not sent (no such field, read-only, or a duplicate key). */
	ignoredFields?: string[];
}

/**
 * The result keys every output item carries, null where an item has no value, so n8n's table shows
 * no column of `undefined` cells: the fixed ones, then provider extras and ignoredFields when any
 * item of the run has them.
 */
export interface OutputShape {
	detailKeys: string[];
	ignoredFields: boolean;
}

const FIXED_KEYS = ['status', 'email', 'id', 'request', 'errorMessage', 'errorCode', 'errorField', 'mergedWithItems'] as const;

export function outputShape(results: readonly ItemResult[]): OutputShape {
	const detailKeys = new Set<string>();
	let ignoredFields = false;
	for (const result of results) {
		if (result.details) for (const key in result.details) detailKeys.add(key);
		if (result.ignoredFields) ignoredFields = true;
	}
	for (const key of FIXED_KEYS) detailKeys.delete(key);
	detailKeys.delete('ignoredFields');
	detailKeys.delete('error');
	return { detailKeys: [...detailKeys], ignoredFields };
}

export type ErrorMode = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export function errorMode(ctx: IExecuteFunctions): ErrorMode {
	const configured = ctx.getNode().onError;
	if (configured === 'continueErrorOutput' || configured === 'continueRegularOutput') return configured;
	return ctx.continueOnFail() ? 'continueRegularOutput' : 'stopWorkflow';
}

export function isFailure(result: ItemResult): boolean {
	return FAILURE_STATUSES.has(result.status);
}

/** The output JSON of one item. Never has a top-level `error` key: n8n's Retry On Fail treats that as a node failure. */
export function resultJson(result: ItemResult, input: IDataObject | undefined, shape: OutputShape = outputShape([result])): IDataObject {
	const json: IDataObject = input ? { ...input } : {};
	json.status = result.status;
	json.email = result.email ?? null;
	json.id = result.id ?? null;
	for (const key of shape.detailKeys) json[key] = result.details?.[key] ?? null;
	json.request = result.request ?? null;
	json.errorMessage = result.errorMessage ?? null;
	json.errorCode = result.errorCode ?? null;
	json.errorField = result.errorField ?? null;
	json.mergedWithItems = result.mergedWithItems?.length ? result.mergedWithItems : null;
	if (shape.ignoredFields) json.ignoredFields = result.ignoredFields ?? [];
	delete json.error;
	return json;
}

const HOW_TO_GET_ITEMS =
	'To get one result per item instead of this error, open the node Settings and set On Error to "Continue (using error output)": failed contacts then go to the error output and the rest continue.';

function describeItem(index: number, result: ItemResult): string {
	return `item ${index}${result.email ? ` (${result.email})` : ''}`;
}

/** The node error for runs where some items failed and the user did not ask for per-item routing. */
export function summaryError(ctx: IExecuteFunctions, results: ItemResult[]): NodeOperationError {
	let first = -1;
	const counts: Record<string, number> = {};
	for (let i = 0; i < results.length; i++) {
		counts[results[i].status] = (counts[results[i].status] ?? 0) + 1;
		if (first < 0 && isFailure(results[i])) first = i;
	}
	const failed = results.filter(isFailure).length;
	const firstResult = results[first];
	const reason = firstResult.errorMessage ?? 'failed';
	const message = `${failed} of ${results.length} contacts failed. First: ${describeItem(first, firstResult)}: ${reason}`;
	const breakdown = Object.entries(counts)
		.map(([status, count]) => `${status}: ${count}`)
		.join(', ');
	return new NodeOperationError(ctx.getNode(), message, {
		itemIndex: first,
		description: `${breakdown}. ${HOW_TO_GET_ITEMS}`,
	});
}

/** The node error for bad input when the node stops on errors: raised before anything is sent. */
export function invalidInputError(
	ctx: IExecuteFunctions,
	invalid: InvalidItem[],
	total: number,
): NodeOperationError {
	const first = invalid[0];
	const where = `item ${first.itemIndex}${first.email ? ` (${first.email})` : ''}`;
	return new NodeOperationError(
		ctx.getNode(),
		`${invalid.length} of ${total} items are invalid, so nothing was sent. First: ${where}: ${first.field} ${first.message}`,
		{ itemIndex: first.itemIndex, description: `Fix the input or map the field "${first.field}" differently. ${HOW_TO_GET_ITEMS}` },
	);
}

/**
 * n8n replaces an error-output item's JSON with `{ error: message }`, so the message alone must say
 * which item and contact failed, and why.
 */
export function errorOutputMessage(result: ItemResult, index: number): string {
	const who = result.email ? `Item ${index} (${result.email})` : `Item ${index}`;
	return `${who}: ${result.errorMessage ?? `contact ${result.status}`}`;
}

/**
 * One output item per input item, in input order and paired to it. Failed items carry `error`
 * so that "Continue (using error output)" routes them; in the other modes they stay plain.
 */
export function buildOutputItems(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	results: ItemResult[],
	mode: ErrorMode,
	includeInputFields: boolean,
): INodeExecutionData[] {
	const node = ctx.getNode();
	const shape = outputShape(results);
	const output: INodeExecutionData[] = new Array(results.length);
	for (let i = 0; i < results.length; i++) {
		const result = results[i];
		const input = includeInputFields ? (items[i]?.json as IDataObject | undefined) : undefined;
		const item: INodeExecutionData = { json: resultJson(result, input, shape), pairedItem: { item: i } };
		if (mode === 'continueErrorOutput' && isFailure(result)) {
			item.error = new NodeOperationError(node, errorOutputMessage(result, i), {
				itemIndex: i,
				description: result.errorField ? `Field: ${result.errorField}` : undefined,
			});
		}
		output[i] = item;
	}
	return output;
}
