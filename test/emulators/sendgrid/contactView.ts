import type { FieldRegistry } from './fields';
import type { StoredContact } from './store';

/** A stored contact in SendGrid's ContactDetails shape (search results, state snapshot). */
export function contactDetails(
	contact: StoredContact,
	fields: FieldRegistry,
	customFieldsBy: 'name' | 'id',
	baseUrl: string,
) {
	const custom: Record<string, string | number> = {};
	for (const [id, value] of Object.entries(contact.custom_fields)) {
		custom[customFieldsBy === 'name' ? (fields.get(id)?.name ?? id) : id] = value;
	}
	return {
		id: contact.id,
		email: contact.identifiers.email ?? null,
		phone_number_id: contact.identifiers.phone_number_id ?? null,
		external_id: contact.identifiers.external_id ?? null,
		anonymous_id: contact.identifiers.anonymous_id ?? null,
		alternate_emails: contact.alternate_emails,
		first_name: contact.fields.first_name ?? null,
		last_name: contact.fields.last_name ?? null,
		unique_name: contact.fields.unique_name ?? null,
		address_line_1: contact.fields.address_line_1 ?? null,
		address_line_2: contact.fields.address_line_2 ?? null,
		city: contact.fields.city ?? null,
		state_province_region: contact.fields.state_province_region ?? null,
		postal_code: contact.fields.postal_code ?? null,
		country: contact.fields.country ?? null,
		phone_number: contact.fields.phone_number ?? null,
		whatsapp: contact.fields.whatsapp ?? null,
		line: contact.fields.line ?? null,
		facebook: contact.fields.facebook ?? null,
		list_ids: [...contact.list_ids],
		segment_ids: [] as string[],
		custom_fields: custom,
		created_at: contact.created_at,
		updated_at: contact.updated_at,
		_metadata: { self: `${baseUrl}/v3/marketing/contacts/${contact.id}` },
	};
}
