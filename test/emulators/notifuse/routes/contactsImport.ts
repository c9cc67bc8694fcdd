import type { EmuRequest, EmuResponse } from '../../common';
import type { ImportAnswerShape } from '../options';
import { workspaceAccess, NEED_CONTACTS_WRITE, NEED_LISTS_WRITE } from '../auth';
import { columnOverflow, parseContact, type ParsedContact } from '../contactParser';
import { errorResponse, INVALID_BODY, valueTooLong } from '../errors';
import { objectBody, optionalString, type Route, type RouteContext } from './context';

interface Operation {
	email: string;
	action: 'create' | 'update' | 'error';
	error?: string | null;
}

/** The shapes (options.ts ImportAnswerShape) whose contacts are written. */
const STORING: ReadonlySet<ImportAnswerShape> = new Set(['source', 'errorAfterStoring', 'nullOperationErrors']);

/** The 200 body for the configured answer shape; `operations` are what the import did (or would have done). */
function answerBody(shape: ImportAnswerShape, operations: Operation[], error: string): Record<string, unknown> {
	switch (shape) {
		case 'errorAfterStoring':
		case 'errorNothingStored':
			return { operations, error };
		case 'errorOnly':
			return { error };
		case 'nullOperations':
			return { operations: null };
		case 'nullOperationsWithError':
			return { operations: null, error };
		case 'nullOperationErrors':
			return { operations: operations.map((op) => ({ ...op, error: op.error ?? null })) };
		default:
			return { operations };
	}
}

function countContacts(req: EmuRequest): number | undefined {
	const body = objectBody(req);
	return body && Array.isArray(body.contacts) ? body.contacts.length : undefined;
}

/** POST /api/contacts.import — bulk upsert with per-contact operations (see provider.ts notes). */
export const contactsImport: Route = {
	method: 'POST',
	handle(req: EmuRequest, ctx: RouteContext): EmuResponse {
		const contacts = countContacts(req);
		const answer = importContacts(req, ctx);
		return { ...answer, contacts };
	},
};

function importContacts(req: EmuRequest, ctx: RouteContext): EmuResponse {
	const body = objectBody(req);
	if (!body) return INVALID_BODY();
	const workspaceId = optionalString(body.workspace_id);
	if (workspaceId === false) return INVALID_BODY();
	const lists = body.subscribe_to_lists;
	if (lists !== undefined && lists !== null && (!Array.isArray(lists) || lists.some((l) => typeof l !== 'string'))) {
		return INVALID_BODY();
	}
	const listIds = (lists ?? []) as string[];
	if (!workspaceId) return errorResponse(400, 'workspace_id is required');
	if (!Array.isArray(body.contacts)) return errorResponse(400, 'contacts must be an array');
	if (body.contacts.length === 0) return errorResponse(400, 'contacts array is empty');
	const { maxImportContacts } = ctx.options;
	if (maxImportContacts !== undefined && body.contacts.length > maxImportContacts) {
		return errorResponse(413, `too many contacts in one request: ${body.contacts.length} > ${maxImportContacts}`);
	}

	const access = workspaceAccess(ctx.store, ctx.user, workspaceId);
	if ('error' in access) return errorResponse(500, access.error);
	if (!access.permissions.contacts.write) return errorResponse(500, NEED_CONTACTS_WRITE);
	if (listIds.length > 0 && !access.permissions.lists.write) return errorResponse(500, NEED_LISTS_WRITE);
	const { workspace } = access;

	const operations: Operation[] = [];
	// Keep-last de-duplication: the contact keeps the slot of its first occurrence but the data
	// of its last; earlier duplicates get no operation at all.
	const slotByEmail = new Map<string, number>();
	const valid: ParsedContact[] = [];
	body.contacts.forEach((raw, index) => {
		const parsed = parseContact(raw);
		if (!parsed.ok) {
			// FromJSON errors are swallowed: the element becomes an empty contact.
			operations.push({ email: '', action: 'error', error: `invalid contact at index ${index}: email is required` });
			return;
		}
		const slot = slotByEmail.get(parsed.contact.email);
		if (slot === undefined) {
			slotByEmail.set(parsed.contact.email, valid.length);
			valid.push(parsed.contact);
		} else {
			valid[slot] = parsed.contact;
		}
	});

	const shape = ctx.options.importAnswer;
	const stores = STORING.has(shape);
	const now = Date.now();
	const upserted: string[] = [];
	const chunkSize = ctx.options.importChunkSize;
	for (let start = 0; start < valid.length; start += chunkSize) {
		const chunk = valid.slice(start, start + chunkSize);
		// One multi-row INSERT per chunk: one over-long value fails every row of it.
		let overflow: number | undefined;
		for (const contact of chunk) {
			overflow = columnOverflow(contact);
			if (overflow !== undefined) break;
		}
		if (overflow !== undefined) {
			const pgError = valueTooLong(overflow);
			chunk.forEach((contact, i) =>
				operations.push({
					email: contact.email,
					action: 'error',
					error: `failed to upsert contact at index ${start + i}: failed to execute bulk upsert: ${pgError}`,
				}),
			);
			continue;
		}
		for (const contact of chunk) {
			const action = stores ? workspace.importContact(contact, now) : workspace.contacts.has(contact.email) ? 'update' : 'create';
			operations.push({ email: contact.email, action });
			upserted.push(contact.email);
		}
	}

	// Unknown list ids are not checked (no foreign key): memberships are stored anyway.
	if (stores && listIds.length > 0) for (const email of upserted) workspace.importSubscribe(email, listIds, now);
	return { status: 200, body: answerBody(shape, operations, ctx.options.importGlobalError) };
}
