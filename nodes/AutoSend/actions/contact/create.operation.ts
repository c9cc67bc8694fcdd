import { singleContactOperation } from '../singleContact';

/** POST /contacts, one contact per request. Not idempotent: a request that may have been processed is never resent. */
export const { description, build } = singleContactOperation({
	operation: 'create',
	notice: {
		name: 'createNotice',
		displayName:
			'Create fails for emails that already exist in AutoSend. To sync contacts that may already exist, use Create or Update (one request per contact) or Bulk Update (100 per request).',
	},
	settings: { allowListIds: true, mapperMode: 'add' },
	url: '/contacts',
	success: 'created',
	idempotent: false,
});
