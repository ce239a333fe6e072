export * from './tenants';
export * from './phone';
export * from './groups';
