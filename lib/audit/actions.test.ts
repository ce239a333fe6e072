import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsMatching, AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction } from './actions';

/**
 * Every audited action is shown with a label in the reader's language: `audit.actions.<action>` (nested at the
 * dot: next-intl keys cannot contain one). English here; lib/i18n's catalog test makes every other language have
 * the same keys, so an action added to the union without labels fails in both places.
 */
const english = JSON.parse(readFileSync(path.join(process.cwd(), 'messages/en/audit.json'), 'utf8')) as {
  actions: Record<string, Record<string, unknown>>;
};
const labelOf = (action: string) => {
  const [domain = '', name = ''] = action.split('.');
  return english.actions[domain]?.[name];
};

describe('audit action labels', () => {
  it('every action is `<domain>.<name>` (one level of nesting in the messages)', () => {
    for (const a of AUDIT_ACTIONS) expect(a).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });

  it('every member of the union has an English label under audit.actions, the one the CSV and search use', () => {
    const missing = AUDIT_ACTIONS.filter((a) => typeof labelOf(a) !== 'string');
    expect(missing).toEqual([]);
    for (const a of AUDIT_ACTIONS) expect(labelOf(a), a).toBe(AUDIT_ACTION_LABELS[a]);
  });

  it('has no label for an action that is not in the union', () => {
    const listed = Object.entries(english.actions).flatMap(([domain, names]) => Object.keys(names).map((n) => `${domain}.${n}`));
    expect(listed.filter((a) => !(AUDIT_ACTIONS as string[]).includes(a))).toEqual([]);
  });
});

describe('actionsMatching', () => {
  it('matches names, English labels and, when given, the reader’s labels', () => {
    expect(actionsMatching('connector created')).toEqual(['connector.created']);
    expect(actionsMatching('Connector erstellt')).toEqual([]);
    const german = (a: AuditAction) => (a === 'connector.created' ? 'Connector erstellt' : a);
    expect(actionsMatching('connector erstellt', german)).toEqual(['connector.created']);
    expect(actionsMatching('webhook.test_sent', german)).toEqual(['webhook.test_sent']);
  });
});
