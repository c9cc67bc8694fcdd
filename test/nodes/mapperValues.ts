import { DateTime } from 'luxon';
import { validateFieldType, type FieldType } from 'n8n-workflow';

/**
 * What n8n's resource mapper hands the node for a mapped value of a declared type: the same
 * validateFieldType call n8n-core's validateValueAgainstSchema makes (no conversion options).
 */
export function mapped(value: unknown, type: FieldType): unknown {
	const result = validateFieldType('field', value, type);
	if (!result.valid) throw new Error(`n8n rejects ${JSON.stringify(value)} as ${type}: ${result.errorMessage}`);
	return result.newValue;
}

export const invalidDateTime = DateTime.invalid('unparsable');
