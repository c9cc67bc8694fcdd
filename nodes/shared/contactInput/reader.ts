import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { PreparedItem } from '../types';

import { autoMapReader, type AutoMapField } from './autoMap';
import { mappingReader } from './mapping';
import { COLUMNS, CUSTOM_FIELDS, EMAIL, FIELDS_INPUT } from './properties';

/** Set Fields, Map Columns with values defined below, or Map Columns mapping the item JSON as it is. */
export type ContactInputMode = 'fields' | 'defineBelow' | 'autoMapInputData';

/** One item's contact as the user gave it, before the provider's rules turn it into a contact. */
export interface ContactInput {
	mode: ContactInputMode;
	/** The Email parameter (Set Fields), the mapped email (Map Columns) or the item's `email` (auto-map). */
	email: unknown;
	/** The provider's fields collection (Set Fields), the mapped values (Map Columns) or the item JSON (auto-map). */
	values: Record<string, unknown>;
	/** Set Fields only: the custom-field rows ({ name, value, type? }). */
	customRows: IDataObject[];
}

/** How a provider reads its contact input: where Set Fields keeps its fields, and the step to its contact. */
export interface ContactInputReading<C> {
	fieldsCollection: string;
	customFields: boolean;
	/** Auto-map: the provider's fields the item's keys are matched to (see autoMap.ts). */
	autoMapFields: readonly AutoMapField[];
	toContact(input: ContactInput): PreparedItem<C>;
}

export type ContactItemReader<C> = (item: INodeExecutionData, itemIndex: number) => PreparedItem<C>;

export function asRecord(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function contactInputMode(ctx: IExecuteFunctions): ContactInputMode {
	if (ctx.getNodeParameter(FIELDS_INPUT, 0, 'columns') === 'fields') return 'fields';
	return ctx.getNodeParameter(`${COLUMNS}.mappingMode`, 0, 'defineBelow') === 'autoMapInputData' ? 'autoMapInputData' : 'defineBelow';
}

/** The field list the editor saved with the mapping ({ id, type, … } per field), when it saved one. */
export function savedMapperSchema(ctx: IExecuteFunctions): Array<Record<string, unknown>> | undefined {
	const schema = ctx.getNodeParameter(`${COLUMNS}.schema`, 0, []);
	return Array.isArray(schema) && schema.length > 0 ? schema.map(asRecord) : undefined;
}

function customRows(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const rows = asRecord(ctx.getNodeParameter(CUSTOM_FIELDS, itemIndex, {})).customField;
	return Array.isArray(rows) ? (rows as IDataObject[]) : [];
}

/**
 * Builds the per-item reader once per run. Item-independent parameters are read here; in auto-map
 * mode the fields come straight from the item JSON (matched to the provider's fields), with no
 * parameter resolution per item.
 */
export function contactInputReader<C>(ctx: IExecuteFunctions, reading: ContactInputReading<C>): ContactItemReader<C> {
	const mode = contactInputMode(ctx);
	if (mode === 'fields') {
		return (_item, i) =>
			reading.toContact({
				mode,
				email: ctx.getNodeParameter(EMAIL, i, ''),
				values: ctx.getNodeParameter(reading.fieldsCollection, i, {}) as IDataObject,
				customRows: reading.customFields ? customRows(ctx, i) : [],
			});
	}
	if (mode === 'autoMapInputData') {
		return autoMapReader(reading);
	}
	const mapped = mappingReader(ctx, COLUMNS);
	return (item, i) => {
		const read = mapped(item, i);
		const { values } = read;
		if ('problem' in read) {
			return { ok: false, email: typeof values.email === 'string' ? values.email.trim().toLowerCase() : undefined, field: read.field, message: read.problem };
		}
		return reading.toContact({ mode, email: values.email, values, customRows: [] });
	};
}
