import { singleContactOperation } from '../singleContact';

/** POST /contacts/email: create or update by email. AutoSend does not say which happened, so the status is 'upserted'. */
export const { description, build } = singleContactOperation({
	operation: 'upsert',
	notice: {
		name: 'upsertNotice',
		displayName:
			'One request per contact at 2 requests/second (about 30 minutes for 3,600 contacts). For large syncs without list changes, Bulk Update sends 100 contacts per request.',
	},
	settings: { allowListIds: true, mapperMode: 'upsert' },
	url: '/contacts/email',
	success: 'upserted',
	idempotent: true,
});
