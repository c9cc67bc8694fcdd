export * from './server';
export * from './faults';
export * from './pages';
export * from './rateLimit';
export * from './sink';
