import type { EmuRequest, EmuResponse } from '../common';
import { fail } from './errors';
import type { ResolvedOptions } from './options';

export type Access = { kind: 'granted'; canWrite: boolean } | { kind: 'denied'; answer: EmuResponse };

const unauthorized = (message = 'Unauthorized') => fail(401, 'UNAUTHORIZED', message);

/**
 * Checks the bearer key the AutoSend way: project keys work alone, account keys (`ASA_`) need
 * `x-project-id` naming this project.
 */
export function authorize(req: EmuRequest, options: ResolvedOptions, projectId: string): Access {
	const key = req.bearer;
	if (!key) return { kind: 'denied', answer: unauthorized() };
	if (key === options.apiKey) return { kind: 'granted', canWrite: true };
	if (key === options.readOnlyApiKey) return { kind: 'granted', canWrite: false };
	if (key === options.accountApiKey) {
		const header = req.headers['x-project-id'];
		const requested = Array.isArray(header) ? header[0] : header;
		if (!requested) {
			const message = 'x-project-id header is required when using an account API key';
			return {
				kind: 'denied',
				answer:
					options.missingProjectIdStatus === 400
						? fail(400, 'VALIDATION_FAILED', 'Validation failed', [{ field: 'x-project-id', message }])
						: unauthorized(message),
			};
		}
		if (requested !== projectId) {
			return { kind: 'denied', answer: fail(403, 'FORBIDDEN', 'API key does not have access to this project') };
		}
		return { kind: 'granted', canWrite: true };
	}
	return { kind: 'denied', answer: unauthorized() };
}

export const insufficientPermissions = () => fail(403, 'FORBIDDEN', 'Insufficient permissions');
