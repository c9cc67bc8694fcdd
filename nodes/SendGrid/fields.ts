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
