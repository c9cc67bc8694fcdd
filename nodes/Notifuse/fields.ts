/**
 * The Notifuse contact fields and the limits the server enforces on them. Column sizes come from the
 * workspace database schema: a longer value fails the whole SQL batch on import, so we check first.
 */
export type FieldKind = 'string' | 'number' | 'datetime' | 'json';

export interface ContactField {
	/** The Notifuse JSON key. */
	name: string;
	displayName: string;
	kind: FieldKind;
	/** VARCHAR size in characters (string fields only). */
	maxLength?: number;
	/** Custom slots carry the workspace's own label. */
	custom: boolean;
}

const STANDARD: Array<[string, string, number]> = [
	['external_id', 'External ID', 255],
	['first_name', 'First Name', 255],
	['last_name', 'Last Name', 255],
	['full_name', 'Full Name', 255],
	['phone', 'Phone', 50],
	['timezone', 'Timezone', 50],
	['language', 'Language', 50],
	['address_line_1', 'Address Line 1', 255],
	['address_line_2', 'Address Line 2', 255],
	['country', 'Country', 100],
	['state', 'State', 100],
	['postcode', 'Postcode', 20],
	['job_title', 'Job Title', 255],
];

const CUSTOM_KINDS: Array<[FieldKind, string]> = [
	['string', 'String'],
	['number', 'Number'],
	['datetime', 'Date-Time'],
	['json', 'JSON'],
];

export const EMAIL_MAX_LENGTH = 255;

/** Every contact field except email, standard fields first, then the 20 custom slots. */
export const CONTACT_FIELDS: readonly ContactField[] = [
	...STANDARD.map(([name, displayName, maxLength]) => ({
		name,
		displayName,
		kind: 'string' as const,
		maxLength,
		custom: false,
	})),
	...CUSTOM_KINDS.flatMap(([kind, label]) =>
		[1, 2, 3, 4, 5].map((slot) => ({
			name: `custom_${kind}_${slot}`,
			displayName: `Custom ${label} ${slot}`,
			kind,
			maxLength: kind === 'string' ? 255 : undefined,
			custom: true,
		})),
	),
];

export const FIELDS_BY_NAME: ReadonlyMap<string, ContactField> = new Map(CONTACT_FIELDS.map((f) => [f.name, f]));
