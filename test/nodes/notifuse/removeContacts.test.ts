import type { INodeParameters } from 'n8n-workflow';

import { parseContact } from '../../emulators/notifuse/contactParser';
import { countBy, DEFAULTS, items, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

const bed = useTestbed(testbed);
const NEWSLETTER = DEFAULTS.lists.newsletter.id;
const REMOVE = '/api/contactLists.removeContact';

function removeParams(listId: string, extra: INodeParameters = {}): INodeParameters {
	return { resource: 'contactList', operation: 'removeContacts', workspaceId: '', listId, email: '={{ $json.email }}', options: {}, ...extra };
}

function workspace() {
	return bed.emulator.store.workspaces.get(DEFAULTS.workspace.id)!;
}

/** `members` of the newsletter (m-i), `outsiders` stored but not members (o-i). */
function seed(members: number, outsiders: number) {
	const ws = workspace();
	const now = Date.now();
	const store = (email: string) => {
		const parsed = parseContact({ email });
		if (!parsed.ok) throw new Error(parsed.error);
		ws.importContact(parsed.contact, now);
	};
	for (let i = 0; i < members; i++) {
		store(`m-${i}@example.com`);
		ws.setMembership(`m-${i}@example.com`, NEWSLETTER, 'active', now);
	}
	for (let i = 0; i < outsiders; i++) store(`o-${i}@example.com`);
}

const activeMembers = () => [...workspace().memberships.values()].filter((lists) => lists.get(NEWSLETTER) && lists.get(NEWSLETTER)?.deletedAt === undefined).length;

describe('Notifuse contactList → removeContacts', () => {
	it('250 items: one call per unique valid email after one list check; removed / not_in_list / invalid per item', async () => {
		seed(200, 30);
		const input = [...people(200, 'm'), ...people(30, 'o'), ...people(18, 'u'), ...items([{ email: 'not-an-email' }, { email: ' M-0@Example.com ' }])];
		const result = await bed.run(removeParams(NEWSLETTER), input, { onError: 'continueRegularOutput' });
		const out = result.outputs[0].map((item) => item.json);
		expect(out).toHaveLength(250);
		// Notifuse answers the same 404 for a non-member and an unknown contact: both are "not in the list".
		expect(countBy(out.map((o) => o.status))).toEqual({ removed: 201, not_in_list: 48, invalid: 1 });
		expect(out[0]).toMatchObject({ status: 'removed', listId: NEWSLETTER, mergedWithItems: [249] });
		expect(out[248]).toMatchObject({ status: 'invalid', errorField: 'email' });
		expect(bed.requests(REMOVE)).toHaveLength(248);
		expect(bed.requests('/api/lists.list')).toHaveLength(1);
		expect(bed.emulator.log).toHaveLength(249);
		expect(activeMembers()).toBe(0);
		// The contacts stay.
		expect(workspace().contacts.size).toBe(230);
	});

	// One call per contact: 10,000 take ~90 s alone on this machine, too long for the shared suite (a run
	// that outlives its timeout writes into the next test's emulator); VOLUME_10K=1 runs them too.
	const sizes = process.env.VOLUME_10K ? [2_000, 10_000] : [2_000];
	it.each(sizes)('%i members → one call each + 1 list check', async (count) => {
		seed(count, 0);
		const result = await bed.run(removeParams(NEWSLETTER), people(count, 'm'));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ removed: count });
		expect(bed.requests(REMOVE)).toHaveLength(count);
		expect(bed.emulator.log).toHaveLength(count + 1);
		expect(activeMembers()).toBe(0);
		console.log(`Notifuse removeContacts ${count}: ${bed.emulator.log.length} requests, ${result.durationMs} ms`);
	}, 300_000);

	it('a list that does not exist fails every item without one removal call', async () => {
		seed(3, 0);
		const result = await bed.run(removeParams('nolist'), people(3, 'm'), { onError: 'continueErrorOutput' });
		expect(result.outputs[0]).toHaveLength(0);
		expect(result.outputs[1]).toHaveLength(3);
		expect(String(result.outputs[1][0].json.error)).toContain('List not found');
		expect(bed.requests(REMOVE)).toHaveLength(0);
	});

	it('retries a 500 (Notifuse\'s answer to any service failure) and then reports the removal', async () => {
		seed(2, 0);
		bed.emulator.faults.add({ kind: 'status', status: 500, count: 1, path: REMOVE, body: { error: 'Failed to remove contact from list' } });
		const result = await bed.run(removeParams(NEWSLETTER, { options: { maxRetries: 2 } }), people(2, 'm'));
		expect(countBy(statuses(result))).toEqual({ removed: 2 });
		expect(bed.requests(REMOVE)).toHaveLength(3);
	});

	it('an email Notifuse\'s validator rejects (400 "invalid email format") is invalid, its neighbours removed', async () => {
		seed(3, 0);
		bed.emulator.faults.add({ kind: 'status', status: 400, count: 1, skip: 1, path: REMOVE, body: { error: 'invalid email format: m-1@example.com' } });
		const result = await bed.run(removeParams(NEWSLETTER, { options: { concurrency: 1 } }), people(3, 'm'), { onError: 'continueRegularOutput' });
		const out = result.outputs[0].map((item) => item.json);
		expect(out.map((o) => o.status)).toEqual(['removed', 'invalid', 'removed']);
		expect(out[1]).toMatchObject({ errorCode: 'INVALID_EMAIL', errorField: 'email' });
		expect(bed.requests(REMOVE)).toHaveLength(3);
	});

	it('dry run sends nothing', async () => {
		seed(2, 0);
		const result = await bed.run(removeParams(NEWSLETTER, { options: { dryRun: true } }), people(2, 'm'));
		expect(countBy(statuses(result))).toEqual({ dry_run: 2 });
		expect(bed.emulator.log).toHaveLength(0);
	});
});
