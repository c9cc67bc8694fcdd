import { DEFAULTS } from './defaults';
import type { FieldDefinition, FieldType } from './fields';
import type { SendGridStore } from './store';
import { validateUpsert } from './validation';

/** Puts the default fixtures into an empty store. */
export function seedDefaults(store: SendGridStore, apiKey: string, poisonEmails: string[]) {
	store.apiKeys.set(apiKey, [...DEFAULTS.apiKeyScopes]);
	store.apiKeys.set(DEFAULTS.noMarketingKey, [...DEFAULTS.noMarketingKeyScopes]);
	for (const list of Object.values(DEFAULTS.lists)) store.addList(list.name, list.id);
	for (const f of Object.values(DEFAULTS.customFields)) store.fields.add(f.name, f.field_type, f.id);
	for (const email of poisonEmails) store.poisonEmails.add(email.toLowerCase());
}

/**
 * Body of `POST /__emulator/seed`:
 * `{ lists?: [{name, id?}], field_definitions?: [{name, field_type, id?}], api_keys?: [{key, scopes}],
 *    poison_emails?: string[], contacts?: ContactRequest[], list_ids?: string[] }`.
 * Contacts are applied at once (no job), with the same validation as PUT /v3/marketing/contacts.
 */
export interface SeedBody {
	lists?: Array<{ name: string; id?: string }>;
	field_definitions?: Array<{ name: string; field_type: FieldType; id?: string }>;
	api_keys?: Array<{ key: string; scopes: string[] }>;
	poison_emails?: string[];
	contacts?: unknown[];
	list_ids?: string[];
}

export function applySeed(store: SendGridStore, raw: unknown, requireAllIdentifiers: boolean) {
	const body = (raw ?? {}) as SeedBody;
	const added: Record<string, unknown> = {};
	const errors: string[] = [];

	if (body.lists) added.lists = body.lists.map((l) => {
		const list = store.addList(l.name, l.id);
		return { id: list.id, name: list.name };
	});
	if (body.field_definitions) {
		const defs: FieldDefinition[] = [];
		for (const f of body.field_definitions) {
			const problem = store.fields.checkNew(f.name, f.field_type);
			if (problem) errors.push(`field ${f.name}: ${problem}`);
			else defs.push(store.fields.add(f.name, f.field_type, f.id));
		}
		added.field_definitions = defs;
	}
	if (body.api_keys) {
		for (const k of body.api_keys) store.apiKeys.set(k.key, k.scopes);
		added.api_keys = body.api_keys.map((k) => k.key);
	}
	if (body.poison_emails) {
		added.poison_emails = body.poison_emails.map((e) => e.toLowerCase());
		for (const e of added.poison_emails as string[]) store.poisonEmails.add(e);
	}
	if (body.contacts) {
		const checked = validateUpsert(
			{ contacts: body.contacts, list_ids: body.list_ids },
			{
				fields: store.fields,
				listExists: (id) => store.lists.has(id),
				maxContacts: Number.MAX_SAFE_INTEGER,
				rejectInvalidEmailsInRequest: true,
			},
		);
		if (!checked.ok) {
			errors.push(JSON.stringify(checked.response.body));
		} else {
			const now = new Date().toISOString();
			const ids: string[] = [];
			for (const c of checked.value.contacts) {
				const outcome = store.upsert(c, checked.value.listIds, now, requireAllIdentifiers);
				if (outcome.kind === 'error') errors.push(`contacts[${c.index}]: ${outcome.message}`);
				else ids.push(outcome.id);
			}
			added.contacts = ids.length;
		}
	}
	return errors.length > 0 ? { added, errors } : { added };
}
