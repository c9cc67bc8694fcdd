import { DateTime } from 'luxon';

import { isoCalendarDate, readDate, rfc3339, usCalendarDate } from '../../nodes/shared/dates';
import { describeValue } from '../../nodes/shared/fieldValues';
import { invalidDateTime, mapped } from '../nodes/mapperValues';

const read = (value: unknown) => {
	const result = readDate(value);
	if ('problem' in result) throw new Error(result.problem);
	return result.value;
};

describe('readDate: every shape n8n hands over', () => {
	it.each([
		['n8n dateTime of 2024-03-01', mapped('2024-03-01', 'dateTime'), '2024-03-01'],
		['n8n dateTime of 2024-03-01T10:30:00Z', mapped('2024-03-01T10:30:00Z', 'dateTime'), '2024-03-01'],
		['n8n dateTime of 2024-03-01T23:30:00-05:00 (its own day, not UTC)', mapped('2024-03-01T23:30:00-05:00', 'dateTime'), '2024-03-01'],
		['luxon DateTime in another zone', DateTime.fromISO('2024-03-01T00:30:00', { zone: 'Asia/Tokyo' }), '2024-03-01'],
		['JS Date (UTC day)', new Date('2024-03-01T23:30:00Z'), '2024-03-01'],
		['text date', ' 2024-03-01 ', '2024-03-01'],
		['text date-time with offset', '2024-03-01T23:30:00-05:00', '2024-03-01'],
		['text date-time with a space', '2024-03-01 10:30', '2024-03-01'],
		['leap day', '2024-02-29', '2024-02-29'],
	])('%s → calendar day %s', (_name, value, day) => {
		expect(isoCalendarDate(read(value))).toBe(day);
		expect(usCalendarDate(read(value))).toBe(`${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`);
	});

	it.each([
		['2024-03-01T10:30Z', '2024-03-01T10:30:00Z'],
		['2024-03-01T10:30:00+0200', '2024-03-01T10:30:00+02:00'],
		['2024-03-01T10:30:00+02', '2024-03-01T10:30:00+02:00'],
		['2024-03-01t10:30:00z', '2024-03-01T10:30:00Z'],
		['2024-03-01T10:30:00,5-03:30', '2024-03-01T10:30:00.5-03:30'],
		['2024-03-01T10:30:00', '2024-03-01T10:30:00Z'],
		['2024-03-01', '2024-03-01T00:00:00Z'],
		['2024-03-01T10:30:00.123456789Z', '2024-03-01T10:30:00.123456789Z'],
	])('text %s → RFC 3339 %s', (value, expected) => {
		expect(rfc3339(read(value))).toBe(expected);
	});

	it('keeps the offset of an n8n DateTime and drops zero milliseconds', () => {
		expect(rfc3339(read(mapped('2024-03-01T10:30:00+02:00', 'dateTime')))).toBe('2024-03-01T10:30:00+02:00');
		expect(rfc3339(read(mapped('2024-03-01T10:30:00Z', 'dateTime')))).toBe('2024-03-01T10:30:00Z');
		expect(rfc3339(read(new Date('2024-03-01T10:30:00.250Z')))).toBe('2024-03-01T10:30:00.250Z');
	});

	it.each([
		['03/01/2024', '"03/01/2024"'],
		['2024-02-30', '"2024-02-30"'],
		['2023-02-29', '"2023-02-29"'],
		['2024-03-01T24:00:00Z', '"2024-03-01T24:00:00Z"'],
		['2024-03-01T10:60:00Z', '"2024-03-01T10:60:00Z"'],
		['tomorrow', '"tomorrow"'],
		[1709251200000, 'a number (1709251200000)'],
		[true, 'a boolean (true)'],
		[{ a: 1 }, 'an object {"a":1}'],
		[['2024-03-01'], 'a list ["2024-03-01"]'],
	])('rejects %j, naming the value', (value, shown) => {
		expect(readDate(value)).toEqual({ problem: `must be a date like 2024-03-01 or a date-time like 2024-03-01T10:30:00Z, got ${shown}` });
	});

	it('rejects invalid Date and DateTime objects', () => {
		expect(readDate(new Date('nope'))).toEqual({ problem: expect.stringMatching(/got an invalid Date$/) as string });
		expect(readDate(invalidDateTime)).toEqual({ problem: expect.stringMatching(/got an invalid date \(unparsable\)$/) as string });
	});

	it('shows values short', () => {
		expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(60)}…"`);
		expect(describeValue(null)).toBe('null');
	});
});
