import { readDate, usCalendarDate } from '../shared/dates';
import type { Checked } from '../shared/fieldValues';

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
];

export const ALTERNATE_EMAILS = { name: 'alternate_emails', displayName: 'Alternate Emails', maxItems: 5, maxLength: 254 };

export const MAX_CONTACTS_PER_REQUEST = 30_000;
/**
 * SendGrid's 6 MB cap; the documentation does not say whether it means 6,000,000 bytes or 6 MiB, so
 * the node stays under the smaller reading.
 */
export const MAX_BYTES_PER_REQUEST = 6_000_000;

/**
 * The one format SendGrid documents for Date custom fields is MM/DD/YYYY (CSV upload, providers.md
 * §3.5); for the JSON API no format is documented (twilio/sendgrid-oai tsg_mc_contacts_v3.yaml types
 * `custom_fields` values only as strings). So every accepted shape is sent as the documented one;
 * a date-time keeps the calendar day it was written in.
 */
export function checkDate(value: unknown): Checked<string> {
	const read = readDate(value);
	return 'problem' in read ? read : { value: usCalendarDate(read.value) };
}
