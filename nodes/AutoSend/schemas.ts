import { z } from 'zod';

/** `{"success":false,"error":{"message","code","details":[{field,message}]}}` (AutoSend errors page). */
export const errorEnvelope = z.object({
	success: z.literal(false).optional(),
	error: z.object({
		message: z.string().optional(),
		code: z.string().optional(),
		details: z.array(z.object({ field: z.string().optional(), message: z.string().optional() }).passthrough()).optional(),
	}),
	retryAfter: z.number().optional(),
});

/** Some proxies and older endpoints answer `{"message": "..."}` or `{"error": "..."}`. */
export const looseError = z.object({ message: z.string().optional(), error: z.string().optional(), retryAfter: z.number().optional() });

const contactData = z.object({ id: z.string().optional(), email: z.string().optional() }).passthrough();

/** Create and upsert both answer the stored contact. */
export const contactAnswer = z.object({ success: z.literal(true), data: contactData });

/** bulk-update answers counts only (seed page "Bulk Update Contacts"); whether they add up is checked separately. */
export const bulkUpdateAnswer = z.object({
	success: z.literal(true),
	data: z.object({ successCount: z.number(), failedCount: z.number(), totalCount: z.number().optional() }),
});
export type BulkUpdateCounts = z.infer<typeof bulkUpdateAnswer>['data'];

/** A contact as AutoSend answers it: only the fields bulk-update can set are compared. */
export const storedContact = z
	.object({
		id: z.string().optional(),
		email: z.string(),
		firstName: z.string().nullable().optional(),
		lastName: z.string().nullable().optional(),
		userId: z.string().nullable().optional(),
		customFields: z.record(z.string(), z.unknown()).nullable().optional(),
	})
	.passthrough();
export type StoredContact = z.infer<typeof storedContact>;

/** search/emails answers only the matches; unmatched emails are simply absent (docs: search contacts by emails). */
export const searchAnswer = z.object({ success: z.literal(true), data: z.object({ contacts: z.array(storedContact) }) });

const emailEntry = z.object({ email: z.string().optional(), status: z.string().optional(), reason: z.string().optional() }).passthrough();

export const bulkAddAnswer = z.object({
	success: z.literal(true),
	data: z.object({
		added: z.number().optional(),
		created: z.number().optional(),
		alreadyInList: z.number().optional(),
		errors: z.array(z.object({ email: z.string().optional(), error: z.string().optional() }).passthrough()).optional(),
		validation: z
			.object({
				valid: z.array(emailEntry).optional(),
				invalid: z.array(emailEntry).optional(),
				suppressed: z.array(emailEntry).optional(),
			})
			.optional(),
		totalContactsInList: z.number().optional(),
		contacts: z
			.array(z.object({ id: z.string().optional(), email: z.string(), createdAt: z.string().optional(), updatedAt: z.string().optional() }).passthrough())
			.optional(),
	}),
});

export const customFieldType = z.enum(['string', 'number', 'boolean', 'date']);

export const customFieldsAnswer = z.object({
	data: z.object({
		customFields: z.array(
			z.object({ fieldName: z.string(), fieldType: z.string().optional(), isReserved: z.boolean().optional() }).passthrough(),
		),
	}),
});

/** The docs show `data.lists`; one rendering shows `data.contacts`, so both are read. */
export const listsAnswer = z.object({
	data: z.object({
		lists: z.array(z.object({ id: z.string(), name: z.string().optional(), type: z.string().optional() }).passthrough()).optional(),
		contacts: z.array(z.object({ id: z.string(), name: z.string().optional(), type: z.string().optional() }).passthrough()).optional(),
	}),
});

export type CustomFieldType = z.infer<typeof customFieldType>;

/** An email entry of a per-email list in an answer: a plain string or an object with `email`. */
const emailMention = z.union([z.string(), z.object({ email: z.string().optional(), error: z.string().optional(), reason: z.string().optional() }).passthrough()]);

/**
 * POST /contact-lists/{id}/contacts/remove: no page documents the answer (the Convex SDK only calls
 * it), so every field is optional: a count, per-email lists like bulk-add's, or nothing but success.
 */
export const listRemoveAnswer = z.object({
	success: z.literal(true),
	data: z
		.object({
			removed: z.number().optional(),
			notInList: z.union([z.number(), z.array(emailMention)]).optional(),
			notFound: z.union([z.number(), z.array(emailMention)]).optional(),
			contacts: z.array(z.object({ id: z.string().optional(), email: z.string() }).passthrough()).optional(),
			errors: z.array(emailMention).optional(),
			validation: z.object({ invalid: z.array(emailMention).optional() }).passthrough().optional(),
		})
		.passthrough()
		.nullable()
		.optional(),
});
export type ListRemoveData = NonNullable<z.infer<typeof listRemoveAnswer>['data']>;

/**
 * contacts/remove: the rendered docs page shows `{"success": true}`; its summary says it "returns the
 * IDs of the contacts that were successfully removed" without naming the key. Both are read.
 */
export const removeAnswer = z.object({ success: z.literal(true), data: z.unknown().optional() }).passthrough();

const REMOVED_KEY = /id|removed|deleted/i;
const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The removed contacts' ids when the answer lists them, undefined when it only says success. */
export function removedIds(data: unknown): Set<string> | undefined {
	if (strings(data)) return new Set(data);
	if (data === null || typeof data !== 'object') return undefined;
	for (const [key, value] of Object.entries(data)) {
		if (REMOVED_KEY.test(key) && strings(value)) return new Set(value);
	}
	return undefined;
}
