import { postgresCredential, postgresFromEnv } from './postgres';
import { PROVIDERS, type Provider, type ProviderKey } from '../providers';
import type { Emulators } from './types';

type CredentialName = ProviderKey | `${ProviderKey}WrongKey`;
interface CredentialEntry {
	id: string;
	name: string;
}

/** n8n credential ids are 16 characters; `e2e<Title>Key01` / `e2e<Title>Bad01` fit every provider title. */
const idOf = (provider: Provider, suffix: string): string => `e2e${provider.title.replace(/[^A-Za-z]/g, '')}`.slice(0, 11) + suffix;

/** Credential ids the e2e workflows reference: a working and a wrong-key credential per registered provider. */
export const CREDENTIAL = Object.fromEntries(
	PROVIDERS.flatMap((provider) => [
		[provider.key, { id: idOf(provider, 'Key01'), name: `${provider.title} (emulator)` }],
		[`${provider.key}WrongKey`, { id: idOf(provider, 'Bad01'), name: `${provider.title} (wrong key)` }],
	]),
) as Record<CredentialName, CredentialEntry>;

/** The data is imported unencrypted and n8n encrypts it. */
export function credentialsFor(emulators: Emulators) {
	const postgres = postgresFromEnv();
	return [
		...(postgres ? [postgresCredential(postgres)] : []),
		...PROVIDERS.flatMap((provider) => {
			const emulator = emulators[provider.key];
			return [
				{ ...CREDENTIAL[provider.key], type: provider.credentialType, data: provider.credential(emulator) },
				{ ...CREDENTIAL[`${provider.key}WrongKey`], type: provider.credentialType, data: provider.credential(emulator, provider.wrongApiKey) },
			];
		}),
	];
}

export const credentialRef = (key: keyof typeof CREDENTIAL, type: string) => ({ [type]: CREDENTIAL[key] });
