import type { EmuResponse } from '../../common';
import type { Route, RouteContext } from '../context';
import { RESERVED_FIELD_NAMES } from '../defaults';
import { fail, ok, validationFailed, type FieldError } from '../errors';
import type { CustomFieldType } from '../store';
import { customValueError, isPlainObject, isReservedFieldName } from '../validation';
import { customFieldView } from '../views';

const FIELD_TYPES: CustomFieldType[] = ['string', 'number', 'boolean', 'date'];
const MAX_FIELD_NAME = 100;
const MAX_DESCRIPTION = 500;

function listFields(ctx: RouteContext): EmuResponse {
	const customFields: unknown[] = [...ctx.store.customFields.values()].map((definition) =>
		customFieldView(definition, ctx.store.projectId),
	);
	// Reserved (built-in) fields are listed unless the caller opts out, as the Convex SDK does.
	if (ctx.req.query.get('includeReservedFields') !== 'false') {
		for (const fieldName of RESERVED_FIELD_NAMES) customFields.push({ fieldName, fieldType: 'string', isReserved: true });
	}
	return ok({ customFields }, 200, 'Custom fields retrieved successfully');
}

function createField(ctx: RouteContext): EmuResponse {
	const body = ctx.req.json;
	if (!isPlainObject(body)) return validationFailed([{ field: 'fieldName', message: 'fieldName is required' }]);
	const { fieldName, fieldType, description, defaultValue } = body;
	const details: FieldError[] = [];
	if (typeof fieldName !== 'string' || fieldName.trim() === '') {
		details.push({ field: 'fieldName', message: 'fieldName is required' });
	} else if (fieldName.length > MAX_FIELD_NAME) {
		details.push({ field: 'fieldName', message: `fieldName must be at most ${MAX_FIELD_NAME} characters` });
	} else if (isReservedFieldName(fieldName.trim())) {
		details.push({ field: 'fieldName', message: `${fieldName} is a reserved field name` });
	}
	if (!FIELD_TYPES.includes(fieldType as CustomFieldType)) {
		details.push({ field: 'fieldType', message: `fieldType must be one of: ${FIELD_TYPES.join(', ')}` });
	}
	if (description !== undefined && (typeof description !== 'string' || description.length > MAX_DESCRIPTION)) {
		details.push({ field: 'description', message: `description must be a string of at most ${MAX_DESCRIPTION} characters` });
	}
	if (defaultValue !== undefined && FIELD_TYPES.includes(fieldType as CustomFieldType)) {
		const problem = customValueError(defaultValue, fieldType as CustomFieldType, ctx.options.maxCustomStringLength);
		if (problem) details.push({ field: 'defaultValue', message: `defaultValue ${problem}` });
	}
	if (details.length > 0) return validationFailed(details);
	const name = (fieldName as string).trim();
	if (ctx.store.findCustomField(name)) {
		return fail(409, 'CONFLICT', `Custom field "${name}" already exists`);
	}
	const definition = ctx.store.defineCustomField({
		fieldName: name,
		fieldType: fieldType as CustomFieldType,
		description: description as string | undefined,
		defaultValue: defaultValue as string | number | boolean | null | undefined,
	});
	return ok(customFieldView(definition, ctx.store.projectId), 200, 'Custom field created successfully');
}

export const customFieldRoutes: Route[] = [
	{ method: 'GET', pattern: '/custom-fields', writes: false, handle: listFields },
	{ method: 'POST', pattern: '/custom-fields', writes: true, handle: createField },
];
