import { z } from 'zod';
import { isAuditAction, type AuditAction } from './actions';

const day = /^\d{4}-\d{2}-\d{2}$/;
const text = (max: number) => z.string().trim().max(max).catch('');

/** The audit log's URL state: filters, search, sort and cursor (parsed once, on the server). */
export const auditQuerySchema = z.object({
  /** actor's name or email, or the acting connector's name (contains) */
  actor: text(120),
  action: z
    .string()
    .refine((v): v is AuditAction | '' => v === '' || isAuditAction(v))
    .catch(''),
  /** target's id, or the name of the connector / group it is (contains) */
  target: text(200),
  /** UTC days, inclusive */
  from: z.string().regex(day).catch(''),
  to: z.string().regex(day).catch(''),
  q: text(200),
  sort: z.enum(['newest', 'oldest']).catch('newest'),
  after: text(400),
  before: text(400),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
/** The filter part of the query (what the CSV export takes). */
export type AuditFilter = Omit<AuditQuery, 'after' | 'before'>;

/** The filters of a query, without its cursors. */
export function auditFilterOf(q: AuditQuery): AuditFilter {
  return { actor: q.actor, action: q.action, target: q.target, from: q.from, to: q.to, q: q.q, sort: q.sort };
}
