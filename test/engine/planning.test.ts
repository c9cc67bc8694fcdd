import { utf8Length } from '../../nodes/shared/bytes';
import { mergeContacts } from '../../nodes/shared/merge';
import { planChunks, prepareItems, splitChunk, type UniqueContact } from '../../nodes/shared/planning';
import { FakeProvider, itemsOf, prng, testAdapter, type TestContact } from './fakes';

const envelope = { before: '{"contacts":[', after: ']}' };

function uniques(n: number, nameLength = 5): Array<UniqueContact<TestContact>> {
	return Array.from({ length: n }, (_, i) => ({
		key: `u${i}@x.io`,
		email: `u${i}@x.io`,
		contact: { email: `u${i}@x.io`, name: 'n'.repeat(nameLength) },
		items: [i],
	}));
}

describe('utf8Length', () => {
	it('matches Buffer.byteLength for ASCII, accents, CJK, emoji and lone surrogates', () => {
		const rand = prng(7);
		const alphabet = ['a', 'é', 'ß', '中', '😀', '\ud800', '"', '\n', 'Ω'];
		for (let i = 0; i < 500; i++) {
			let s = '';
			for (let j = 0; j < 30; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
			expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
		}
	});
});

describe('prepareItems', () => {
	it('normalises emails, reports invalid items by field and merges duplicates with the later item winning', () => {
		const adapter = testAdapter(new FakeProvider(() => ({ kind: 'ok' })));
		const prepared = prepareItems(
			adapter,
			itemsOf([
				{ email: '  Ann@Example.COM ', name: 'Ann', tags: { a: '1', b: '1' } },
				{ email: 'not-an-email' },
				{ name: 'no email' },
				{ email: 'ann@example.com', name: 'Annie', tags: { b: '2' } },
				{ email: 'bob@example.com' },
			]),
		);
		expect(prepared.invalid).toEqual([
			expect.objectContaining({ itemIndex: 1, field: 'email' }),
			expect.objectContaining({ itemIndex: 2, field: 'email', message: 'is missing' }),
		]);
		expect(prepared.unique).toHaveLength(2);
		expect(prepared.unique[0]).toEqual({
			key: 'ann@example.com',
			email: 'ann@example.com',
			contact: { email: 'ann@example.com', name: 'Annie', tags: { a: '1', b: '2' } },
			items: [0, 3],
		});
		expect(prepared.unique[1].items).toEqual([4]);
	});

	it('mergeContacts keeps earlier fields the later item does not carry', () => {
		expect(mergeContacts({ a: 1, b: 2, n: { x: 1 } }, { b: 3, c: undefined, n: { y: 2 } })).toEqual({
			a: 1,
			b: 3,
			n: { x: 1, y: 2 },
		});
	});
});

describe('planChunks', () => {
	it('splits by count: 250 contacts at 100 per request make 3 requests of 100, 100, 50', () => {
		const plan = planChunks(uniques(250), envelope, 100, undefined);
		expect(plan.chunks.map((c) => c.contacts.length)).toEqual([100, 100, 50]);
		expect(plan.chunks.map((c) => c.request)).toEqual([1, 2, 3]);
		expect(plan.chunks[2].members[0]).toBe(200);
	});

	it('30,001 small contacts at 30,000 per request make exactly 2 requests', () => {
		const plan = planChunks(uniques(30_001, 1), envelope, 30_000, 6 * 1024 * 1024);
		expect(plan.chunks.map((c) => c.contacts.length)).toEqual([30_000, 1]);
	});

	it('never exceeds the byte limit, records exact body bytes and packs greedily', () => {
		const rand = prng(3);
		const list = uniques(400).map((u) => ({
			...u,
			contact: { ...u.contact, name: 'é'.repeat(Math.floor(rand() * 500)) },
		}));
		const limit = 10_000;
		const plan = planChunks(list, envelope, 1000, limit);
		let total = 0;
		for (const chunk of plan.chunks) {
			expect(Buffer.byteLength(chunk.body)).toBe(chunk.bytes);
			expect(chunk.bytes).toBeLessThanOrEqual(limit);
			expect(JSON.parse(chunk.body).contacts).toHaveLength(chunk.contacts.length);
			total += chunk.contacts.length;
		}
		expect(total).toBe(400);
		// Greedy: adding the next chunk's first contact would have broken the limit.
		for (let i = 0; i + 1 < plan.chunks.length; i++) {
			expect(plan.chunks[i].bytes + 1 + Buffer.byteLength(plan.chunks[i + 1].serialized[0])).toBeGreaterThan(limit);
		}
	});

	it('reports a contact that alone exceeds the byte limit instead of sending it', () => {
		const list = uniques(3);
		list[1].contact.name = 'x'.repeat(2000);
		const plan = planChunks(list, envelope, 10, 500);
		expect(plan.oversized.map((o) => o.member)).toEqual([1]);
		expect(plan.chunks.flatMap((c) => c.members)).toEqual([0, 2]);
	});

	it('halves a chunk with bodies rebuilt from the same serialised contacts', () => {
		const plan = planChunks(uniques(5), envelope, 10, undefined);
		const [a, b] = splitChunk(plan.chunks[0], envelope);
		expect(a.members).toEqual([0, 1, 2]);
		expect(b.members).toEqual([3, 4]);
		expect(JSON.parse(b.body).contacts.map((c: TestContact) => c.email)).toEqual(['u3@x.io', 'u4@x.io']);
		expect(a.bytes).toBe(Buffer.byteLength(a.body));
	});

});
