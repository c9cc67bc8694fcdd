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
export function resultJson(result: ItemResult, input: IDataObject | undefined): IDataObject {
	const json: IDataObject = input ? { ...input } : {};
	json.status = result.status;
	if (result.email !== undefined) json.email = result.email;
	if (result.id !== undefined) json.id = result.id;
	if (result.details) Object.assign(json, result.details);
	if (result.request !== undefined) json.request = result.request;
	if (result.errorMessage !== undefined) json.errorMessage = result.errorMessage;
	if (result.errorCode !== undefined) json.errorCode = result.errorCode;
	if (result.errorField !== undefined) json.errorField = result.errorField;
	if (result.mergedWithItems?.length) json.mergedWithItems = result.mergedWithItems;
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
	const output: INodeExecutionData[] = new Array(results.length);
	for (let i = 0; i < results.length; i++) {
		const result = results[i];
		const input = includeInputFields ? (items[i]?.json as IDataObject | undefined) : undefined;
		const item: INodeExecutionData = { json: resultJson(result, input), pairedItem: { item: i } };
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
