// Copies what tsc does not emit (icons and codex files) next to the compiled nodes and credentials.
const { src, dest, parallel, task } = require('gulp');

function copyNodeAssets() {
	return src('nodes/**/*.{png,svg,node.json}', { encoding: false }).pipe(dest('dist/nodes'));
}

function copyCredentialAssets() {
	return src('credentials/**/*.{png,svg}', { encoding: false, allowEmpty: true }).pipe(dest('dist/credentials'));
}

task('build:icons', parallel(copyNodeAssets, copyCredentialAssets));
