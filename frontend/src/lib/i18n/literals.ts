// Finds user-facing words written directly in Svelte markup instead of coming from en.json.
// Used by the i18n tests only; never imported by the app.
import { parse } from 'svelte/compiler';

/** Attributes whose values people read or hear. */
const READABLE_ATTRIBUTES = new Set([
  'placeholder',
  'title',
  'alt',
  'label',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
]);

const HAS_LETTER = /\p{L}/u;

export interface Literal {
  /** Where it was found: "text" or the attribute's name. */
  where: string;
  text: string;
  line: number;
}

interface Node {
  type?: string;
  start?: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object';
}

function lineOf(source: string, offset: number | undefined): number {
  if (offset === undefined) return 0;
  return source.slice(0, offset).split('\n').length;
}

function literalString(node: Node): string | undefined {
  if (node.type === 'Text' && typeof node.data === 'string') return node.data;
  if (node.type === 'ExpressionTag' && isNode(node.expression)) {
    const expression = node.expression;
    if (expression.type === 'Literal' && typeof expression.value === 'string') return expression.value;
    if (expression.type === 'TemplateLiteral' && Array.isArray(expression.quasis)) {
      return expression.quasis
        .map((q: unknown) => (isNode(q) && isNode(q.value) ? String(q.value.cooked ?? '') : ''))
        .join(' ');
    }
  }
  return undefined;
}

/** Lists the literal words in a component's markup (scripts and styles are not looked at). */
export function findLiterals(source: string): Literal[] {
  const ast = parse(source, { modern: true });
  const found: Literal[] = [];

  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isNode(value)) return;

    if (value.type === 'Attribute') {
      const name = String(value.name);
      if (READABLE_ATTRIBUTES.has(name)) {
        const parts = Array.isArray(value.value) ? value.value : [value.value];
        for (const part of parts) {
          if (!isNode(part)) continue;
          const text = literalString(part);
          if (text !== undefined && HAS_LETTER.test(text)) {
            found.push({ where: name, text: text.trim(), line: lineOf(source, part.start) });
          }
        }
      }
      return;
    }

    if (value.type === 'Text' || value.type === 'ExpressionTag') {
      const text = literalString(value);
      if (text !== undefined && HAS_LETTER.test(text)) {
        found.push({ where: 'text', text: text.trim(), line: lineOf(source, value.start) });
      }
      return;
    }

    for (const [key, child] of Object.entries(value)) {
      if (key === 'start' || key === 'end' || key === 'loc' || key === 'metadata') continue;
      visit(child);
    }
  };

  visit(ast.fragment);
  return found;
}
