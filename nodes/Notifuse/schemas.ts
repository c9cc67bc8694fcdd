import { z } from 'zod';

/** Every Notifuse error body. */
export const errorEnvelope = z.object({ error: z.string() });

/** One entry of `contacts.import`'s answer; `error` is omitted when empty. */
export const importOperation = z.object({
	email: z.string(),
	action: z.enum(['create', 'update', 'error']),
	error: z.string().optional(),
});
export type ImportOperation = z.infer<typeof importOperation>;

export const importAnswer = z.object({ operations: z.array(importOperation) });

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

/** Notifuse parses custom_datetime_* with Go's time.RFC3339: a full date-time with a zone, no bare dates. */
export const rfc3339 = z.string().datetime({ offset: true });

/** custom_json_* must be a JSON object or array; scalars are rejected by the server. */
export const jsonSlotValue = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]);
