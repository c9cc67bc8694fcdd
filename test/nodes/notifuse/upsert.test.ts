import { DEFAULTS, items, params, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

describe('Notifuse node: Contact → Create or Update (upsert)', () => {
	const bed = useTestbed(testbed);

	const stored = (email: string) => bed.emulator.store.workspaces.get(DEFAULTS.workspace.id)?.contacts.get(email)?.values;

	it('sends one contacts.upsert per unique contact and reports created / updated', async () => {
		const result = await bed.run(
			params('contact', 'upsert'),
			items([
				{ email: 'up-1@example.com', first_name: 'One', custom_datetime_1: '2024-03-01T10:30:00Z' },
				{ email: 'up-2@example.com', custom_json_1: { plan: 'pro' } },
				{ email: 'UP-1@example.com', last_name: 'Uno' },
			]),
		);
		expect(result.error).toBeUndefined();
		expect(statuses(result)).toEqual(['created', 'created', 'created']);
		expect(bed.requests('/api/contacts.upsert').map((entry) => entry.contacts ?? 1)).toEqual([1, 1]);
		expect(stored('up-1@example.com')).toMatchObject({ first_name: 'One', last_name: 'Uno', custom_datetime_1: '2024-03-01T10:30:00Z' });

		const again = await bed.run(params('contact', 'upsert'), items([{ email: 'up-2@example.com', phone: '+4912345' }]));
		expect(statuses(again)).toEqual(['updated']);
		expect(stored('up-2@example.com')).toMatchObject({ phone: '+4912345', custom_json_1: { plan: 'pro' } });
	});

	it('clears a field given as null in the input (Empty Values = Clear Stored Value) and fields listed under Fields to Clear', async () => {
		await bed.run(params('contact', 'upsert'), items([{ email: 'clear@example.com', job_title: 'CTO', country: 'DE', state: 'BE' }]));
		const result = await bed.run(
			params('contact', 'upsert', { options: { clearFields: ['country'], emptyValues: 'clear' } }),
			items([{ email: 'clear@example.com', job_title: null }]),
		);
		expect(statuses(result)).toEqual(['updated']);
		const values = stored('clear@example.com');
		expect(values?.job_title).toBeUndefined();
		expect(values?.country).toBeUndefined();
		expect(values?.state).toBe('BE');
	});

	it('leaves empty mapped columns unchanged in Map Columns mode', async () => {
		await bed.run(params('contact', 'upsert'), items([{ email: 'mapnull@example.com', first_name: 'Keep' }]));
		const result = await bed.run(
			params('contact', 'upsert', {
				columns: { mappingMode: 'defineBelow', value: { email: 'mapnull@example.com', first_name: null, last_name: 'New' } },
			}),
			items([{}]),
		);
		expect(statuses(result)).toEqual(['updated']);
		expect(stored('mapnull@example.com')).toMatchObject({ first_name: 'Keep', last_name: 'New' });
	});

	it('stops with the workspace problem, without retrying, when the workspace is wrong', async () => {
		const result = await bed.run(
			params('contact', 'upsert', { workspaceId: 'ws_missing' }),
			items([{ email: 'a@example.com' }, { email: 'b@example.com' }]),
			{ onError: 'continueRegularOutput' },
		);
		const out = result.outputs[0].map((item) => item.json);
		expect(out.map((json) => json.status)).toEqual(['failed', 'failed']);
		expect(out[0].errorCode).toBe('WORKSPACE_ACCESS');
		expect(String(out[0].errorMessage)).toMatch(/workspace not found/);
		// The first answer aborts the run: at most the requests already in flight were sent.
		expect(bed.requests('/api/contacts.upsert').length).toBeLessThanOrEqual(2);
		expect(bed.requests('/api/contacts.upsert').every((entry) => entry.status === 400)).toBe(true);
	});
});
