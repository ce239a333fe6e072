import 'server-only';

export { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel, isAuditAction, type ActionLabeler, type AuditAction } from './actions';
export { recordAudit, recordDenied, type AuditInput, type DeniedEvent } from './record';
export { auditQuerySchema, auditFilterOf, type AuditQuery, type AuditFilter } from './schemas';
export { listAuditEvents, AUDIT_PAGE_SIZE, type AuditRow } from './queries';
export { auditCsvStream } from './export';
