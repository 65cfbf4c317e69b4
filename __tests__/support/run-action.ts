// The e2e harness lives in tools/action-runner.js, plain JavaScript with JSDoc types, so that
// scripts run by plain `node` (the demo, the benchmark) share it with the tests. This module only
// re-exports it, values and types alike, so tests keep importing '../support/run-action.js'.
export * from '../../tools/action-runner.js'
