import { DateTime } from 'luxon';

import { buildContact } from '../../../nodes/SendGrid/contact';
import type { CustomFieldType } from '../../../nodes/SendGrid/schemas';
import { invalidDateTime, mapped } from '../mapperValues';

/** One custom field of `type` holding `value` → what SendGrid would be sent, or the problem. */
function send(type: CustomFieldType, value: unknown): unknown {
	const built = buildContact({ email: 'a@b.co', f: value }, { customFields: new Map([['f', { id: 'x1', type }]]), unknownNamesAreErrors: true });
	return built.ok ? built.contact.custom_fields?.x1 : `${built.field} ${built.message}`;
}

describe('SendGrid custom field values: each type × each shape n8n produces', () => {
	it.each([
		// Dates: the only documented format is the CSV upload's MM/DD/YYYY (providers.md §3.5); the day as written.
		['Date', mapped('2024-03-01', 'dateTime'), '03/01/2024'],
		['Date', mapped('2024-03-01T10:30:00Z', 'dateTime'), '03/01/2024'],
		['Date', mapped('2024-03-01T23:30:00-05:00', 'dateTime'), '03/01/2024'],
		['Date', DateTime.fromISO('2024-12-31T00:30:00', { zone: 'Asia/Tokyo' }), '12/31/2024'],
		['Date', new Date('2024-03-01T10:30:00Z'), '03/01/2024'],
		['Date', '2024-03-01', '03/01/2024'],
		['Date', '2024-03-01T10:30:00+02:00', '03/01/2024'],
		['Date', '03/01/2024', '03/01/2024'],
		['Date', ' 3/1/2024 ', '03/01/2024'],
		['Number', 42, 42],
		['Number', mapped('42.5', 'number'), 42.5],
		['Number', '7', 7],
		['Text', 'blue ', 'blue'],
		['Text', 5, '5'],
		['Text', true, 'true'],
	] as Array<[CustomFieldType, unknown, unknown]>)('%s %p → %p', (type, value, sent) => {
		expect(send(type, value)).toEqual(sent);
	});

	it.each([
		['Date', '02/30/2024', 'f (Date custom field) must be a date like 2024-03-01 or 03/01/2024 (MM/DD/YYYY), or a date-time like 2024-03-01T10:30:00Z, got "02/30/2024"'],
		['Date', '31/12/2024', 'f (Date custom field) must be a date like 2024-03-01 or 03/01/2024 (MM/DD/YYYY), or a date-time like 2024-03-01T10:30:00Z, got "31/12/2024"'],
		['Date', true, 'f (Date custom field) must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got a boolean (true)'],
		['Date', invalidDateTime, 'f (Date custom field) must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got an invalid date (unparsable)'],
		['Number', 'lots', 'f (Number custom field) must be a number, got "lots"'],
		['Number', true, 'f (Number custom field) must be a number, got a boolean (true)'],
		['Text', ['a'], 'f (Text custom field) must be text, got a list ["a"]'],
	] as Array<[CustomFieldType, unknown, string]>)('%s %p → invalid naming the field and the value', (type, value, message) => {
		expect(send(type, value)).toBe(message);
	});
});
