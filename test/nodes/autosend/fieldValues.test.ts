import { DateTime } from 'luxon';

import { buildContact } from '../../../nodes/AutoSend/contact';
import type { CustomFieldType } from '../../../nodes/AutoSend/schemas';
import { invalidDateTime, mapped } from '../mapperValues';

/** One custom field of `type` holding `value` → what AutoSend would be sent, or the problem. */
function send(type: CustomFieldType, value: unknown): unknown {
	const built = buildContact({ email: 'a@b.co', standard: {}, custom: [{ name: 'f', type, value }] }, { allowListIds: true });
	return built.ok ? built.contact.customFields?.f : `${built.field} ${built.message}`;
}

describe('AutoSend custom field values: each type × each shape n8n produces', () => {
	it.each([
		// Dates: AutoSend's docs show YYYY-MM-DD (providers.md §1.3/§1.4, seeds/001); the day as written.
		['date', mapped('2024-03-01', 'dateTime'), '2024-03-01'],
		['date', mapped('2024-03-01T10:30:00Z', 'dateTime'), '2024-03-01'],
		['date', mapped('2024-03-01T23:30:00-05:00', 'dateTime'), '2024-03-01'],
		['date', DateTime.fromISO('2024-03-01T00:30:00', { zone: 'Asia/Tokyo' }), '2024-03-01'],
		['date', new Date('2024-03-01T10:30:00Z'), '2024-03-01'],
		['date', '2024-03-01', '2024-03-01'],
		['date', '2024-03-01T10:30:00Z', '2024-03-01'],
		['date', '2024-03-01 10:30', '2024-03-01'],
		['number', 42, 42],
		['number', mapped('42.5', 'number'), 42.5],
		['number', '-3', -3],
		['boolean', true, true],
		['boolean', mapped('false', 'boolean'), false],
		['boolean', 'yes', true],
		['boolean', 0, false],
		['string', 'Acme ', 'Acme'],
		['string', 7, '7'],
		['string', false, 'false'],
		['string', new Date('2024-03-01T10:30:00Z'), '2024-03-01T10:30:00.000Z'],
		['string', DateTime.fromISO('2024-03-01T10:30:00+02:00', { setZone: true }), '2024-03-01T10:30:00.000+02:00'],
	] as Array<[CustomFieldType, unknown, unknown]>)('%s %p → %p', (type, value, sent) => {
		expect(send(type, value)).toEqual(sent);
	});

	it.each([
		['date', '03/01/2024', 'f must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got "03/01/2024"'],
		['date', 1709251200000, 'f must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got a number (1709251200000)'],
		['date', invalidDateTime, 'f must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got an invalid date (unparsable)'],
		['number', 'many', 'f must be a number, got "many"'],
		['number', [1], 'f must be a number, got a list [1]'],
		['boolean', 'maybe', 'f must be true or false, got "maybe"'],
		['boolean', 2, 'f must be true or false, got a number (2)'],
		['string', { a: 1 }, 'f must be text, got an object {"a":1}'],
	] as Array<[CustomFieldType, unknown, string]>)('%s %p → invalid naming the field and the value', (type, value, message) => {
		expect(send(type, value)).toBe(message);
	});
});
