import { readDate, usCalendarDate } from '../shared/dates';
import { describeValue, type Checked } from '../shared/fieldValues';

/** The identifiers SendGrid matches contacts by; at least one is required. */
export const IDENTIFIERS = [
	{ name: 'email', displayName: 'Email', maxLength: 254 },
	{ name: 'phone_number_id', displayName: 'Phone Number ID', maxLength: undefined },
	{ name: 'external_id', displayName: 'External ID', maxLength: 254 },
	{ name: 'anonymous_id', displayName: 'Anonymous ID', maxLength: 254 },
] as const;

/** Reserved contact fields with SendGrid's documented maximum lengths (undefined: none documented). */
export const RESERVED_FIELDS: ReadonlyArray<{ name: string; displayName: string; maxLength?: number }> = [
	{ name: 'first_name', displayName: 'First Name', maxLength: 50 },
	{ name: 'last_name', displayName: 'Last Name', maxLength: 50 },
	{ name: 'address_line_1', displayName: 'Address Line 1', maxLength: 100 },
	{ name: 'address_line_2', displayName: 'Address Line 2', maxLength: 100 },
	{ name: 'city', displayName: 'City', maxLength: 60 },
	{ name: 'state_province_region', displayName: 'State / Province / Region', maxLength: 50 },
	{ name: 'postal_code', displayName: 'Postal Code' },
	{ name: 'country', displayName: 'Country', maxLength: 50 },
	// Reserved fields field_definitions lists as writable (no read_only flag: tsg_mc_custom_fields_v3.yaml,
	// _rf10_T.._rf14_T) and ContactDetails returns; the ContactRequest schema (tsg_mc_contacts_v3.yaml) omits
	// them, so no length limit is documented and none is checked here.
	{ name: 'phone_number', displayName: 'Phone Number' },
	{ name: 'whatsapp', displayName: 'WhatsApp' },
	{ name: 'line', displayName: 'Line' },
	{ name: 'facebook', displayName: 'Facebook' },
	{ name: 'unique_name', displayName: 'Unique Name' },
];

export const ALTERNATE_EMAILS = { name: 'alternate_emails', displayName: 'Alternate Emails', maxItems: 5, maxLength: 254 };

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** MM/DD/YYYY text, SendGrid's own documented format, taken as it is (padded) when it names a real day. */
function usDate(text: string): string | undefined {
	const m = US_DATE.exec(text);
	if (!m) return undefined;
	const parsed = readDate(`${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`);
	return 'value' in parsed ? usCalendarDate(parsed.value) : undefined;
}

/**
 * The one format SendGrid documents for Date custom fields is MM/DD/YYYY (CSV upload, providers.md
 * §3.5); for the JSON API no format is documented (twilio/sendgrid-oai tsg_mc_contacts_v3.yaml types
 * `custom_fields` values only as strings). So every accepted shape is sent as the documented one;
 * a date-time keeps the calendar day it was written in.
 */
export function checkDate(value: unknown): Checked<string> {
	if (typeof value === 'string') {
		const us = usDate(value.trim());
		if (us !== undefined) return { value: us };
	}
	const read = readDate(value);
	if (!('problem' in read)) return { value: usCalendarDate(read.value) };
	if (typeof value !== 'string') return read;
	return { problem: `must be a date like 2024-03-01 or 03/01/2024 (MM/DD/YYYY), or a date-time like 2024-03-01T10:30:00Z, got ${describeValue(value)}` };
}
