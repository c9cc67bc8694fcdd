import { z } from 'zod';

/** Every Notifuse error body. */
export const errorEnvelope = z.object({ error: z.string() });

/** One entry of `contacts.import`'s answer; Notifuse omits an empty `error`, the OpenAPI spec also allows `null`. */
export const importOperation = z.object({
	email: z.string(),
	action: z.enum(['create', 'update', 'error']),
	error: z.string().nullable().optional(),
});
export type ImportOperation = z.infer<typeof importOperation>;

/**
 * The 200 answer. The handler always sends `operations`; the spec (BatchImportContactsResponse) also
 * allows a top-level `error` string or null, and Go encodes a nil `operations` slice as null.
 */
export const importAnswer = z.object({
	operations: z.array(importOperation).nullable().optional(),
	error: z.string().nullable().optional(),
});

export const upsertAnswer = z.object({ email: z.string(), action: z.enum(['create', 'update']) });

export const listSummary = z.object({ id: z.string(), name: z.string().optional() });
export const listsAnswer = z.object({ lists: z.array(listSummary).nullable() });

export const workspaceAnswer = z.object({
	workspace: z.object({
		id: z.string(),
		name: z.string().optional(),
		settings: z
			.object({ custom_field_labels: z.record(z.string(), z.string()).nullable().optional() })
			.passthrough()
			.optional(),
	}),
});

/** custom_json_* must be a JSON object or array; scalars are rejected by the server. */
export const jsonSlotValue = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]);

/** contacts.getByEmail: `{"contact":{...}}` with `contact_lists` (internal/http/contact_handler.go). */
export const contactByEmailAnswer = z.object({
	contact: z
		.object({
			email: z.string(),
			contact_lists: z.array(z.object({ list_id: z.string(), deleted_at: z.unknown().optional() }).passthrough()).nullable().optional(),
		})
		.passthrough(),
});

/** contacts.delete: `{"success":true}` (internal/http/contact_handler.go handleDelete). */
export const deleteAnswer = z.object({ success: z.literal(true) });
