export * from './budgets';
export { assertCredentialBudget, auditCredentialFailure, recordCredentialFailure, type FailureContext } from './failures';
