// The tarball leg of n8n's community-package scanner: its rules over the compiled JavaScript that
// ships in dist/ and over the published package.json (run with --no-inline-config, as the scanner does).
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

export default [
	{ ignores: ['node_modules/**'] },
	{ ...communityNodes.configs.recommended, files: ['dist/**/*.js', 'package.json'] },
	{ files: ['dist/**/*.js'], rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		rules: n8nNodesBase.configs.community.rules,
	},
];
