import { describeType } from './email';

/** Checks for raw item values before they reach a provider schema. Each returns a value or a problem. */
export type Checked<T> = { value: T } | { problem: string };

export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

const SHOWN_LENGTH = 60;

function clip(text: string): string {
	return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}…` : text;
}

/** The value itself, short, so a message names what was wrong and not only its type. */
export function describeValue(value: unknown): string {
	if (typeof value === 'string') return `"${clip(value)}"`;
	if (typeof value === 'number' || typeof value === 'boolean') return `${describeType(value)} (${String(value)})`;
	if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
		let json: string | undefined;
		try {
			json = JSON.stringify(value);
		} catch {
			json = undefined;
		}
		return json === undefined ? describeType(value) : `${describeType(value)} ${clip(json)}`;
	}
	return describeType(value);
}

/** A date object (`{{ $now }}`, a Code node's Date) in a text field is its ISO 8601 text. */
function dateAsText(value: unknown): unknown {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString();
	const luxon = value as { isLuxonDateTime?: unknown; isValid?: unknown; toISO?: () => string | null };
	if (typeof value === 'object' && value !== null && luxon.isLuxonDateTime === true && luxon.isValid === true && typeof luxon.toISO === 'function') {
		return luxon.toISO() ?? value;
	}
	return value;
}

export function checkText(value: unknown, maxLength?: number): Checked<string> {
	if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
	value = dateAsText(value);
	if (typeof value !== 'string') return { problem: `must be text, got ${describeValue(value)}` };
	const text = value.trim();
	if (maxLength !== undefined && [...text].length > maxLength) {
		return { problem: `is longer than ${maxLength} characters` };
	}
	return { value: text };
}

export function checkNumber(value: unknown): Checked<number> {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? { value } : { problem: `must be a finite number, got ${String(value)}` };
	}
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
		return { value: Number(value) };
	}
	return { problem: `must be a number, got ${describeValue(value)}` };
}

/** true/false (any case), yes/no and 1/0, as text or as themselves. */
export function checkBoolean(value: unknown): Checked<boolean> {
	if (typeof value === 'boolean') return { value };
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === 'true' || text === 'yes' || text === '1') return { value: true };
		if (text === 'false' || text === 'no' || text === '0') return { value: false };
	}
	if (value === 1 || value === 0) return { value: value === 1 };
	return { problem: `must be true or false, got ${describeValue(value)}` };
}

/** Keys that must never be copied from user input into an object we send. */
export function isUnsafeKey(key: string): boolean {
	return key === '__proto__' || key === 'constructor' || key === 'prototype';
}
