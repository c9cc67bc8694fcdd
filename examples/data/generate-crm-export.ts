/**
 * Writes crm-export.csv: a deterministic, realistic CRM export for the demo and the examples —
 * mostly good contacts plus the mess real exports have (bad and blank emails, upper-case and padded
 * duplicates, over-long names, a wrongly typed number).
 *
 *   node scripts/run-ts.js examples/data/generate-crm-export.ts [rows] [out.csv]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { prng } from '../../test/engine/fakes';

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Dennis', 'Frances', 'Ken', 'Radia', 'José', 'Zoë', 'Øystein', 'Mei', 'Aarav'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Liskov', 'Ritchie', 'Allen', 'Thompson', 'Perlman', 'Núñez', 'Schäfer', 'Berg', 'Chen', 'Patel'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Wonka'];
const PLANS = ['free', 'starter', 'pro', 'enterprise'];
const COUNTRIES = ['US', 'DE', 'FR', 'GB', 'ES', 'NO', 'IN', 'CN', 'BR'];


function csvCell(value: string): string {
	return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function generateCrmRows(rows: number, seed = 42): Array<Record<string, string>> {
	const rand = prng(seed);
	const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
	const out: Array<Record<string, string>> = [];
	for (let i = 0; i < rows; i++) {
		const first = pick(FIRST);
		const last = pick(LAST);
		const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
		const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
		const row: Record<string, string> = {
			crm_id: `crm-${100000 + i}`,
			email: `${first.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase()}.${last.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase()}.${i}@example.com`,
			first_name: first,
			last_name: last,
			company: pick(COMPANIES),
			plan: pick(PLANS),
			lifetime_value: (Math.round(rand() * 500000) / 100).toFixed(2),
			signup_date: `202${Math.floor(rand() * 5)}-${month}-${day}`,
			country: pick(COUNTRIES),
		};
		const roll = rand();
		if (roll < 0.006) row.email = pick(['', 'n/a', 'jane.doe@', 'no-at-sign.example.com', 'two@@example.com']);
		else if (roll < 0.01) row.first_name = 'X'.repeat(300);
		else if (roll < 0.013) row.lifetime_value = 'unknown';
		else if (roll < 0.03 && out.length > 0) {
			// The same person exported twice, with different casing/padding and a later update.
			const earlier = out[Math.floor(rand() * out.length)];
			row.email = `  ${earlier.email.toUpperCase()} `;
			row.first_name = earlier.first_name;
			row.last_name = earlier.last_name;
		}
		out.push(row);
	}
	return out;
}

export function toCsv(rows: Array<Record<string, string>>): string {
	const columns = Object.keys(rows[0] ?? {});
	const lines = [columns.join(',')];
	for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? '')).join(','));
	return `${lines.join('\n')}\n`;
}

if (require.main === module) {
	const rows = Number(process.argv[2] ?? 5000);
	const target = process.argv[3] ?? join(__dirname, 'crm-export.csv');
	writeFileSync(target, toCsv(generateCrmRows(rows)));
	console.log(`wrote ${rows} rows to ${target}`);
}
