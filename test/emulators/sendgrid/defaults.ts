/** Fixtures every emulator starts with (and returns to on reset); node authors and tests rely on these. */
export const DEFAULTS = {
	apiKey: 'emulator-key',
	/**
	 * Scopes of the default key; GET /v3/scopes answers these. `marketing.read` is named in sendgrid-oai
	 * (tsg_sso_v3.json scope lists); `marketing.write` is a guess: the emulator only asks for any `marketing.*`.
	 */
	apiKeyScopes: ['mail.send', 'alerts.read', 'marketing.read', 'marketing.write'],
	/** A seeded key that authenticates but lacks marketing scopes → 403 "access forbidden" (tsg_scopes_v3.json GetScopes403 shape). */
	noMarketingKey: 'emulator-key-mail-only',
	noMarketingKeyScopes: ['mail.send'],
	lists: {
		newsletter: { id: '0b3d7f3e-8a53-4c2e-9a71-5e0f6a1c2d01', name: 'Newsletter' },
		customers: { id: '6f1c2a9b-3d4e-4f50-8b61-7c2d3e4f5a02', name: 'Customers' },
	},
	customFields: {
		company: { id: 'e1_T', name: 'company', field_type: 'Text' },
		lifetimeValue: { id: 'e2_N', name: 'lifetime_value', field_type: 'Number' },
		signupDate: { id: 'e3_D', name: 'signup_date', field_type: 'Date' },
		/** The id used by SendGrid's own documented example body (`"custom_fields": {"w1": "w1"}`). */
		favoriteDrink: { id: 'w1', name: 'favorite_drink', field_type: 'Text' },
	},
} as const;
