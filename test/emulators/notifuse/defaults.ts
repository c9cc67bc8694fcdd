/** Ids and names of the default seed, so node authors and tests can rely on them. */
export const DEFAULTS = {
	apiKey: 'emulator-key',
	user: { id: 'user_emulator', email: 'admin@emulator.notifuse.local', name: 'Emulator Admin' },
	workspace: { id: 'ws_demo', name: 'Demo' },
	/** A workspace the default user is NOT a member of (for the "not a member" errors). */
	foreignWorkspace: { id: 'ws_other', name: 'Other team' },
	lists: {
		newsletter: { id: 'newsletter', name: 'Newsletter' },
		customers: { id: 'customers', name: 'Customers' },
		/** Double opt-in list: contacts.import still subscribes as `active` (provider quirk). */
		updates: { id: 'updates', name: 'Product updates' },
	},
	customFieldLabels: {
		custom_string_1: 'Company',
		custom_number_1: 'Lifetime value',
		custom_datetime_1: 'Signed up',
	} as Record<string, string>,
	/** Extra keys of members of ws_demo with limited permissions. */
	limitedKeys: {
		/** contacts read only, lists read only. */
		readOnly: 'emulator-key-readonly',
		/** contacts read+write, lists read only: import with subscribe_to_lists fails. */
		noListsWrite: 'emulator-key-no-lists',
	},
} as const;
