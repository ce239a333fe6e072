export * from './budgets';
export { assertCredentialBudget, auditCredentialFailure, recordCredentialFailure, startRateCounterSweep, type FailureContext } from './failures';
