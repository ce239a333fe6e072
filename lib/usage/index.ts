export { countUsage, flushUsage, startUsageSweep } from './counter';
export { usageSeries, weeklyCalls, type UsagePoint } from './reads';
