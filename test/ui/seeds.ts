/**
 * What the browser test adds to each emulator through its seed API (`POST /__emulator/seed`, see
 * test/emulators/<provider>/seed.ts), so the editor can only show these names if it read them from the
 * provider: a list and a custom field nobody else has.
 */
export const UI_LIST = 'UI Test Subscribers';
export const UI_FIELD = {
	autosend: 'favoriteColor',
	notifuseSlot: 'custom_string_2',
	notifuseLabel: 'Favorite color',
	sendgrid: 'favorite_color',
};
/** A SendGrid key that authenticates but has no Marketing scope (the emulator also seeds one). */
export const SENDGRID_MAIL_ONLY_KEY = 'emulator-key-mail-only';

export const seeds = {
	autosend: {
		lists: [{ id: '60d5ec49f1b2c72d9c8b4599', name: UI_LIST, type: 'list', description: 'Seeded by the browser test' }],
		customFields: [{ fieldName: UI_FIELD.autosend, fieldType: 'string' }],
	},
	notifuse: {
		lists: [{ id: 'uitestsubs', name: UI_LIST, description: 'Seeded by the browser test' }],
		custom_field_labels: { [UI_FIELD.notifuseSlot]: UI_FIELD.notifuseLabel },
	},
	sendgrid: {
		lists: [{ name: UI_LIST, id: '9a9a9a9a-1111-4222-8333-444455556666' }],
		field_definitions: [{ name: UI_FIELD.sendgrid, field_type: 'Text' as const }],
	},
};

export async function seed(baseUrl: string, body: unknown): Promise<unknown> {
	const response = await fetch(`${baseUrl}/__emulator/seed`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const answer = (await response.json()) as Record<string, unknown>;
	const refused = (answer.rejected ?? answer.errors) as unknown[] | undefined;
	if (!response.ok || (refused && refused.length > 0)) {
		throw new Error(`seeding ${baseUrl} failed: ${response.status} ${JSON.stringify(answer)}`);
	}
	return answer;
}
