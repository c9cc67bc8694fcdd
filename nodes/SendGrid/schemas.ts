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
	/** "The ISO8601 timestamp when the job was created" / "was finished" (OpenAPI ContactImport). */
	started_at: z.string().optional(),
	finished_at: z.string().optional(),
});
export type JobStatus = z.infer<typeof jobStatus>;

/** ContactDetails3 as search/emails returns it: only what deciding a contact's outcome needs. */
export const foundContact = z
	.object({
		id: z.string(),
		email: z.string().nullish(),
		alternate_emails: z.array(z.string()).nullish(),
		list_ids: z.array(z.string()).nullish(),
		custom_fields: z.record(z.unknown()).nullish(),
		created_at: z.string().nullish(),
		updated_at: z.string().nullish(),
	})
	.passthrough();
export type FoundContact = z.infer<typeof foundContact>;

/** 200 of POST /v3/marketing/contacts/search/emails: `{result: {email: {contact} | {error}}}`, keys lower-cased. */
export const searchAnswer = z.object({
	result: z.record(z.object({ contact: foundContact.optional(), error: z.string().optional() }).passthrough()),
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
