export * from './budgets';
export {
  assertCredentialBudget,
  auditCredentialFailure,
  recordCredentialFailure,
  countAuthenticatedCall,
  startRateCounterSweep,
  type FailureContext,
} from './failures';
