/**
 * Fixtures every fresh (or reset) AutoSend emulator holds, so node authors and tests can rely on them.
 */
export const DEFAULTS = {
	apiKey: 'emulator-key',
	accountApiKey: 'ASA_emulator-account-key',
	readOnlyApiKey: 'AS_emulator-read-only-key',
	projectId: '65f0c0ffee00000000000001',
	/** The virtual list every contact belongs to. */
	globalListId: 'GLOBAL_CONTACT_LIST',
	lists: {
		newsletter: { id: '60d5ec49f1b2c72d9c8b4567', name: 'Newsletter' },
		customers: { id: '60d5ec49f1b2c72d9c8b4568', name: 'Customers' },
	},
	segments: {
		premiumUsers: { id: '60d5ec49f1b2c72d9c8b4569', name: 'Premium Users' },
	},
	suppressedEmails: ['suppressed@example.com', 'bounced@example.com'],
	/** Field definitions; `role` and `plan` make the documented bulk-update example pass. */
	customFields: [
		{ fieldName: 'company', fieldType: 'string' },
		{ fieldName: 'role', fieldType: 'string' },
		{ fieldName: 'plan', fieldType: 'string' },
		{ fieldName: 'loginCount', fieldType: 'number' },
		{ fieldName: 'isPremium', fieldType: 'boolean' },
		{ fieldName: 'trialEndsAt', fieldType: 'date' },
	],
} as const;

/** Names AutoSend keeps for built-in contact fields; a custom field may not use them. */
export const RESERVED_FIELD_NAMES = [
	'firstName',
	'first_name',
	'lastName',
	'last_name',
	'email',
	'mobile',
	'unsubscribed',
	'unsubscribe',
	'unsubscribe_groups',
	'unsubscribe_preferences',
	'userId',
	'externalId',
	'createdAt',
	'updatedAt',
	'contactLists',
	'address',
	'address_line_1',
	'address_line_2',
	'city',
	'state',
	'zip',
	'country',
];
