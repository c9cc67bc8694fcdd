import { NodeConnectionTypes, sleep, type IExecuteFunctions, type IN8nHttpFullResponse, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { readEmail } from '../../nodes/shared/email';

import { RECIPES, type Recipe } from './recipes';

/** The full type name the bench's harness registers the reference node under. */
export const REFERENCE_NODE_TYPE = 'benchReference.contactSender';

const MAX_TRIES = 5;

/**
 * The honest floor for our nodes: what any bulk sender must do and nothing more. Reads the items,
 * checks and de-duplicates emails (the same readEmail as ours), builds each contact, serialises it
 * once, sends the bodies in the provider's batch size through n8n's httpRequestWithAuthentication
 * with the same concurrency and pacing, and emits one paired item per input. It has no options, no
 * per-contact verdicts from the answer, no retries beyond a 429.
 */
export class ReferenceContactSender implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bench Reference Sender',
		name: 'contactSender',
		group: ['output'],
		version: 1,
		description: 'The benchmark reference sender',
		defaults: { name: 'Reference' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'autoSendApi', required: false },
			{ name: 'notifuseApi', required: false },
			{ name: 'sendGridMarketingApi', required: false },
		],
		properties: [
			{ displayName: 'Recipe', name: 'recipe', type: 'string', default: '' },
			{ displayName: 'Unpaced', name: 'unpaced', type: 'boolean', default: false },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const recipe: Recipe | undefined = RECIPES[this.getNodeParameter('recipe', 0) as string];
		if (!recipe) throw new Error('unknown recipe');
		const base = recipe.baseUrl(await this.getCredentials(recipe.credential));
		const fields = (await recipe.setup?.(this, base, recipe.credential)) ?? new Map<string, string>();
		const items = this.getInputData();
		const spacingMs = this.getNodeParameter('unpaced', 0, false) ? 0 : recipe.spacingMs;

		// slot[i]: the unique contact item i stands for, or -1 when its email is unusable.
		const slot = new Int32Array(items.length);
		const emails: string[] = [];
		const contacts: unknown[] = [];
		const byEmail = new Map<string, number>();
		const problems = new Map<number, string>();
		for (let i = 0; i < items.length; i++) {
			const json = items[i].json;
			const read = readEmail(json.email);
			if ('problem' in read) {
				slot[i] = -1;
				problems.set(i, `email ${read.problem}`);
				continue;
			}
			const contact = recipe.contact(json, read.email, fields);
			const seen = byEmail.get(read.email);
			if (seen === undefined) {
				byEmail.set(read.email, contacts.length);
				slot[i] = contacts.length;
				emails.push(read.email);
				contacts.push(contact);
			} else {
				slot[i] = seen;
				contacts[seen] = recipe.merge(contacts[seen], contact);
			}
		}

		// Batches by count and bytes; each contact serialised once, the text dropped once its request settles.
		const batches: Array<{ from: number; to: number; parts: string[] }> = [];
		const envelopeBytes = Buffer.byteLength(recipe.envelope.before) + Buffer.byteLength(recipe.envelope.after);
		let parts: string[] = [];
		let from = 0;
		let bytes = envelopeBytes;
		for (let c = 0; c < contacts.length; c++) {
			const json = JSON.stringify(contacts[c]);
			const size = Buffer.byteLength(json) + (parts.length > 0 ? 1 : 0);
			if (parts.length > 0 && (parts.length >= recipe.maxContacts || bytes + size > (recipe.maxBytes ?? Infinity))) {
				batches.push({ from, to: c, parts });
				parts = [];
				from = c;
				bytes = envelopeBytes;
			}
			bytes += parts.length > 0 ? 1 + Buffer.byteLength(json) : Buffer.byteLength(json);
			parts.push(json);
		}
		if (parts.length > 0) batches.push({ from, to: contacts.length, parts });

		const outcome: string[] = new Array(contacts.length);
		let next = 0;
		let lastStart = 0;
		const send = async (batch: (typeof batches)[number]) => {
			for (let attempt = 1; ; attempt++) {
				const wait = lastStart + spacingMs - Date.now();
				lastStart = Math.max(Date.now(), lastStart + spacingMs);
				if (wait > 0) await sleep(wait);
				const body = Buffer.from(recipe.envelope.before + batch.parts.join(',') + recipe.envelope.after, 'utf8');
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, recipe.credential, {
					method: recipe.method,
					url: `${base}${recipe.path}`,
					body,
					headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
				})) as IN8nHttpFullResponse;
				if (response.statusCode === 429 && attempt < MAX_TRIES) {
					await sleep(1000);
					continue;
				}
				const status = response.statusCode >= 200 && response.statusCode < 300 ? recipe.status : 'failed';
				for (let c = batch.from; c < batch.to; c++) outcome[c] = status;
				batch.parts = [];
				return;
			}
		};
		const worker = async () => {
			while (next < batches.length) await send(batches[next++]);
		};
		await Promise.all(Array.from({ length: Math.min(recipe.concurrency, batches.length) }, worker));

		return [
			items.map((_item, i) =>
				slot[i] < 0
					? { json: { status: 'invalid', errorMessage: problems.get(i) }, pairedItem: { item: i } }
					: { json: { email: emails[slot[i]], status: outcome[slot[i]] }, pairedItem: { item: i } },
			),
		];
	}
}
