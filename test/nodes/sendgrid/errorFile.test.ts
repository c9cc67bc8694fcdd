import { clip, parseCsv, parseErrorFile } from '../../../nodes/SendGrid/errorFile';

/**
 * The errors file's layout is undocumented (providers.md §3.4, §5; SendGrid says it holds "the email
 * addresses and error reasons"): every plausible CSV / JSON reading must give the same rows.
 */
describe('SendGrid errors file reader', () => {
	it('parses RFC 4180 CSV: quoted delimiters, doubled quotes, line breaks inside quotes, CRLF and LF, a trailing line end', () => {
		expect(parseCsv('a,b\r\n"x, y","say ""hi""\r\nthere"\nlast,\n')).toEqual([
			['a', 'b'],
			['x, y', 'say "hi"\r\nthere'],
			['last', ''],
		]);
	});

	it('finds the email and reason columns by name in any order, ignoring extra columns and a BOM', () => {
		const text = '\uFEFFRow Number,Reason,Something Else,Email Address\r\n2,"bad, ""really"" bad",x,Ana@Example.com\r\n';
		expect(parseErrorFile(text)).toEqual({ ok: true, entries: [{ email: 'ana@example.com', identifiers: {}, reason: 'bad, "really" bad' }] });
	});

	it('prefers the exact "email" column over alternate_emails, reads identifier columns, and takes semicolons', () => {
		const text = 'alternate_emails;email;external_id;error_message\nold@x.com;b@x.com;crm-7;nope\n;;crm-8;also\n';
		expect(parseErrorFile(text)).toEqual({
			ok: true,
			entries: [
				{ email: 'b@x.com', identifiers: { external_id: 'crm-7' }, reason: 'nope' },
				{ identifiers: { external_id: 'crm-8' }, reason: 'also' },
			],
		});
	});

	it('reads the JSON shape, also as a top-level list', () => {
		const entry = { row: 1, email: 'A@x.com', external_id: null, error: 'bad' };
		const expected = { ok: true, entries: [{ email: 'a@x.com', identifiers: {}, reason: 'bad' }] };
		expect(parseErrorFile(JSON.stringify({ job_id: 'j', errors: [entry] }))).toEqual(expected);
		expect(parseErrorFile(JSON.stringify([entry]))).toEqual(expected);
	});

	it('calls a file without an identifier column, HTML, or broken JSON unreadable instead of guessing', () => {
		expect(parseErrorFile('row,error\n1,bad\n')).toMatchObject({ ok: false, problem: expect.stringMatching(/no email or identifier column/) });
		expect(parseErrorFile('<html><body>Sign in</body></html>')).toMatchObject({ ok: false });
		expect(parseErrorFile('{"errors": [')).toMatchObject({ ok: false });
		expect(parseErrorFile('{"message": "expired"}')).toMatchObject({ ok: false });
	});

	it('an empty file or a header only lists nobody', () => {
		expect(parseErrorFile('')).toEqual({ ok: true, entries: [] });
		expect(parseErrorFile('email,error\r\n')).toEqual({ ok: true, entries: [] });
	});

	it('clips long provider text to 500 characters', () => {
		expect(clip('x'.repeat(501))).toHaveLength(500);
		expect(clip('short')).toBe('short');
	});
});
