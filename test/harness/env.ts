import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * n8n-core reads its instance settings (user folder, encryption key) when first used and would
 * otherwise create ~/.n8n/config. Import this module before anything from n8n-core.
 */
if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'contact-sync-harness-'));
}
process.env.N8N_ENCRYPTION_KEY ??= 'harness-only-encryption-key';
process.env.N8N_LOG_LEVEL ??= 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
