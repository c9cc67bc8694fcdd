import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Harness } from '../test/harness';

import { generateContacts } from './contacts';
import type { EmulatorUrls, Workload } from './workloads';

interface MapperField {
	id: string;
	type?: string;
	[key: string]: unknown;
}

/**
 * Map Columns as the editor saves it: the schema is what the node's own resourceMapper method
 * answers for this account (so types such as dateTime are the editor's), every input column the
 * mapper offers is mapped, `={{ $json.x }}` per field, or with `.trim()` on text fields beside plain
 * ones (`expressions`), which n8n must evaluate as a real expression.
 */
export async function mapColumnsParameters(harness: Harness, workload: Workload, urls: EmulatorUrls): Promise<INodeParameters> {
	const spec = workload.mapColumns;
	if (!spec) return workload.parameters;
	const answer = await harness.callMethod<{ fields: MapperField[] }>({
		nodeType: workload.nodeType,
		kind: 'resourceMapping',
		method: spec.method,
		parameters: workload.parameters,
		credentials: workload.credentials(urls) as never,
	});
	const sample: IDataObject = workload.toItem(generateContacts(1, 1).rows[0]);
	const fields = answer.fields.filter((field) => field.id in sample);
	const value: Record<string, string> = {};
	for (const field of fields) {
		const text = typeof sample[field.id] === 'string' && field.id !== 'email';
		value[field.id] = spec.expressions && text ? `={{ $json.${field.id}.trim() }}` : `={{ $json.${field.id} }}`;
	}
	const missing = Object.keys(sample).filter((key) => !(key in value));
	if (missing.length > 0) throw new Error(`${workload.id}: the mapper offers no field for ${missing.join(', ')}`);
	return {
		...workload.parameters,
		fieldsInput: 'columns',
		columns: { mappingMode: 'defineBelow', value, matchingColumns: ['email'], schema: fields.map((field) => ({ ...field, display: true, removed: false })) },
	};
}
