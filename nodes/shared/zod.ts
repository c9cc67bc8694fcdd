import type { ZodError } from 'zod';

/** The first problem zod found, as the field path and a message a user can act on. */
export function firstZodProblem(error: ZodError): { field: string; message: string } {
	const issue = error.issues[0];
	const field = issue?.path.length ? issue.path.join('.') : 'item';
	return { field, message: issue?.message ?? 'is invalid' };
}
