import type { IDataObject } from 'n8n-workflow';

/**
 * The unavoidable CPU cost of any sender: one JSON.stringify of the same contacts in request-sized
 * bodies. Best of three, so a GC pause does not inflate the floor. process.cpuUsage() is exact here:
 * the loop is the only thing running.
 */
export function floorCpuMs(contacts: IDataObject[], perRequest: number): number {
	let best = Number.POSITIVE_INFINITY;
	for (let round = 0; round < 3; round++) {
		const cpu = process.cpuUsage();
		let bytes = 0;
		for (let from = 0; from < contacts.length; from += perRequest) {
			bytes += JSON.stringify({ contacts: contacts.slice(from, from + perRequest) }).length;
		}
		const used = process.cpuUsage(cpu);
		if (bytes < 0) throw new Error('unreachable: keeps the serialisation from being optimised away');
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	return best;
}
