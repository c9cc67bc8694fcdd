/**
 * The providers this package syncs to, for every tool that runs them all (emulator CLI, bench, e2e,
 * demo, reliability targets): one entry per provider. A new provider adds one line to PROVIDERS.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import * as autosend from './emulators/autosend';
import type { FaultConfig, RateLimitConfig, RunningEmulator } from './emulators/common';
import * as notifuse from './emulators/notifuse';
import * as sendgrid from './emulators/sendgrid';

/** Emulator options every provider's emulator takes. */
export interface CommonEmulatorOptions {
	port?: number;
	rateLimit?: RateLimitConfig | false;
	faults?: FaultConfig;
	/** How long asynchronous work (SendGrid's import jobs) takes, where the provider has any. */
	jobDelayMs?: number;
}

export type StartedEmulator = RunningEmulator & { credentialBaseUrl: string };

export interface Provider {
	/** Lower-case key: environment variable suffixes, JSON keys, file names. */
	key: string;
	title: string;
	nodeType: string;
	credentialType: string;
	apiKey: string;
	start(options?: CommonEmulatorOptions): Promise<StartedEmulator>;
	/** The credential that points the node at this emulator. */
	credential(emulator: StartedEmulator, apiKey?: string): ICredentialDataDecryptedObject;
}


function common({ jobDelayMs: _jobDelayMs, ...options }: CommonEmulatorOptions = {}) {
	return options;
}

export const AUTOSEND: Provider = {
	key: 'autosend',
	title: 'AutoSend',
	nodeType: 'autoSend',
	credentialType: 'autoSendApi',
	apiKey: autosend.DEFAULTS.apiKey,
	start: async (options) => await autosend.start(common(options)),
	credential: (emulator, apiKey = autosend.DEFAULTS.apiKey) => ({ baseUrl: emulator.credentialBaseUrl, apiKey, projectId: '' }),
};

export const NOTIFUSE: Provider = {
	key: 'notifuse',
	title: 'Notifuse',
	nodeType: 'notifuse',
	credentialType: 'notifuseApi',
	apiKey: notifuse.DEFAULTS.apiKey,
	start: async (options) => await notifuse.start(common(options)),
	credential: (emulator, apiKey = notifuse.DEFAULTS.apiKey) => ({ baseUrl: emulator.credentialBaseUrl, apiKey, workspaceId: notifuse.DEFAULTS.workspace.id }),
};

export const SENDGRID: Provider = {
	key: 'sendgrid',
	title: 'SendGrid',
	nodeType: 'sendGridContacts',
	credentialType: 'sendGridMarketingApi',
	apiKey: sendgrid.DEFAULTS.apiKey,
	start: async (options = {}) => await sendgrid.start(options),
	credential: (emulator, apiKey = sendgrid.DEFAULTS.apiKey) => ({ apiKey, region: 'custom', baseUrl: emulator.credentialBaseUrl }),
};

export const PROVIDERS: Provider[] = [AUTOSEND, NOTIFUSE, SENDGRID];

/** Starts every provider's emulator; `options(provider)` picks each one's options. */
export async function startAll(options: (provider: Provider) => CommonEmulatorOptions = () => ({})): Promise<Record<string, StartedEmulator>> {
	const running: Record<string, StartedEmulator> = {};
	for (const provider of PROVIDERS) running[provider.key] = await provider.start(options(provider));
	return running;
}
