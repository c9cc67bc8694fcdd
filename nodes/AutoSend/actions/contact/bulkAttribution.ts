import type { ContactOutcome } from '../../../shared/types';
import type { AutoSendContact } from '../../contact';
import type { StoredContact } from '../../schemas';

/** What the lookup says about one contact of the request, before any explanation request. */
export type Finding =
	| { kind: 'stored'; id?: string }
	| { kind: 'absent' }
	| { kind: 'different'; id?: string; differences: string[] };

/** Values compare as text, dates as instants: AutoSend may hand a number or date back in its own notation. */
function sameValue(sent: unknown, stored: unknown): boolean {
	if (sent === stored || String(sent) === String(stored)) return true;
	if (typeof sent !== 'string' || typeof stored !== 'string') return false;
	const a = Date.parse(sent);
	return !Number.isNaN(a) && a === Date.parse(stored);
}

function shown(value: unknown): string {
	return value === undefined || value === null ? 'nothing' : JSON.stringify(value);
}

/** The fields that were sent but are not stored as sent ([] = AutoSend holds exactly what was sent). */
export function differences(sent: AutoSendContact, stored: StoredContact): string[] {
	const found: string[] = [];
	for (const field of ['firstName', 'lastName', 'userId'] as const) {
		if (sent[field] !== undefined && !sameValue(sent[field], stored[field])) {
			found.push(`${field} is ${shown(stored[field])}, sent ${shown(sent[field])}`);
		}
	}
	for (const [name, value] of Object.entries(sent.customFields ?? {})) {
		const held = stored.customFields?.[name];
		if (!sameValue(value, held)) found.push(`customFields.${name} is ${shown(held)}, sent ${shown(value)}`);
	}
	return found;
}

export function findingFor(sent: AutoSendContact, stored: StoredContact | undefined): Finding {
	if (!stored) return { kind: 'absent' };
	const diff = differences(sent, stored);
	return diff.length === 0 ? { kind: 'stored', id: stored.id } : { kind: 'different', id: stored.id, differences: diff };
}

export interface Attribution {
	outcome: ContactOutcome;
	/** The contact is known not to hold the values sent, so sending it alone to ask why is worth a request. */
	failed: boolean;
	/** AutoSend already holds the contact (an earlier version of it): resending could start automations again. */
	alreadyStored: boolean;
}

/**
 * Each contact's outcome from what the lookup found and what the counts claimed. A contact stored as
 * sent is upserted whatever the counts said. Otherwise trusted counts (adding up, `failedCount` = F)
 * must account for what is missing: if more contacts are missing or differ than F failed, some of them
 * did succeed (the lookup lagging behind, AutoSend rewriting a value), so those are unknown. Without
 * trusted counts, a contact the lookup cannot find was not stored; one stored with other values is unknown.
 */
export function attribute(findings: Finding[], claim: { failed?: number; why: string }): Attribution[] {
	const absent = findings.filter((f) => f.kind === 'absent').length;
	const different = findings.filter((f) => f.kind === 'different').length;
	const trusted = claim.failed !== undefined;
	const absentProven = !trusted || absent <= (claim.failed ?? 0);
	const differentProven = trusted && absent + different <= (claim.failed ?? 0);
	return findings.map((finding): Attribution => {
		switch (finding.kind) {
			case 'stored':
				return { outcome: { status: 'upserted', id: finding.id }, failed: false, alreadyStored: true };
			case 'absent':
				return absentProven
					? {
							outcome: { status: 'failed', errorCode: 'NOT_STORED', errorMessage: `${claim.why}, and a lookup right after does not find this contact: it was not stored` },
							failed: true,
							alreadyStored: false,
						}
					: {
							outcome: {
								status: 'unknown',
								errorCode: 'NOT_FOUND_YET',
								errorMessage: `${claim.why}, but ${absent} contacts of this request are not found by a lookup right after, more than failed: this one may be stored and not yet visible. Not resent`,
							},
							failed: false,
							alreadyStored: false,
						};
			case 'different': {
				const held = `AutoSend holds this contact, but not as sent (${finding.differences.join('; ')})`;
				return differentProven
					? {
							outcome: { status: 'failed', id: finding.id, errorCode: 'NOT_APPLIED', errorMessage: `${claim.why}: ${held}, so this update was not applied` },
							failed: true,
							alreadyStored: true,
						}
					: {
							outcome: {
								status: 'unknown',
								id: finding.id,
								errorCode: 'STORED_DIFFERENTLY',
								errorMessage: `${claim.why}: ${held}. AutoSend may have changed the value itself, or not applied the update. Not resent`,
							},
							failed: false,
							alreadyStored: true,
						};
			}
		}
	});
}
