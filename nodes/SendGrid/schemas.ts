import { z } from 'zod';

export const errorEnvelope = z.object({
	errors: z.array(z.object({ message: z.string(), field: z.string().nullish() }).passthrough()),
});

export const upsertAnswer = z.object({ job_id: z.string().min(1) });

export const jobStatus = z.object({
	id: z.string().optional(),
	status: z.enum(['pending', 'completed', 'errored', 'failed']),
	results: z
		.object({
			requested_count: z.number().optional(),
			created_count: z.number().optional(),
			updated_count: z.number().optional(),
			errored_count: z.number().optional(),
			errors_url: z.string().optional(),
		})
		.passthrough()
		.optional(),
});
export type JobStatus = z.infer<typeof jobStatus>;

/** The file behind `errors_url`: one entry per rejected row (1-based position in the request). */
export const errorFile = z.object({
	errors: z.array(
		z.object({ row: z.number().optional(), email: z.string().nullish(), error: z.string().nullish() }).passthrough(),
	),
});

export const customFieldType = z.enum(['Text', 'Number', 'Date']);
export type CustomFieldType = z.infer<typeof customFieldType>;

export const fieldDefinitions = z.object({
	custom_fields: z.array(z.object({ id: z.string(), name: z.string(), field_type: customFieldType })).default([]),
});

export const listsPage = z.object({
	result: z.array(z.object({ id: z.string(), name: z.string(), contact_count: z.number().optional() })),
	_metadata: z.object({ next: z.string().optional() }).passthrough().optional(),
});
