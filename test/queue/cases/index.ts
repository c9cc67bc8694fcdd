import type { QueueCase } from '../types';
import { bulkOperationsCase } from './bulkOperations';

/** In run order; the worker-kill case goes last because it leaves one worker. */
export function queueCases(): QueueCase[] {
	return [bulkOperationsCase];
}
