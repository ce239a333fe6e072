export * from './tenants';
export * from './phone';
export * from './groups';
export * from './connectors';
export * from './grants';
export * from './audit';
export * from './rate-counters';
export * from './idempotency';
