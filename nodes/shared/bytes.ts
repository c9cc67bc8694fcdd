/** UTF-8 byte length of a string without allocating a buffer (linear, no Node built-ins). */
const NON_ASCII = /[\u0080-\uffff]/;

export function utf8Length(text: string): number {
	// Most contact JSON is ASCII, where bytes equal UTF-16 code units; the regex scan is native.
	if (!NON_ASCII.test(text)) return text.length;
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				bytes += 4;
				i++;
			} else bytes += 3;
		} else bytes += 3;
	}
	return bytes;
}
