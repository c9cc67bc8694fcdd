/**
 * 24-hex ids shaped like MongoDB ObjectIds (AutoSend's ids look like them): seconds, then a
 * per-generator random part, then a counter, so ids are unique and sort by creation.
 */
export class ObjectIdGenerator {
	private counter = 0;
	private readonly machine = Math.floor(Math.random() * 0xffffffffff)
		.toString(16)
		.padStart(10, '0');

	next(now = Date.now()): string {
		const seconds = Math.floor(now / 1000).toString(16).padStart(8, '0');
		this.counter = (this.counter + 1) % 0xffffff;
		return seconds + this.machine + this.counter.toString(16).padStart(6, '0');
	}
}

export function isObjectId(value: unknown): value is string {
	return typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value);
}
