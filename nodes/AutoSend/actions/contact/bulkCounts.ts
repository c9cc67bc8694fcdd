import type { BulkUpdateCounts } from '../../schemas';

const isCount = (value: number | undefined): boolean => value === undefined || (Number.isInteger(value) && value >= 0);

/**
 * Why bulk-update's counts cannot be trusted for a request of `sent` contacts, or undefined when they
 * add up (success + failed = total = contacts sent). The docs show only `{1, 0, 1}`; any other sum is
 * read as an answer that says nothing reliable about which contacts were stored.
 */
export function countsProblem(counts: BulkUpdateCounts | undefined, sent: number): string | undefined {
	if (!counts) return `AutoSend answered without the successCount/failedCount/totalCount bulk-update documents`;
	const { successCount: s, failedCount: f, totalCount: t } = counts;
	const adds =
		isCount(s) && isCount(f) && isCount(t) && s + f === (t ?? s + f) && s + f === sent;
	return adds ? undefined : `AutoSend's counts do not add up: ${s} succeeded + ${f} failed, total ${t ?? 'missing'}, for ${sent} contacts sent`;
}
