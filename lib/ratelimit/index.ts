export * from './budgets';
export {
  assertCredentialBudget,
  auditCredentialFailure,
  recordCredentialFailure,
  countAuthenticatedCall,
  firstThisMinute,
  startRateCounterSweep,
  type FailureContext,
} from './failures';
