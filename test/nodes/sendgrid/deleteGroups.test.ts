import { idGroups } from '../../../nodes/SendGrid/actions/contact/deleteJob';
import { DELETE_MAX_IDS, DELETE_MAX_IDS_CHARS } from '../../../nodes/SendGrid/limits';

const encodedLength = (ids: string[]) => encodeURIComponent(ids.join(',')).length;

describe('SendGrid delete: ids per DELETE request', () => {
	it('closes a group at 100 ids (UUIDs stay far under the URL bound)', () => {
		const ids = Array.from({ length: 250 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
		expect(idGroups(ids).map((g) => g.length)).toEqual([DELETE_MAX_IDS, DELETE_MAX_IDS, 50]);
	});

	it('closes a group before its encoded id list passes the character bound', () => {
		const ids = Array.from({ length: 60 }, (_, i) => `${'x'.repeat(200)}-${i}`);
		const groups = idGroups(ids);
		expect(groups.length).toBeGreaterThan(1);
		expect(groups.flat()).toEqual(ids);
		for (const group of groups) expect(encodedLength(group)).toBeLessThanOrEqual(DELETE_MAX_IDS_CHARS);
	});

	it('still sends an id that alone passes the bound, on its own', () => {
		const huge = 'y'.repeat(DELETE_MAX_IDS_CHARS + 10);
		expect(idGroups(['a', huge, 'b'])).toEqual([['a'], [huge], ['b']]);
	});
});
