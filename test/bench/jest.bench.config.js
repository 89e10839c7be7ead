// Runs the benchmark specs of test/bench (never part of `npm test`).
const base = require('../../jest.config.js');
const e2e = base.projects.find((p) => p.displayName === 'e2e');
module.exports = {
  ...e2e,
  displayName: 'bench',
  testMatch: ['<rootDir>/test/bench/**/*.bench-spec.ts'],
};
