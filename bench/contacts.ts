/**
 * Generated benchmark input: realistic CRM rows, ~2% invalid emails, ~2% duplicate emails (case
 * and whitespace variants of an earlier row), ~1% with long text fields. Deterministic per seed.
 */
import { prng } from '../test/engine/fakes';

export interface BenchRow {
	email: string;
	first_name: string;
	last_name: string;
	company: string;
	plan: string;
	lifetime_value: number;
	signup_date: string;
	country: string;
}

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Radia', 'Ken', 'Barbara', 'Donald', 'Frances'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Perlman', 'Thompson', 'Liskov', 'Knuth', 'Allen'];
const COMPANY = ['Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises'];
const PLAN = ['free', 'starter', 'pro', 'enterprise'];
const COUNTRY = ['US', 'DE', 'FR', 'GB', 'IN', 'BR', 'JP', 'CN'];


export interface BenchInput {
	rows: BenchRow[];
	invalid: number;
	duplicates: number;
	/** Distinct valid emails: what a perfect sender must deliver. */
	validUnique: number;
}

export function generateContacts(count: number, seed = 42): BenchInput {
	const random = prng(seed);
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
	const rows: BenchRow[] = [];
	let invalid = 0;
	let duplicates = 0;
	for (let i = 0; i < count; i++) {
		const roll = random();
		const first = pick(FIRST);
		const last = pick(LAST);
		let email = `${first}.${last}.${i}@example.com`.toLowerCase();
		if (roll < 0.02) {
			email = i % 2 ? `${first}.${last}.${i}.example.com` : `${first} ${last}@example`;
			invalid++;
		} else if (roll < 0.04 && rows.length > 0) {
			const earlier = rows[Math.floor(random() * rows.length)].email;
			if (earlier.includes('@') && !earlier.includes(' ')) {
				email = `  ${earlier.toUpperCase()} `;
				duplicates++;
			}
		}
		const long = roll > 0.99;
		rows.push({
			email,
			first_name: long ? first.repeat(20) : first,
			last_name: long ? `${last} `.repeat(15).trim() : last,
			company: pick(COMPANY),
			plan: pick(PLAN),
			lifetime_value: Math.round(random() * 500000) / 100,
			signup_date: new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 1800) * 86400000).toISOString().slice(0, 10),
			country: pick(COUNTRY),
		});
	}
	const unique = new Set<string>();
	for (const row of rows) {
		const email = row.email.trim().toLowerCase();
		if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) unique.add(email);
	}
	return { rows, invalid, duplicates, validUnique: unique.size };
}
