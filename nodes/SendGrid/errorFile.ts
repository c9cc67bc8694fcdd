/**
 * Reads the file behind an import job's `errors_url`. SendGrid documents only that it holds "the
 * email addresses and error reasons" (support article "Unable to Upload Contacts via a CSV file");
 * the column names, their order and even the format are not documented (providers.md §3.4, §5), so
 * columns are found by name and both CSV and JSON are read. Anything else is "unreadable" and the
 * caller looks the contacts up instead of guessing.
 */

/** The longest provider text copied into an output item; real reasons are a sentence. */
export const MAX_MESSAGE_CHARS = 500;

export function clip(text: string, max = MAX_MESSAGE_CHARS): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export const FILE_IDENTIFIERS = ['phone_number_id', 'external_id', 'anonymous_id'] as const;
type FileIdentifier = (typeof FILE_IDENTIFIERS)[number];

export interface ErrorFileEntry {
	email?: string;
	identifiers: Partial<Record<FileIdentifier, string>>;
	reason?: string;
}

export type ParsedErrorFile = { ok: true; entries: ErrorFileEntry[] } | { ok: false; problem: string };

type Role = 'email' | 'reason' | FileIdentifier;

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const EXACT: Record<string, Role> = {
	email: 'email',
	emailaddress: 'email',
	primaryemail: 'email',
	contactemail: 'email',
	error: 'reason',
	errors: 'reason',
	errormessage: 'reason',
	errorreason: 'reason',
	errordescription: 'reason',
	errordetails: 'reason',
	reason: 'reason',
	failurereason: 'reason',
	message: 'reason',
	phonenumberid: 'phone_number_id',
	externalid: 'external_id',
	anonymousid: 'anonymous_id',
};

/** Column index per role: an exact name wins over one that only contains "email" / "error" / "reason". */
function assignRoles(names: string[]): Partial<Record<Role, number>> {
	const roles: Partial<Record<Role, number>> = {};
	names.forEach((name, i) => {
		const role = EXACT[normalise(name)];
		if (role && roles[role] === undefined) roles[role] = i;
	});
	names.forEach((name, i) => {
		const n = normalise(name);
		if (roles.email === undefined && n.includes('email') && !n.includes('alternate') && !n.includes('error')) roles.email = i;
		if (roles.reason === undefined && (n.includes('error') || n.includes('reason'))) roles.reason = i;
	});
	return roles;
}

function entryFrom(cell: (i: number | undefined) => string, roles: Partial<Record<Role, number>>): ErrorFileEntry {
	const entry: ErrorFileEntry = { identifiers: {} };
	const email = cell(roles.email).trim().toLowerCase();
	if (email) entry.email = email;
	for (const kind of FILE_IDENTIFIERS) {
		const value = cell(roles[kind]).trim();
		if (value) entry.identifiers[kind] = value;
	}
	const reason = cell(roles.reason).trim();
	if (reason) entry.reason = clip(reason);
	return entry;
}

function pickDelimiter(text: string): string {
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length }));
	return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

/** RFC 4180: quoted fields with `""` escapes and embedded delimiters / line breaks; CRLF or LF. */
export function parseCsv(text: string, delimiter = ','): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let fieldStarted = false;
	const endField = () => {
		row.push(field);
		field = '';
		fieldStarted = false;
	};
	const endRow = () => {
		endField();
		if (row.length > 1 || row[0] !== '') rows.push(row);
		row = [];
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c !== '"') field += c;
			else if (text[i + 1] === '"') {
				field += '"';
				i++;
			} else quoted = false;
			continue;
		}
		if (c === '"' && !fieldStarted) {
			quoted = true;
			fieldStarted = true;
		} else if (c === delimiter) endField();
		else if (c === '\n') endRow();
		else if (c === '\r') {
			if (text[i + 1] === '\n') i++;
			endRow();
		} else {
			field += c;
			fieldStarted = true;
		}
	}
	if (field !== '' || row.length > 0) endRow();
	return rows;
}

function parseCsvFile(text: string): ParsedErrorFile {
	const [header, ...rows] = parseCsv(text, pickDelimiter(text));
	if (!header) return { ok: true, entries: [] };
	const roles = assignRoles(header);
	if (roles.email === undefined && !FILE_IDENTIFIERS.some((kind) => roles[kind] !== undefined)) {
		return { ok: false, problem: `it has no email or identifier column (header: ${clip(header.join(','), 200)})` };
	}
	return { ok: true, entries: rows.map((cells) => entryFrom((i) => (i === undefined ? '' : (cells[i] ?? '')), roles)) };
}

function parseJsonFile(text: string): ParsedErrorFile {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { ok: false, problem: 'it looks like JSON but does not parse' };
	}
	const list = Array.isArray(parsed) ? parsed : (parsed as { errors?: unknown } | null)?.errors;
	if (!Array.isArray(list)) return { ok: false, problem: 'it is JSON without an "errors" list' };
	const entries: ErrorFileEntry[] = [];
	for (const raw of list) {
		if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problem: 'its "errors" list holds something other than objects' };
		const keys = Object.keys(raw);
		const values = Object.values(raw as Record<string, unknown>);
		const roles = assignRoles(keys);
		entries.push(entryFrom((i) => (i === undefined || typeof values[i] !== 'string' ? '' : (values[i] as string)), roles));
	}
	return { ok: true, entries };
}

export function parseErrorFile(raw: string): ParsedErrorFile {
	const text = raw.replace(/^\uFEFF/, '');
	const start = text.trimStart()[0];
	if (start === '{' || start === '[') return parseJsonFile(text.trim());
	if (start === '<') return { ok: false, problem: 'it is an HTML or XML page, not an errors file' };
	return parseCsvFile(text);
}
