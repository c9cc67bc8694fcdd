import type { QueueCase } from '../types';
import { bulkOperationsCase } from './bulkOperations';
import { cancelCase, killedWorkerCase, retryOnFailCase } from './failures';
import { fanOutCase } from './fanOut';
import { memoryCase } from './memory';
import { postgresExampleCase } from './postgresExample';
import { sameKeyCase } from './sameKey';

/** In run order; the worker-kill case goes last because it leaves one worker. */
export function queueCases(): QueueCase[] {
	return [bulkOperationsCase, postgresExampleCase, sameKeyCase, retryOnFailCase, cancelCase, fanOutCase(), memoryCase, killedWorkerCase];
}
