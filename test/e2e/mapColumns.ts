/** Map Columns (`defineBelow`) as the editor saves it: each column's value and the schema entry with its declared type. */
export type MappedColumn = [id: string, type: 'string' | 'number' | 'boolean' | 'dateTime', value: string];

export function mapColumns(columns: MappedColumn[]) {
	return {
		fieldsInput: 'columns',
		columns: {
			mappingMode: 'defineBelow',
			value: Object.fromEntries(columns.map(([id, , value]) => [id, value])),
			matchingColumns: ['email'],
			schema: columns.map(([id, type]) => ({ id, displayName: id, required: id === 'email', defaultMatch: id === 'email', canBeUsedToMatch: id === 'email', display: true, type })),
			attemptToConvertTypes: false,
			convertFieldsToString: false,
		},
	};
}
