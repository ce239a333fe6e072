export * from './budgets';
export {
  assertCredentialBudget,
  auditCredentialFailure,
  recordCredentialFailure,
  countAuthenticatedCall,
  firstThisMinute,
  ipBlockedHere,
  noteIpFailures,
  startRateCounterSweep,
  type FailureContext,
} from './failures';
export { countInMemory, flush as flushRateCounts } from './memory';
