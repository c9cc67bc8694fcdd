/**
 * Engine-only micro benchmark: validate + de-duplicate + chunk N items (no HTTP), per contact, next
 * to a bare JSON.stringify of the same request bodies (the floor any sender pays).
 *
 *   node scripts/run-ts.js bench/planning.ts [items]
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { readEmail } from '../nodes/shared/email';
import { planChunks, prepareItems } from '../nodes/shared/planning';
import type { BulkAdapter } from '../nodes/shared/types';

interface Contact {
	email: string;
	firstName?: string;
	lastName?: string;
	customFields?: Record<string, unknown>;
}

const adapter: BulkAdapter<Contact> = {
	limits: { maxContacts: 100, idempotent: true },
	envelope: { before: '{"contacts":[', after: '],"runWorkflow":false}' },
	toContact(item) {
		const read = readEmail(item.json.email);
		if ('problem' in read) return { ok: false, field: 'email', message: read.problem };
		return {
			ok: true,
			key: read.email,
			email: read.email,
			contact: {
				email: read.email,
				firstName: item.json.firstName as string,
				lastName: item.json.lastName as string,
				customFields: { company: item.json.company, plan: item.json.plan },
			},
		};
	},
	send: async () => {
		throw new Error('not used');
	},
	interpret: async () => ({ kind: 'all', outcome: { status: 'upserted' } }),
};

function items(n: number): INodeExecutionData[] {
	return Array.from({ length: n }, (_, i) => ({
		json: { email: ` User${i % Math.floor(n * 0.98)}@Example.com `, firstName: 'Ada', lastName: 'Lovelace', company: 'Acme', plan: 'pro' },
	}));
}

function measure(n: number, maxContacts: number, maxBytes?: number) {
	const input = items(n);
	const t0 = process.hrtime.bigint();
	const prepared = prepareItems(adapter, input);
	const t1 = process.hrtime.bigint();
	const plan = planChunks(prepared.unique, adapter.envelope, maxContacts, maxBytes);
	const t2 = process.hrtime.bigint();
	let floorBytes = 0;
	for (const chunk of plan.chunks) floorBytes += JSON.stringify({ contacts: chunk.contacts, runWorkflow: false }).length;
	const t3 = process.hrtime.bigint();
	const perContact = (ns: bigint) => (Number(ns) / n / 1000).toFixed(3);
	return {
		items: n,
		requests: plan.chunks.length,
		prepareUsPerContact: perContact(t1 - t0),
		planUsPerContact: perContact(t2 - t1),
		bareStringifyUsPerContact: perContact(t3 - t2),
		floorBytes,
	};
}

const n = Number(process.argv[2] ?? 100_000);
measure(10_000, 100); // warm-up
console.table([measure(n / 10, 100), measure(n, 100), measure(n, 30_000, 6_000_000)]);
