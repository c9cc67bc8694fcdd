/**
 * SendGrid only says an email "is required to be a valid email". This is a deliberately plain
 * check: one @, a non-empty local part, a dotted domain, no whitespace, no empty labels.
 */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function isValidEmail(email: string): boolean {
	return email.length <= 254 && EMAIL_PATTERN.test(email) && !email.includes('..');
}
