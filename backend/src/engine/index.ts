export * from './decimal';
export * from './units';
export * from './weights';
export * from './plates';
export * from './progression';
export * from './workout-generation';
export * from './completion';
export * from './quick-entry';
