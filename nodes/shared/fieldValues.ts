import { describeType } from './email';

/** Checks for raw item values before they reach a provider schema. Each returns a value or a problem. */
export type Checked<T> = { value: T } | { problem: string };

export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function checkText(value: unknown, maxLength?: number): Checked<string> {
	if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
	if (typeof value !== 'string') return { problem: `must be text, got ${describeType(value)}` };
	const text = value.trim();
	if (maxLength !== undefined && [...text].length > maxLength) {
		return { problem: `is longer than ${maxLength} characters` };
	}
	return { value: text };
}

export function checkNumber(value: unknown): Checked<number> {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? { value } : { problem: 'must be a finite number' };
	}
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
		return { value: Number(value) };
	}
	return { problem: `must be a number, got ${typeof value === 'string' ? `"${value}"` : describeType(value)}` };
}

export function checkBoolean(value: unknown): Checked<boolean> {
	if (typeof value === 'boolean') return { value };
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === 'true' || text === 'yes' || text === '1') return { value: true };
		if (text === 'false' || text === 'no' || text === '0') return { value: false };
	}
	if (value === 1 || value === 0) return { value: value === 1 };
	return { problem: `must be true or false, got ${typeof value === 'string' ? `"${value}"` : describeType(value)}` };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Accepts ISO 8601 dates (and Date objects / Luxon DateTimes serialised by n8n). */
export function checkIsoDate(value: unknown): Checked<string> {
	if (value instanceof Date && !Number.isNaN(value.getTime())) return { value: value.toISOString() };
	if (typeof value !== 'string' || !ISO_DATE.test(value.trim()) || Number.isNaN(Date.parse(value.trim()))) {
		return { problem: `must be an ISO 8601 date like 2024-03-01 or 2024-03-01T10:30:00Z, got ${typeof value === 'string' ? `"${value}"` : describeType(value)}` };
	}
	return { value: value.trim() };
}

/** Keys that must never be copied from user input into an object we send. */
export function isUnsafeKey(key: string): boolean {
	return key === '__proto__' || key === 'constructor' || key === 'prototype';
}
