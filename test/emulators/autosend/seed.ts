import { DEFAULTS } from './defaults';
import { AutoSendStore, type CustomFieldType, type CustomFieldValue } from './store';
import { isPlainObject, normalizeEmail } from './validation';
import { customFieldView, listView } from './views';

/** A fresh project holding the documented fixtures of DEFAULTS. */
export function defaultStore(): AutoSendStore {
	const store = new AutoSendStore(DEFAULTS.projectId);
	store.createList({ id: DEFAULTS.lists.newsletter.id, name: DEFAULTS.lists.newsletter.name, type: 'list', description: 'Monthly newsletter' });
	store.createList({ id: DEFAULTS.lists.customers.id, name: DEFAULTS.lists.customers.name, type: 'list', description: 'Paying customers' });
	store.createList({
		id: DEFAULTS.segments.premiumUsers.id,
		name: DEFAULTS.segments.premiumUsers.name,
		type: 'segment',
		description: 'Contacts with isPremium = true',
		filterCriteria: { field: 'isPremium', operator: 'equals', value: true },
	});
	for (const email of DEFAULTS.suppressedEmails) store.suppressed.add(email);
	for (const field of DEFAULTS.customFields) store.defineCustomField({ ...field });
	return store;
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * `POST /__emulator/seed`: adds fixtures without the API's validation, so tests can set up states
 * the API would refuse. Body: `{ lists?, suppressedEmails?, customFields?, contacts? }`.
 */
export function applySeed(store: AutoSendStore, body: unknown) {
	const seed = isPlainObject(body) ? body : {};
	const lists = asArray(seed.lists).filter(isPlainObject).map((item) =>
		listView(
			store.createList({
				id: typeof item.id === 'string' ? item.id : undefined,
				name: String(item.name ?? 'Seeded list'),
				description: typeof item.description === 'string' ? item.description : undefined,
				type: item.type === 'segment' ? 'segment' : 'list',
				filterCriteria: item.filterCriteria,
			}),
		),
	);
	const suppressedEmails = asArray(seed.suppressedEmails)
		.filter((email): email is string => typeof email === 'string')
		.map(normalizeEmail);
	for (const email of suppressedEmails) store.suppressed.add(email);
	const customFields = asArray(seed.customFields)
		.filter(isPlainObject)
		.filter((item) => typeof item.fieldName === 'string' && !store.findCustomField(item.fieldName))
		.map((item) =>
			customFieldView(
				store.defineCustomField({
					fieldName: item.fieldName as string,
					fieldType: (item.fieldType as CustomFieldType) ?? 'string',
				}),
				store.projectId,
			),
		);
	let contacts = 0;
	for (const item of asArray(seed.contacts).filter(isPlainObject)) {
		if (typeof item.email !== 'string') continue;
		store.upsertContact({
			email: normalizeEmail(item.email),
			firstName: typeof item.firstName === 'string' ? item.firstName : undefined,
			lastName: typeof item.lastName === 'string' ? item.lastName : undefined,
			userId: typeof item.userId === 'string' ? item.userId : undefined,
			customFields: isPlainObject(item.customFields) ? (item.customFields as Record<string, CustomFieldValue>) : undefined,
			listIds: asArray(item.listIds).filter((id): id is string => typeof id === 'string'),
		});
		contacts++;
	}
	return { added: { lists, suppressedEmails, customFields, contacts } };
}
