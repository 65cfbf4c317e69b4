export { submitDocuments } from './run.js'
export { submitSummary, outcomesJson, annotateRejections } from './summary.js'
