import type { AuditRow } from './queries';

export const AUDIT_CSV_HEADER = [
  'time_utc',
  'action',
  'action_label',
  'outcome',
  'actor_type',
  'actor',
  'actor_email',
  'via_connector',
  'target_type',
  'target_id',
  'target_name',
  'ip',
  'details',
];

/**
 * One CSV field (RFC 4180): quoted when needed; a leading = + - @ tab or CR gets a ' so a spreadsheet never
 * runs it as a formula (OWASP CSV injection).
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: unknown[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function auditCsvLine(r: Pick<AuditRow, 'at' | 'action' | 'actionLabel' | 'outcome' | 'actor' | 'target' | 'ip' | 'details'>): string {
  return csvLine([
    r.at,
    r.action,
    r.actionLabel,
    r.outcome,
    r.actor.kind,
    r.actor.name,
    r.actor.email,
    r.actor.viaConnector,
    r.target.type,
    r.target.id,
    r.target.name,
    r.ip,
    r.details,
  ]);
}
