import 'server-only';
import { getPool } from '@/db';

export interface UsagePoint {
  /** start of the hour or day, ISO (UTC) */
  at: string;
  calls: number;
  clientErrors: number;
  throttled: number;
  serverErrors: number;
}

/** The last `points` hours or days up to the current one (UTC), empty buckets as zeros: 168 hours, 90 days, 7 days. */
const SERIES_SQL = `WITH buckets AS (
    SELECT generate_series(date_trunc($2, now()) - ($3::int - 1) * ('1 ' || $2)::interval, date_trunc($2, now()), ('1 ' || $2)::interval) AS at
  ), used AS (
    SELECT date_trunc($2, hour) AS at, sum(calls)::int AS calls, sum(client_errors)::int AS c4, sum(throttled)::int AS c429, sum(server_errors)::int AS c5
    FROM connector_usage WHERE connector_id = $1 AND hour >= date_trunc($2, now()) - ($3::int - 1) * ('1 ' || $2)::interval
    GROUP BY 1
  )
  SELECT to_char(b.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, coalesce(u.calls, 0) AS calls, coalesce(u.c4, 0) AS "clientErrors",
    coalesce(u.c429, 0) AS throttled, coalesce(u.c5, 0) AS "serverErrors"
  FROM buckets b LEFT JOIN used u ON u.at = b.at ORDER BY b.at`;

export async function usageSeries(connectorId: string, unit: 'hour' | 'day', points: number): Promise<UsagePoint[]> {
  const { rows } = await getPool().query<UsagePoint>({ name: 'usage_series_v1', text: SERIES_SQL, values: [connectorId, unit, points] });
  return rows;
}

/** Calls per day over the last 7 days for each connector of a list page (sparklines): one statement. */
const SPARK_SQL = `SELECT c.id, array_agg(coalesce(u.calls, 0) ORDER BY d.at) AS calls
  FROM unnest($1::uuid[]) AS c(id)
  CROSS JOIN generate_series(date_trunc('day', now()) - interval '6 days', date_trunc('day', now()), interval '1 day') AS d(at)
  LEFT JOIN LATERAL (
    SELECT sum(calls)::int AS calls FROM connector_usage WHERE connector_id = c.id AND hour >= d.at AND hour < d.at + interval '1 day'
  ) u ON true
  GROUP BY c.id`;

export async function weeklyCalls(connectorIds: string[]): Promise<Map<string, number[]>> {
  if (!connectorIds.length) return new Map();
  const { rows } = await getPool().query<{ id: string; calls: number[] }>({ name: 'usage_spark_v1', text: SPARK_SQL, values: [connectorIds] });
  return new Map(rows.map((r) => [r.id, r.calls]));
}
