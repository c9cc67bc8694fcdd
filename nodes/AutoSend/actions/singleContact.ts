import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/options';
import type { BulkOperation } from '../../shared/router';
import type { ChunkVerdict, ContactOutcome, ContactStatus, HttpResponse } from '../../shared/types';
import { isSuccess, verdictForError, verdictForUnreadable } from '../../shared/verdicts';
import { contactAnswer } from '../schemas';
import type { AutoSendContact } from '../contact';
import { SINGLE_CONTACT_DEFAULTS } from '../limits';
import { autoSendTransport, providerError } from '../transport';

import { contactInputProperties, contactReader, type ContactInputSettings } from './contactInput';

const ALREADY_EXISTS = /already exist/i;

export const ALREADY_EXISTS_MESSAGE =
	'A contact with this email already exists in AutoSend. Create only adds new contacts: use the Create or Update operation to create or update by email.';

/** A contact-level rejection (validation, unknown list): this contact failed, the run goes on. */
function contactRejected(response: HttpResponse): ContactOutcome {
	const error = providerError(response);
	const listMissing = response.status === 404 && /list/i.test(error.message);
	return {
		status: 'failed',
		errorMessage: listMissing ? `${error.message}. Check the List IDs: they must be list IDs (not segment IDs) of this project.` : error.message,
		errorCode: listMissing ? 'LIST_NOT_FOUND' : (error.code ?? `HTTP_${response.status}`),
		errorField: listMissing ? 'listIds' : error.field,
	};
}

/** create and upsert answer the stored contact; failures are about this one contact unless auth/limits say otherwise. */
export function interpretSingleContact(response: HttpResponse, success: ContactStatus): ChunkVerdict {
	if (response.malformed) return verdictForUnreadable(response);
	if (isSuccess(response)) {
		const parsed = contactAnswer.safeParse(response.body);
		return { kind: 'all', outcome: { status: success, id: parsed.success ? parsed.data.data.id : undefined } };
	}
	const error = providerError(response);
	if (success === 'created' && (response.status === 409 || error.code === 'CONTACT_ALREADY_EXISTS' || ALREADY_EXISTS.test(error.message))) {
		return { kind: 'all', outcome: { status: 'failed', errorCode: 'ALREADY_EXISTS', errorField: 'email', errorMessage: ALREADY_EXISTS_MESSAGE } };
	}
	if (response.status === 400 || response.status === 404 || response.status === 422) return { kind: 'all', outcome: contactRejected(response) };
	return verdictForError(response, error);
}

/** Create and Create or Update: one contact per request to `url`, told apart by their success and idempotence. */
export interface SingleContactOperation {
	operation: 'create' | 'upsert';
	notice: { name: string; displayName: string };
	settings: ContactInputSettings;
	url: string;
	success: 'created' | 'upserted';
	/** A create that may have been processed is never resent. */
	idempotent: boolean;
}

export function singleContactOperation(spec: SingleContactOperation) {
	const description = updateDisplayOptions({ show: { resource: ['contact'], operation: [spec.operation] } }, [
		{ ...spec.notice, type: 'notice', default: '' } satisfies INodeProperties,
		...contactInputProperties(spec.settings),
		optionsCollection(SINGLE_CONTACT_DEFAULTS),
	]);
	async function build(this: IExecuteFunctions): Promise<BulkOperation<AutoSendContact>> {
		const read = await contactReader(this, spec.settings);
		return {
			transport: await autoSendTransport(this),
			defaults: SINGLE_CONTACT_DEFAULTS,
			adapter: {
				limits: { maxContacts: 1, idempotent: spec.idempotent },
				envelope: { before: '', after: '' },
				toContact: read,
				async send(chunk, http) {
					return await http.send({ method: 'POST', url: spec.url, body: chunk.body });
				},
				async interpret(_chunk, response) {
					return interpretSingleContact(response, spec.success);
				},
			},
		};
	}
	return { description, build };
}
