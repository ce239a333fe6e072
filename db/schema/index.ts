export * from './tenants';
export * from './phone';
export * from './groups';
export * from './connectors';
export * from './rate-counters';
