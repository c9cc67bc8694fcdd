import type { E2eCase, Emulators } from '../types';
import { autoSendCases } from './autosend';
import { exampleCases } from './examples';
import { getDeleteCases } from './getDelete';
import { notifuseCases } from './notifuse';
import { sendGridCases } from './sendgrid';
import { skipUnchangedCases } from './skipUnchanged';

export function allCases(_emulators: Emulators): E2eCase[] {
	return [...autoSendCases(), ...notifuseCases(), ...sendGridCases(), ...getDeleteCases(), ...skipUnchangedCases(), ...exampleCases()];
}
