/** The fixed contact columns of a Notifuse workspace database and their types and sizes. */
export type FieldKind = 'string' | 'number' | 'datetime' | 'json';

export interface FieldSpec {
	name: string;
	kind: FieldKind;
	/** VARCHAR size in characters; exceeding it is an SQL error, not a validation error. */
	maxLength?: number;
}

const strings: Array<[string, number]> = [
	['external_id', 255],
	['timezone', 50],
	['language', 50],
	['first_name', 255],
	['last_name', 255],
	['full_name', 255],
	['phone', 50],
	['address_line_1', 255],
	['address_line_2', 255],
	['country', 100],
	['postcode', 20],
	['state', 100],
	['job_title', 255],
];

const slots = [1, 2, 3, 4, 5];

/** In the order the contact JSON lists them (also the order FromJSON checks them). */
export const CONTACT_FIELDS: FieldSpec[] = [
	...strings.map(([name, maxLength]) => ({ name, kind: 'string' as const, maxLength })),
	...slots.map((n) => ({ name: `custom_string_${n}`, kind: 'string' as const, maxLength: 255 })),
	...slots.map((n) => ({ name: `custom_number_${n}`, kind: 'number' as const })),
	...slots.map((n) => ({ name: `custom_datetime_${n}`, kind: 'datetime' as const })),
	...slots.map((n) => ({ name: `custom_json_${n}`, kind: 'json' as const })),
];

export const EMAIL_MAX_LENGTH = 255;

/** The 20 slot names a workspace may label in `custom_field_labels`. */
export const CUSTOM_FIELD_SLOTS = CONTACT_FIELDS.filter((f) => f.name.startsWith('custom_')).map((f) => f.name);
