import { autoMapper, normaliseKey } from '../../nodes/shared/contactInput/autoMap';

describe('auto-map: key normaliser', () => {
	it.each([
		['firstName', 'first_name'],
		['first_name', 'first_name'],
		['First Name', 'first_name'],
		['FIRST_NAME', 'first_name'],
		['first-name', 'first_name'],
		['  first  name ', 'first_name'],
		['phoneNumberID', 'phone_number_id'],
		['addressLine1', 'address_line_1'],
		['Address Line 1', 'address_line_1'],
		['custom_string_1', 'custom_string_1'],
	])('%s → %s', (key, expected) => {
		expect(normaliseKey(key)).toBe(expected);
	});
});

describe('auto-map: matcher', () => {
	const map = autoMapper([{ name: 'email' }, { name: 'firstName' }, { name: 'lastName' }, { name: 'custom_string_1', aliases: ['Company'] }]);

	it('maps snake, space, upper and dash forms onto the provider name', () => {
		for (const key of ['firstName', 'first_name', 'First Name', 'FIRST_NAME', 'first-name']) {
			expect(map({ [key]: 'Ann' })).toEqual({ values: { firstName: 'Ann' }, ignored: [] });
		}
	});

	it('matches a field by its alias (a label) and by its name, exact or normalised', () => {
		expect(map({ Company: 'Acme' }).values).toEqual({ custom_string_1: 'Acme' });
		expect(map({ company: 'Acme' }).values).toEqual({ custom_string_1: 'Acme' });
		expect(map({ CUSTOM_STRING_1: 'Acme' }).values).toEqual({ custom_string_1: 'Acme' });
	});

	it('lets an exact name win over a normalised one, whatever the order, and lists the loser as ignored', () => {
		expect(map({ first_name: 'Loser', firstName: 'Winner' })).toEqual({ values: { firstName: 'Winner' }, ignored: ['first_name'] });
		expect(map({ firstName: 'Winner', 'First Name': 'Loser' })).toEqual({ values: { firstName: 'Winner' }, ignored: ['First Name'] });
	});

	it('keeps the first of two normalised keys for one field and lists the second', () => {
		expect(map({ 'First Name': 'One', first_name: 'Two' })).toEqual({ values: { firstName: 'One' }, ignored: ['first_name'] });
	});

	it('lists every key that matches no field, in input order', () => {
		expect(map({ email: 'a@b.c', id: 7, favouriteColour: 'red' })).toEqual({ values: { email: 'a@b.c' }, ignored: ['id', 'favouriteColour'] });
	});
});

describe('auto-map: precedence of a name, an alias and a normalised key', () => {
	const map = autoMapper([{ name: 'first_name', aliases: ['First Name'] }, { name: 'custom_string_1', aliases: ['Company'] }]);

	it('the field name beats its alias, and the alias beats a normalised key, in any order', () => {
		expect(map({ 'First Name': 'Label', first_name: 'Name' })).toEqual({ values: { first_name: 'Name' }, ignored: ['First Name'] });
		expect(map({ COMPANY: 'Loose', Company: 'Label' })).toEqual({ values: { custom_string_1: 'Label' }, ignored: ['COMPANY'] });
	});
});

describe('auto-map: per key-list plans', () => {
	const map = autoMapper([{ name: 'a' }, { name: 'b' }]);

	it('gives items with other keys their own mapping, also when keys contain the separator', () => {
		expect(map({ a: 1, b: 2 })).toEqual({ values: { a: 1, b: 2 }, ignored: [] });
		expect(map({ 'a\u0000b': 3 })).toEqual({ values: {}, ignored: ['a\u0000b'] });
		expect(map({ b: 4, x: 5 })).toEqual({ values: { b: 4 }, ignored: ['x'] });
		const first = map({ x: 1 });
		first.ignored.push('mutated');
		expect(map({ x: 2 }).ignored).toEqual(['x']);
	});
});
