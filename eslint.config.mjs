// n8n's community-node rules (the set n8n's package scanner applies) plus the classic
// eslint-plugin-n8n-nodes-base rules for nodes, credentials and package.json.
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const sources = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default [
	{ ignores: ['node_modules/**', 'dist/**', 'test/**', 'bench/**', 'scripts/**', 'examples/**'] },
	{
		files: sources,
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{ ...communityNodes.configs.recommended, files: [...sources, 'nodes/**/*.json', 'package.json'] },
	// n8n's scanner also fails packages that log to the console.
	{ files: sources, rules: { 'no-console': 'error' } },
	{ files: ['nodes/**/*.json'], languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } } },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These assume the old single-output regular node and numeric limits n8n's own nodes no longer follow.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
];
