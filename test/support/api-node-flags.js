// The Node flags the API runs with, as `npm run start:prod` gives them: package.json is their
// one place, and every launcher of the tests and benchmarks takes them from here.
const { scripts } = require('../../package.json');

exports.API_NODE_FLAGS = scripts['start:prod'].split(/\s+/).filter((word) => word.startsWith('--'));
