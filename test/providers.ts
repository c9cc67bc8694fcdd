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

export interface Provider<K extends string = string, E extends StartedEmulator = StartedEmulator> {
	/** Lower-case key: environment variable suffixes, JSON keys, file names. */
	key: K;
	title: string;
	nodeType: string;
	credentialType: string;
	apiKey: string;
	/** A key of the provider's format that its emulator rejects (401). */
	wrongApiKey: string;
	start(options?: CommonEmulatorOptions): Promise<E>;
	/** The credential that points the node at this emulator. */
	credential(emulator: StartedEmulator, apiKey?: string): ICredentialDataDecryptedObject;
}

/** Keeps each entry's key and emulator type, so the registry can type what iterates it. */
const provider = <K extends string, E extends StartedEmulator>(entry: Provider<K, E>): Provider<K, E> => entry;


function common({ jobDelayMs: _jobDelayMs, ...options }: CommonEmulatorOptions = {}) {
	return options;
}

export const AUTOSEND = provider({
	key: 'autosend',
	title: 'AutoSend',
	nodeType: 'autoSend',
	credentialType: 'autoSendApi',
	apiKey: autosend.DEFAULTS.apiKey,
	wrongApiKey: 'AS_wrong',
	start: async (options) => await autosend.start(common(options)),
	credential: (emulator, apiKey = autosend.DEFAULTS.apiKey) => ({ baseUrl: emulator.credentialBaseUrl, apiKey, projectId: '' }),
});

export const NOTIFUSE = provider({
	key: 'notifuse',
	title: 'Notifuse',
	nodeType: 'notifuse',
	credentialType: 'notifuseApi',
	apiKey: notifuse.DEFAULTS.apiKey,
	wrongApiKey: 'nf_wrong',
	start: async (options) => await notifuse.start(common(options)),
	credential: (emulator, apiKey = notifuse.DEFAULTS.apiKey) => ({ baseUrl: emulator.credentialBaseUrl, apiKey, workspaceId: notifuse.DEFAULTS.workspace.id }),
});

export const SENDGRID = provider({
	key: 'sendgrid',
	title: 'SendGrid',
	nodeType: 'sendGridContacts',
	credentialType: 'sendGridMarketingApi',
	apiKey: sendgrid.DEFAULTS.apiKey,
	wrongApiKey: 'SG.wrong',
	start: async (options = {}) => await sendgrid.start(options),
	credential: (emulator, apiKey = sendgrid.DEFAULTS.apiKey) => ({ apiKey, region: 'custom', baseUrl: emulator.credentialBaseUrl }),
});

export const PROVIDERS = [AUTOSEND, NOTIFUSE, SENDGRID] as const;

type Registered = (typeof PROVIDERS)[number];
export type ProviderKey = Registered['key'];
/** Each provider's running emulator under its key, with its own type (its store, its options). */
export type EmulatorsByKey = { [P in Registered as P['key']]: Awaited<ReturnType<P['start']>> };

/** Starts every provider's emulator, typed per provider; `options(provider)` picks each one's options. */
export async function startEmulators(options: (provider: Provider) => CommonEmulatorOptions = () => ({})): Promise<EmulatorsByKey> {
	return (await startAll(options)) as EmulatorsByKey;
}

/** Starts every provider's emulator; `options(provider)` picks each one's options. */
export async function startAll(options: (provider: Provider) => CommonEmulatorOptions = () => ({})): Promise<Record<string, StartedEmulator>> {
	const running: Record<string, StartedEmulator> = {};
	for (const provider of PROVIDERS) running[provider.key] = await provider.start(options(provider));
	return running;
}
