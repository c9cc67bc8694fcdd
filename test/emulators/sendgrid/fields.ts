/** Field-definition registry: SendGrid's reserved fields plus the account's custom fields. */
export type FieldType = 'Text' | 'Number' | 'Date';

export interface FieldDefinition {
	id: string;
	name: string;
	field_type: FieldType;
	read_only?: boolean;
}

const TYPE_SUFFIX: Record<FieldType, string> = { Text: 'T', Number: 'N', Date: 'D' };

/** Reserved fields in the order and with the ids of SendGrid's field_definitions answer. */
export const RESERVED_FIELDS: readonly FieldDefinition[] = [
	['first_name', 'Text'],
	['last_name', 'Text'],
	['email', 'Text'],
	['alternate_emails', 'Text'],
	['address_line_1', 'Text'],
	['address_line_2', 'Text'],
	['city', 'Text'],
	['state_province_region', 'Text'],
	['postal_code', 'Text'],
	['country', 'Text'],
	['phone_number', 'Text'],
	['whatsapp', 'Text'],
	['line', 'Text'],
	['facebook', 'Text'],
	['unique_name', 'Text'],
	['email_domains', 'Text', true],
	['last_clicked', 'Date', true],
	['last_opened', 'Date', true],
	['last_emailed', 'Date', true],
	['singlesend_id', 'Text', true],
	['automation_id', 'Text', true],
	['created_at', 'Date', true],
	['updated_at', 'Date', true],
	['contact_id', 'Text', true],
].map(([name, type, readOnly], i) => {
	const fieldType = type as FieldType;
	const def: FieldDefinition = { id: `_rf${i}_${TYPE_SUFFIX[fieldType]}`, name: name as string, field_type: fieldType };
	if (readOnly) def.read_only = true;
	return def;
});

const RESERVED_NAMES = new Set(RESERVED_FIELDS.map((f) => f.name.toLowerCase()));
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const MAX_CUSTOM_FIELDS = 500;

export class FieldRegistry {
	private byId = new Map<string, FieldDefinition>();
	private byLowerName = new Map<string, FieldDefinition>();
	private nextNumber = 1;

	get custom(): FieldDefinition[] {
		return [...this.byId.values()];
	}

	get(id: string): FieldDefinition | undefined {
		return this.byId.get(id);
	}

	/** Returns an error message, or undefined when `name`/`type` would be accepted. */
	checkNew(name: unknown, type: unknown): string | undefined {
		if (typeof name !== 'string' || name.length < 1 || name.length > 100) {
			return 'name must be between 1 and 100 characters';
		}
		if (!NAME_PATTERN.test(name)) {
			return 'name may only contain letters, numbers and underscores and must start with a letter or underscore';
		}
		if (RESERVED_NAMES.has(name.toLowerCase())) return 'name conflicts with a reserved field';
		if (this.byLowerName.has(name.toLowerCase())) return 'a custom field with this name already exists';
		if (type !== 'Text' && type !== 'Number' && type !== 'Date') {
			return 'field_type must be one of Text, Number, Date';
		}
		if (this.byId.size >= MAX_CUSTOM_FIELDS) return `you may not have more than ${MAX_CUSTOM_FIELDS} custom fields`;
		return undefined;
	}

	/** Adds a field; ids follow the `e<n>_<T|N|D>` pattern unless a fixture supplies its own id. */
	add(name: string, type: FieldType, id?: string): FieldDefinition {
		const def: FieldDefinition = { id: id ?? this.freshId(type), name, field_type: type };
		this.byId.set(def.id, def);
		this.byLowerName.set(name.toLowerCase(), def);
		return def;
	}

	private freshId(type: FieldType): string {
		const taken = (n: number) => ['T', 'N', 'D'].some((s) => this.byId.has(`e${n}_${s}`));
		while (taken(this.nextNumber)) this.nextNumber++;
		return `e${this.nextNumber++}_${TYPE_SUFFIX[type]}`;
	}
}
