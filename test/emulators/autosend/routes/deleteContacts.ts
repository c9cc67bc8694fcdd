import type { EmuResponse } from '../../common';
import type { Route, RouteContext } from '../context';
import { ok, validationFailed } from '../errors';
import { checkEmail, isPlainObject } from '../validation';

/**
 * POST /contacts/remove {emails} (docs.autosend.com/api-reference/contacts/remove): "Removes one or
 * more contacts by their email addresses", emails "minimum 1, automatically normalized"; 200
 * "Contacts removed successfully". Unknown emails are skipped (the page names no per-email error).
 * The maximum per call is not documented (options.maxRemoveEmails).
 */
function removeContacts(ctx: RouteContext): EmuResponse {
	const body = ctx.req.json;
	if (!isPlainObject(body) || !Array.isArray(body.emails) || body.emails.some((e) => typeof e !== 'string')) {
		return validationFailed([{ field: 'emails', message: 'emails is required and must be an array of strings' }]);
	}
	const emails = body.emails as string[];
	const max = ctx.options.maxRemoveEmails;
	if (emails.length < 1 || emails.length > max) {
		return { ...validationFailed([{ field: 'emails', message: `emails must contain between 1 and ${max} items` }]), contacts: emails.length };
	}
	const removedIds: string[] = [];
	for (const raw of emails) {
		const checked = checkEmail(raw, Number.MAX_SAFE_INTEGER);
		if ('error' in checked) continue;
		const contact = ctx.store.deleteContact(checked.email);
		if (contact) removedIds.push(contact.id);
	}
	if (ctx.options.removeAnswer === 'ids') return { ...ok({ removedIds }, 200, 'Contacts removed successfully'), contacts: emails.length };
	return { status: 200, body: { success: true }, contacts: emails.length };
}

export const deleteContactRoutes: Route[] = [{ method: 'POST', pattern: '/contacts/remove', writes: true, handle: removeContacts }];
