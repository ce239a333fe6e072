import 'server-only';
import { db } from '@/db';
import type { Actor } from '@/lib/authz';
import { isAuditAction, type ActionLabeler } from './actions';
import { AUDIT_CSV_HEADER, auditCsvLine, csvLine } from './csv';
import { recordAudit } from './record';
import { auditEventBatches } from './queries';
import type { AuditFilter } from './schemas';

/**
 * The filtered audit log as a CSV byte stream. The machine columns (`action`, `outcome`, the header row) are
 * always the same; `label` gives the human label of the `action_label` column in the reader's language (default:
 * English, lib/audit/actions.ts), which the free-text search matches too, as on the page. The stream is read in batches of 1,000 along the paging index as the
 * client takes them (backpressure: the next batch is read only when the previous one was pulled). The
 * export itself is audited (with its filters) before the first row.
 */
export async function auditCsvStream(actor: Actor, filter: AuditFilter, ip: string | null, label?: ActionLabeler): Promise<ReadableStream<Uint8Array>> {
  await recordAudit(db, {
    tenantId: actor.tenantId,
    actorUserId: actor.id,
    action: 'audit.exported',
    targetType: 'audit_log',
    targetId: null,
    ip,
    metadata: { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== '')) },
  });
  const encoder = new TextEncoder();
  const batches = auditEventBatches(actor, filter, label);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(AUDIT_CSV_HEADER)}`));
        return;
      }
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const rows = label ? next.value.map((r) => (isAuditAction(r.action) ? { ...r, actionLabel: label(r.action) } : r)) : next.value;
      controller.enqueue(encoder.encode(rows.map(auditCsvLine).join('')));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
