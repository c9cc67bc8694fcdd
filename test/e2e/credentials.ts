import { postgresCredential, postgresFromEnv } from './postgres';
import type { Emulators } from './types';

/** Credential ids the e2e workflows reference; the data is imported unencrypted and n8n encrypts it. */
export const CREDENTIAL = {
	autosend: { id: 'e2eAutoSendKey01', name: 'AutoSend (emulator)' },
	autosendWrongKey: { id: 'e2eAutoSendBad01', name: 'AutoSend (wrong key)' },
	notifuse: { id: 'e2eNotifuseKey01', name: 'Notifuse (emulator)' },
	sendgrid: { id: 'e2eSendGridKey01', name: 'SendGrid (emulator)' },
	sendgridWrongKey: { id: 'e2eSendGridBad01', name: 'SendGrid (wrong key)' },
};

export function credentialsFor(emulators: Emulators) {
	const postgres = postgresFromEnv();
	return [
		...(postgres ? [postgresCredential(postgres)] : []),
		{ ...CREDENTIAL.autosend, type: 'autoSendApi', data: { apiKey: 'emulator-key', baseUrl: emulators.autosend.credentialBaseUrl } },
		{ ...CREDENTIAL.autosendWrongKey, type: 'autoSendApi', data: { apiKey: 'AS_wrong', baseUrl: emulators.autosend.credentialBaseUrl } },
		{
			...CREDENTIAL.notifuse,
			type: 'notifuseApi',
			data: { apiKey: 'emulator-key', baseUrl: emulators.notifuse.credentialBaseUrl, workspaceId: 'ws_demo' },
		},
		{
			...CREDENTIAL.sendgrid,
			type: 'sendGridMarketingApi',
			data: { apiKey: 'emulator-key', region: 'custom', baseUrl: emulators.sendgrid.credentialBaseUrl },
		},
		{
			...CREDENTIAL.sendgridWrongKey,
			type: 'sendGridMarketingApi',
			data: { apiKey: 'SG.wrong', region: 'custom', baseUrl: emulators.sendgrid.credentialBaseUrl },
		},
	];
}

export const credentialRef = (key: keyof typeof CREDENTIAL, type: string) => ({ [type]: CREDENTIAL[key] });
