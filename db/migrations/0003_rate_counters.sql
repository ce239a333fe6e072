-- Rate-limit counters (kaizala-connectors.md §5.0: 100/min per connector, 300/min per tenant).
-- UNLOGGED: no WAL, so a commit that only bumps counters never waits for a disk flush. A crash may forget
-- a few counts (the table is emptied on crash recovery), never data. Shared by every app instance.
CREATE UNLOGGED TABLE IF NOT EXISTS "rate_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL DEFAULT 0,
	CONSTRAINT "rate_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
