/// <reference types="node" />
// Guards the rule that every word on screen comes from en.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import { findLiterals, findProseInScript } from './literals';
import { lookup } from './index';

const SRC = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string, extensions: string[]): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'wailsjs' || entry.name === 'node_modules') continue;
      files.push(...sourceFiles(path, extensions));
    } else if (extensions.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.test.ts')) {
      files.push(path);
    }
  }
  return files;
}

function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

const components = sourceFiles(SRC, ['.svelte']);
const code = sourceFiles(SRC, ['.svelte', '.ts']);

describe('the literal-text scanner', () => {
  it('notices words in text, readable attributes and string expressions', () => {
    const found = findLiterals(
      '<script lang="ts">let a = "not markup";</script>' +
        '<p class="word" title="Hi there">Hello {name}</p>' +
        '<input placeholder={"Type here"} aria-label={label} />' +
        '{#if x}<span>{"Shown"}</span>{/if}<style>p { color: red; }</style>',
    );
    expect(found.map((f) => `${f.where}:${f.text}`)).toEqual([
      'title:Hi there',
      'text:Hello',
      'placeholder:Type here',
      'text:Shown',
    ]);
  });

  it('accepts punctuation, numbers and t() calls', () => {
    expect(findLiterals('<p title={t("a.b")}>{t("a.b")} · 2 – {n}</p>')).toEqual([]);
  });

  it('notices words chosen by a condition, in text and in attributes', () => {
    const found = findLiterals(
      '<button aria-label={open ? "Close" : t("a.b")}>{busy ? t("a.c") : "Save now"}</button>' +
        '<p title={name || "Untitled"}>{a && b}</p>',
    );
    expect(found.map((f) => `${f.where}:${f.text}`)).toEqual(['aria-label:Close', 'text:Save now', 'title:Untitled']);
  });
});

describe('the sentence scanner for TypeScript modules', () => {
  it('notices sentences in string literals, not in comments, keys, selectors or developer errors', () => {
    const found = findProseInScript(
      [
        '// A comment with words in it.',
        "export const label = 'Back up now';",
        'const sel = \'[data-testid="row"] button\';',
        "const key = t('backup.now');",
        "throw new Error('useAppState() called outside the app');",
        'const msg = `Saved ${n} clients`;',
        "const css = 'a b';",
      ].join('\n'),
    );
    expect(found.map((f) => `${f.line}:${f.text}`)).toEqual(['2:Back up now', '6:Saved   clients']);
  });
});

describe('TypeScript modules the screens use', () => {
  // selftest.ts types sample words into the page itself; they are test input, not UI text.
  const modules = sourceFiles(SRC, ['.ts']).filter(
    (file) => !file.includes(`${join('lib', 'i18n')}`) && !file.endsWith('selftest.ts') && !file.endsWith('.d.ts'),
  );
  for (const file of modules) {
    it(`${relative(SRC, file)} has no sentence that belongs in en.json`, () => {
      const prose = findProseInScript(readFileSync(file, 'utf8'), file);
      expect(prose.map((l) => `line ${l.line}: ${l.text}`)).toEqual([]);
    });
  }
});

describe('components', () => {
  it('are found', () => {
    expect(components.length).toBeGreaterThan(5);
  });

  for (const file of components) {
    it(`${relative(SRC, file)} has no literal user-facing text`, () => {
      const literals = findLiterals(readFileSync(file, 'utf8'));
      expect(literals.map((l) => `line ${l.line} (${l.where}): ${l.text}`)).toEqual([]);
    });
  }
});

describe('en.json', () => {
  const callPattern = /\btn?\(\s*(['"])([^'"]+)\1/g;
  const dynamicPattern = /\btn?\(\s*`/;

  it('has every key the source passes to t() and tn()', () => {
    const missing: string[] = [];
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(callPattern)) {
        const key = match[2];
        const isPlural = match[0].startsWith('tn');
        const ok = isPlural
          ? lookup(en, `${key}.one`) !== undefined && lookup(en, `${key}.other`) !== undefined
          : lookup(en, key) !== undefined;
        if (!ok) missing.push(`${relative(SRC, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is never indexed with a template string (keys must be findable)', () => {
    const offenders = code
      .filter((file) => !file.endsWith(join('i18n', 'index.ts')))
      .filter((file) => dynamicPattern.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });

  it('has no unused keys', () => {
    const everything = code.map((file) => readFileSync(file, 'utf8')).join('\n');
    const unused = leafKeys(en).filter((key) => {
      const pluralBase = key.replace(/\.(one|other)$/, '');
      return ![key, pluralBase].some((k) => everything.includes(`'${k}'`) || everything.includes(`"${k}"`));
    });
    expect(unused).toEqual([]);
  });
});
