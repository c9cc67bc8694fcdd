import { describeValue, type Checked } from './fieldValues';

/**
 * A date or date-time as the user wrote it. n8n hands dates over in three shapes: a luxon DateTime
 * (the resource mapper's `dateTime` type converts every mapped value into one, keeping the offset
 * the text had), a JS Date (Code nodes), or text. All three end up here, so every input mode and
 * every n8n version send the same value.
 */
export interface DateParts {
	year: number;
	month: number;
	day: number;
	/** Absent for a bare calendar date. */
	time?: { hour: number; minute: number; second: number; fraction: string };
	/** `Z` or `±hh:mm`; absent when the text named no zone. */
	offset?: string;
}

/** The fields of a luxon DateTime we read; detected by shape so luxon is never loaded at run time. */
interface LuxonLike {
	isLuxonDateTime: true;
	isValid: boolean;
	invalidReason?: string | null;
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
	/** Minutes east of UTC. */
	offset: number;
}

export function isLuxonDateTime(value: unknown): value is LuxonLike {
	return typeof value === 'object' && value !== null && (value as { isLuxonDateTime?: unknown }).isLuxonDateTime === true;
}

// Date, then optionally a time (seconds and fraction optional), then optionally a zone in any of the
// ISO 8601 spellings; what each provider accepts is decided by how the parts are formatted.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return month === 2 && leap ? 29 : DAYS[month - 1];
}

function formatOffset(minutes: number): string {
	if (minutes === 0) return 'Z';
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const EXPECTED = 'must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z';

function fromText(text: string): DateParts | undefined {
	const m = ISO.exec(text);
	if (!m) return undefined;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
	const parts: DateParts = { year, month, day };
	if (m[4] === undefined) return parts;
	const time = { hour: Number(m[4]), minute: Number(m[5]), second: m[6] === undefined ? 0 : Number(m[6]), fraction: m[7] ?? '' };
	if (time.hour > 23 || time.minute > 59 || time.second > 59) return undefined;
	parts.time = time;
	if (m[8]) parts.offset = 'Z';
	else if (m[9]) {
		const hours = Number(m[10]);
		const minutes = m[11] === undefined ? 0 : Number(m[11]);
		// Go's RFC 3339 parser (Notifuse) takes offsets up to 24:60; nothing else we talk to is stricter.
		if (hours > 24 || minutes > 60) return undefined;
		parts.offset = `${m[9]}${pad(hours)}:${pad(minutes)}`;
	}
	return parts;
}

/** Reads any of the shapes n8n produces; never throws. */
export function readDate(value: unknown): Checked<DateParts> {
	if (isLuxonDateTime(value)) {
		if (!value.isValid) return { problem: `${EXPECTED}, got an invalid date (${value.invalidReason ?? 'unknown reason'})` };
		const fraction = value.millisecond === 0 ? '' : pad(value.millisecond, 3);
		return {
			value: {
				year: value.year,
				month: value.month,
				day: value.day,
				time: { hour: value.hour, minute: value.minute, second: value.second, fraction },
				offset: formatOffset(value.offset),
			},
		};
	}
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return { problem: `${EXPECTED}, got an invalid Date` };
		const ms = value.getUTCMilliseconds();
		return {
			value: {
				year: value.getUTCFullYear(),
				month: value.getUTCMonth() + 1,
				day: value.getUTCDate(),
				time: { hour: value.getUTCHours(), minute: value.getUTCMinutes(), second: value.getUTCSeconds(), fraction: ms === 0 ? '' : pad(ms, 3) },
				offset: 'Z',
			},
		};
	}
	const parts = typeof value === 'string' ? fromText(value.trim()) : undefined;
	if (!parts || parts.year > 9999 || parts.year < 0) return { problem: `${EXPECTED}, got ${describeValue(value)}` };
	return { value: parts };
}

/**
 * The calendar date as written: a date-time keeps the day of its own offset (n8n's DateTime keeps
 * the offset the text had), so `2024-03-01T23:30:00-05:00` is 1 March and no time zone is assumed;
 * the time of day is dropped.
 */
export function isoCalendarDate(parts: DateParts): string {
	return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** The same calendar date as MM/DD/YYYY. */
export function usCalendarDate(parts: DateParts): string {
	return `${pad(parts.month)}/${pad(parts.day)}/${pad(parts.year, 4)}`;
}

/**
 * RFC 3339 with seconds and a `Z` or `±hh:mm` offset. A bare date is midnight UTC and a date-time
 * without a zone is read as UTC: the field descriptions say so.
 */
export function rfc3339(parts: DateParts): string {
	const time = parts.time ?? { hour: 0, minute: 0, second: 0, fraction: '' };
	const fraction = time.fraction === '' ? '' : `.${time.fraction}`;
	return `${isoCalendarDate(parts)}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${fraction}${parts.offset ?? 'Z'}`;
}
