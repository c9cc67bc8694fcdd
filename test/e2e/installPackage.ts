import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Packs the package exactly as npm would publish it and unpacks it where n8n looks for installed
 * community packages, so the suite tests the tarball users get, not the working tree. A given tarball
 * (E2E_TARBALL, e.g. a release candidate) is installed instead of packing the working tree.
 */
export function installPackedPackage(packageDir: string, userFolder: string, packageName: string, tarball = packTarball(packageDir)): string {
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', packageName);
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '--strip-components=1', '-C', target]);
	return tarball;
}

function packTarball(packageDir: string): string {
	const packDir = mkdtempSync(join(tmpdir(), 'contact-sync-pack-'));
	execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: packageDir, stdio: 'pipe' });
	const tarball = readdirSync(packDir).find((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack produced no tarball');
	return join(packDir, tarball);
}
