import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { itemEmailProperty } from '../../../shared/contactInput/properties';
import { optionsCollection } from '../../../shared/options';
import { BY_EMAIL_DEFAULTS } from '../../limits';

/** Get and Delete: one email per item, a hint, and the delivery options; scoped to the operation. */
export function byEmailDescription(operation: string, emailText: string, notice: string): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['contact'], operation: [operation] } }, [
		itemEmailProperty(emailText),
		{ displayName: notice, name: `${operation}Notice`, type: 'notice', default: '' },
		optionsCollection(BY_EMAIL_DEFAULTS),
	]);
}

/** Both routes answer a missing contact 404 `{"error":"Contact not found"}` (internal/http/contact_handler.go). */
export const CONTACT_NOT_FOUND = /contact not found/i;
