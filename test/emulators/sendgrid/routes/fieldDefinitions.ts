import type { EmuRequest, EmuResponse } from '../../common';

import type { SendGridContext } from '../context';
import { errorResponse } from '../errors';
import { RESERVED_FIELDS, type FieldType } from '../fields';

/** GET /v3/marketing/field_definitions */
export function getFieldDefinitions(ctx: SendGridContext): EmuResponse {
	return {
		status: 200,
		body: {
			custom_fields: ctx.store.fields.custom,
			reserved_fields: RESERVED_FIELDS,
			_metadata: { self: `${ctx.baseUrl()}/v3/marketing/field_definitions` },
		},
	};
}

/** POST /v3/marketing/field_definitions {"name","field_type"} → 200 */
export function createFieldDefinition(ctx: SendGridContext, req: EmuRequest): EmuResponse {
	if (req.jsonInvalid) return errorResponse(400, 'invalid JSON in request body');
	const body = (req.json ?? {}) as { name?: unknown; field_type?: unknown };
	const problem = ctx.store.fields.checkNew(body.name, body.field_type);
	if (problem) return errorResponse(400, problem, problem.startsWith('field_type') ? 'field_type' : 'name');
	const def = ctx.store.fields.add(body.name as string, body.field_type as FieldType);
	return {
		status: 200,
		body: { ...def, _metadata: { self: `${ctx.baseUrl()}/v3/marketing/field_definitions/${def.id}` } },
	};
}
