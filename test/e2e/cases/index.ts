import type { E2eCase, Emulators } from '../types';
import { autoSendCases } from './autosend';
import { exampleCases } from './examples';
import { getDeleteCases } from './getDelete';
import { notifuseCases } from './notifuse';
import { sendGridCases } from './sendgrid';

export function allCases(_emulators: Emulators): E2eCase[] {
	return [...autoSendCases(), ...notifuseCases(), ...sendGridCases(), ...getDeleteCases(), ...exampleCases()];
}
