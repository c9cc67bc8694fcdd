// The offline legs of n8n's community-package scanner (@n8n/scan-community-package), the check n8n runs
// before it lists or verifies a package: its ESLint rules over the sources it reads from the provenance
// checkout (package.json and {nodes,credentials}/**) and over the packed tarball exactly as npm would
// publish it. The scanner's registry and provenance look-ups need a published version, so they are not run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function packTarball() {
	const folder = mkdtempSync(join(tmpdir(), 'contact-sync-scan-'));
	execFileSync('npm', ['pack', '--silent', '--pack-destination', folder], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = readdirSync(folder).find((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack produced no tarball');
	const unpacked = join(folder, 'package');
	mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', join(folder, tarball), '--strip-components=1', '-C', unpacked]);
	return { folder, unpacked };
}

let failed = false;
const report = (leg, result) => {
	console.log(`scanner ${leg}: ${result.passed ? 'passed' : `FAILED (${result.message})`}`);
	if (!result.passed) {
		failed = true;
		if (result.details) console.log(result.details);
	}
};

report('source leg (package.json, nodes/, credentials/)', await analyzePackage(root, SOURCE_FILE_PATTERNS));
const { folder, unpacked } = packTarball();
try {
	report('tarball leg (the packed package)', await analyzePackage(unpacked));
} finally {
	rmSync(folder, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
