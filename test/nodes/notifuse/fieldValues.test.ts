import { DateTime } from 'luxon';

import { buildContact } from '../../../nodes/Notifuse/contact';
import { parseRfc3339 } from '../../emulators/notifuse/text';
import { invalidDateTime, mapped } from '../mapperValues';

/** One field holding `value` → what Notifuse would be sent, or the problem. */
function send(field: string, value: unknown): unknown {
	const built = buildContact('a@b.co', { [field]: value }, { clearEmpty: false, clearFields: [] });
	return built.ok ? built.contact[field] : `${built.field} ${built.message}`;
}

describe('Notifuse field values: each kind × each shape n8n produces', () => {
	it.each([
		// custom_datetime_*: Go time.Parse(time.RFC3339) (internal/domain/contact.go parseNullableTime).
		['custom_datetime_1', '2024-03-01T10:30:00Z', '2024-03-01T10:30:00Z'],
		['custom_datetime_1', '2024-03-01T10:30Z', '2024-03-01T10:30:00Z'],
		['custom_datetime_1', '2024-03-01T10:30:00+0200', '2024-03-01T10:30:00+02:00'],
		['custom_datetime_1', '2024-03-01T10:30:00', '2024-03-01T10:30:00Z'],
		['custom_datetime_1', '2024-03-01', '2024-03-01T00:00:00Z'],
		['custom_datetime_1', mapped('2024-03-01T10:30:00+02:00', 'dateTime'), '2024-03-01T10:30:00+02:00'],
		['custom_datetime_1', DateTime.fromISO('2024-03-01T10:30:00', { zone: 'Asia/Tokyo' }), '2024-03-01T10:30:00+09:00'],
		['custom_datetime_1', new Date('2024-03-01T10:30:00Z'), '2024-03-01T10:30:00Z'],
		['custom_number_1', 42, 42],
		['custom_number_1', mapped('42.5', 'number'), 42.5],
		['custom_number_1', '7', 7],
		['custom_json_1', [1, 'a'], [1, 'a']],
		['custom_json_1', { a: 1 }, { a: 1 }],
		['custom_json_1', '["x"]', ['x']],
		['custom_json_1', '{"a":1}', { a: 1 }],
		['custom_string_1', 'x ', 'x'],
		['custom_string_1', 5, '5'],
		['custom_string_1', true, 'true'],
	])('%s %p → %p', (field, value, sent) => {
		expect(send(field, value)).toEqual(sent);
		if (field.startsWith('custom_datetime')) expect(parseRfc3339(sent as string)).toBeDefined();
	});

	it.each([
		['custom_datetime_1', '2024-03-01T25:00:00Z', 'custom_datetime_1 must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got "2024-03-01T25:00:00Z"'],
		['custom_datetime_1', 1709251200, 'custom_datetime_1 must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got a number (1709251200)'],
		['custom_datetime_1', invalidDateTime, 'custom_datetime_1 must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got an invalid date (unparsable)'],
		['custom_number_1', 'abc', 'custom_number_1 must be a number, got "abc"'],
		['custom_number_1', true, 'custom_number_1 must be a number, got a boolean (true)'],
		['custom_json_1', 5, 'custom_json_1 must be a JSON object or array, got a number (5)'],
		['custom_json_1', 'oops', 'custom_json_1 must be a JSON object or array, got text that is not JSON: "oops"'],
		['custom_json_1', '"text"', 'custom_json_1 must be a JSON object or array, got "text"'],
		['custom_string_1', { a: 1 }, 'custom_string_1 must be text, got an object {"a":1}'],
	])('%s %p → invalid naming the field and the value', (field, value, message) => {
		expect(send(field, value)).toBe(message);
	});
});
