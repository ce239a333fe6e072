import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionLabel } from './actions';
import { csvField, csvLine } from './csv';

describe('audit CSV', () => {
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
  });

  it('never lets a spreadsheet run a cell as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1 425')).toBe("'+1 425");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('gives every action a readable label', () => {
    for (const a of AUDIT_ACTIONS) expect(auditActionLabel(a)).not.toBe(a);
    expect(auditActionLabel('something.unknown')).toBe('something.unknown');
  });
});
