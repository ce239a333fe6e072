import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { twMerge } from 'tailwind-merge';
import { describe, expect, it } from 'vitest';
import { mergeClasses } from './class-merge';

/** Every class written in a string literal of components/ and app/ (className, cn(), cva variants). */
function classesInCode(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name))
        for (const [, text] of Array.from(readFileSync(p, 'utf8').matchAll(/'([^'\n]*)'|"([^"\n]*)"/g), (m) => [m[0], m[1] ?? m[2] ?? ''] as const))
          if (/^[\w\s:[\]()/.%!&*>=#,-]+$/.test(text) && /[a-z]-|^(flex|grid|hidden|block)$/.test(text)) for (const c of text.split(/\s+/)) if (c) found.add(c);
    }
  };
  walk(path.resolve('components'));
  walk(path.resolve('app'));
  return [...found];
}

describe('mergeClasses', () => {
  it('keeps the later class of a kind, under the same variants', () => {
    expect(mergeClasses('px-2 py-1 px-4')).toBe('py-1 px-4');
    expect(mergeClasses('px-2 p-4')).toBe('p-4');
    expect(mergeClasses('p-4 px-2')).toBe('p-4 px-2');
    expect(mergeClasses('text-sm text-muted-foreground text-lg')).toBe('text-muted-foreground text-lg');
    expect(mergeClasses('hover:bg-muted bg-card hover:bg-primary')).toBe('bg-card hover:bg-primary');
    expect(mergeClasses('rounded-md border border-border rounded-full')).toBe('border border-border rounded-full');
    expect(mergeClasses('flex hidden md:flex')).toBe('hidden md:flex');
    expect(mergeClasses('my-class other')).toBe('my-class other');
  });

  it('gives tailwind-merge’s answer for every pair of classes the code base writes', () => {
    const classes = classesInCode();
    expect(classes.length).toBeGreaterThan(300);
    const differ: string[] = [];
    for (const a of classes)
      for (const b of classes) {
        const input = `${a} ${b}`;
        if (mergeClasses(input) !== twMerge(input)) differ.push(`${input} → ${mergeClasses(input)} (tailwind-merge: ${twMerge(input)})`);
      }
    expect(differ.slice(0, 40)).toEqual([]);
  });
});
