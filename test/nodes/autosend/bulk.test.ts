import { addParams, contactParams, countBy, DEFAULTS, items, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

const bed = useTestbed(testbed);

const NEWSLETTER = DEFAULTS.lists.newsletter.id;

describe('AutoSend contact → bulkUpdate', () => {
	it('sends 250 contacts in 3 requests of at most 100 with the runWorkflow flag', async () => {
		const result = await bed.run(contactParams('bulkUpdate', { runWorkflow: true }), people(250, 'p', (i) => ({ loginCount: i })));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ upserted: 250 });
		const sent = bed.requests('/contacts/bulk-update');
		expect(sent.map((r) => r.contacts)).toEqual([100, 100, 50]);
		expect(bed.emulator.store.contactsByEmail.size).toBe(250);
		expect(bed.emulator.store.findContact('p-249@example.com')?.customFields).toEqual({ loginCount: 249 });
		expect(result.outputs[0][249].json.request).toBe(3);
	});

	it('isolates a contact AutoSend counted as failed and reports its precise reason', async () => {
		// A mapping saved while "ghost" existed: AutoSend now rejects it, but only counts the failure.
		const params = contactParams('bulkUpdate', {
			columns: {
				mappingMode: 'defineBelow',
				value: { email: '={{ $json.email }}', ghost: '={{ $json.ghost }}' },
				schema: [
					{ id: 'email', type: 'string' },
					{ id: 'ghost', type: 'string' },
				],
			},
		});
		const input = people(250, 'p', (i) => (i === 137 ? { ghost: 'boo' } : {}));
		const result = await bed.run(params, input, { onError: 'continueRegularOutput' });
		expect(countBy(statuses(result))).toEqual({ upserted: 249, failed: 1 });
		expect(result.outputs[0][137].json).toMatchObject({
			status: 'failed',
			email: 'p-137@example.com',
			errorCode: 'VALIDATION_FAILED',
			errorField: 'customFields.ghost',
			resentAlone: true,
		});
		expect(String(result.outputs[0][137].json.errorMessage)).toContain('Custom field "ghost" does not exist');
		// 3 chunks sent once each; the one with a failure is looked up, and only its failed contact is sent again, alone.
		expect(bed.requests('/contacts/bulk-update').map((r) => r.contacts ?? 0).sort((a, b) => b - a)).toEqual([100, 100, 50]);
		expect(bed.requests('/contacts/search/emails').map((r) => r.contacts)).toEqual([100]);
		expect(bed.requests('/contacts/email')).toHaveLength(1);
		expect(result.outputs[0][136].json).toMatchObject({ status: 'upserted', lookups: 1, request: 2 });
		expect(bed.emulator.store.contactsByEmail.size).toBe(249);
	});

	it('plans without sending in dry-run mode', async () => {
		const result = await bed.run(contactParams('bulkUpdate', { options: { requestsPerSecond: 0, dryRun: true } }), people(150, 'd', () => ({ isPremium: 'true' })));
		expect(countBy(statuses(result))).toEqual({ dry_run: 150 });
		expect(result.outputs[0][120].json).toMatchObject({ request: 2, requestContacts: 50, payload: { email: 'd-120@example.com', firstName: 'First 120', customFields: { isPremium: true } } });
		expect(bed.requests('/contacts/bulk-update')).toHaveLength(0);
	});

	it('refuses list ids, which bulk-update cannot apply', async () => {
		const result = await bed.run(contactParams('bulkUpdate'), items([{ email: 'a@example.com', listIds: NEWSLETTER }]), {
			onError: 'continueRegularOutput',
		});
		expect(result.outputs[0][0].json).toMatchObject({ status: 'invalid', errorField: 'listIds' });
		expect(bed.requests('/contacts/bulk-update')).toHaveLength(0);
	});
});

describe('AutoSend contactList → addContacts', () => {
	it('adds 250 emails in one request and maps every report entry back to its item', async () => {
		await bed.run(contactParams('upsert'), people(3, 'old'));
		await bed.run(addParams(NEWSLETTER), people(1, 'old'));
		bed.emulator.clearLog();
		const input = [
			...people(3, 'old'),
			...people(244, 'new'),
			...items([{ email: DEFAULTS.suppressedEmails[0] }, { email: 'NEW-0@example.com' }, { email: 'broken' }]),
		];
		const result = await bed.run(addParams(NEWSLETTER), input, { onError: 'continueRegularOutput' });
		const out = result.outputs[0].map((item) => item.json);
		expect(out[0]).toMatchObject({ status: 'already_in_list', listId: NEWSLETTER });
		expect(out[1]).toMatchObject({ status: 'added', created: false, listId: NEWSLETTER });
		expect(out[3]).toMatchObject({ status: 'added', created: true, email: 'new-0@example.com' });
		expect(out[3].id).toBe(bed.emulator.store.findContact('new-0@example.com')?.id);
		expect(out[247]).toMatchObject({ status: 'suppressed' });
		expect(out[248]).toMatchObject({ status: 'added', mergedWithItems: [3] });
		expect(out[249]).toMatchObject({ status: 'invalid', errorField: 'email' });
		expect(countBy(out.map((o) => o.status))).toEqual({ already_in_list: 1, added: 247, suppressed: 1, invalid: 1 });
		expect(bed.requests('/contact-lists/contacts/bulk-add').map((r) => r.contacts)).toEqual([248]);
	});

	it('chunks to the batch size option and reads the list from a URL', async () => {
		const params = addParams('', {
			list: { __rl: true, mode: 'url', value: `https://app.autosend.com/contact-lists/${NEWSLETTER}` },
			options: { requestsPerSecond: 0, batchSize: 100 },
		});
		const result = await bed.run(params, people(250));
		expect(countBy(statuses(result))).toEqual({ added: 250 });
		expect(bed.requests('/contact-lists/contacts/bulk-add').map((r) => r.contacts)).toEqual([100, 100, 50]);
	});

	it('stops after the first request when the list does not exist', async () => {
		const result = await bed.run(addParams('60d5ec49f1b2c72d9c8b0000', { options: { requestsPerSecond: 0, batchSize: 10 } }), people(50), {
			onError: 'continueErrorOutput',
		});
		expect(result.outputs[0]).toHaveLength(0);
		expect(result.outputs[1]).toHaveLength(50);
		expect(String(result.outputs[1][0].json.error)).toContain('Contact list not found');
		expect(bed.requests('/contact-lists/contacts/bulk-add').length).toBeLessThanOrEqual(2);
	});
});
