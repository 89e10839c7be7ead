// The framework-free domain rules of Thi đua: scoring (SPEC §4), periods (§3), rankings and
// roll-ups (§6), exemplary candidates (§7). Pure functions only: no I/O, no dependencies.

export * from './decimal';
export * from './scoring';
export * from './criteria-definition';
export * from './periods';
export * from './ranking';
export * from './rollup';
export * from './candidates';
