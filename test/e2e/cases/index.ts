import type { E2eCase, Emulators } from '../types';
import { autoSendCases } from './autosend';
import { exampleCases } from './examples';
import { notifuseCases } from './notifuse';

export function allCases(_emulators: Emulators): E2eCase[] {
	return [...autoSendCases(), ...notifuseCases(), ...exampleCases()];
}
