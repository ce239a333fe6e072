-- rate_counters was created UNLOGGED by 0003 (custom SQL); this step only records it in drizzle's schema snapshot.
SELECT 1;
