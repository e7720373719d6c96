// Finds user-facing words written directly in Svelte markup instead of coming from en.json.
// Used by the i18n tests only; never imported by the app.
import { parse } from 'svelte/compiler';
import ts from 'typescript';

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

/**
 * The words an expression shows when it is a string, a template, or a choice between them
 * (`cond ? 'Open' : 'Closed'`, `label || 'Untitled'`); the condition itself is not shown.
 */
function expressionString(expression: Node): string | undefined {
  if (expression.type === 'Literal' && typeof expression.value === 'string') return expression.value;
  if (expression.type === 'TemplateLiteral' && Array.isArray(expression.quasis)) {
    return expression.quasis
      .map((q: unknown) => (isNode(q) && isNode(q.value) ? String(q.value.cooked ?? '') : ''))
      .join(' ');
  }
  const branches: unknown[] =
    expression.type === 'ConditionalExpression'
      ? [expression.consequent, expression.alternate]
      : expression.type === 'LogicalExpression'
        ? [expression.left, expression.right]
        : [];
  const words = branches
    .map((b) => (isNode(b) ? expressionString(b) : undefined))
    .filter((w): w is string => w !== undefined && HAS_LETTER.test(w));
  return words.length ? words.join(' / ') : undefined;
}

function literalString(node: Node): string | undefined {
  if (node.type === 'Text' && typeof node.data === 'string') return node.data;
  if (node.type === 'ExpressionTag' && isNode(node.expression)) return expressionString(node.expression);
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

/** A string that reads as words to a person: two words or more, and no markup or selector signs. */
const PROSE = /\p{L}{2,}[\s\u00a0]+\p{L}/u;
const CODE_SIGNS = /[[\]{}<>=#$]|^\s*[.:]|\b(?:data|aria)-/;

/**
 * Lists sentences written as string literals in a TypeScript module (comments are not looked
 * at): words a person would read, which belong in en.json. Developer messages passed to
 * `new Error(...)` and console calls are allowed.
 */
export function findProseInScript(source: string, fileName = 'module.ts'): Literal[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: Literal[] = [];
  const developerOnly = (node: ts.Node): boolean => {
    for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
      if (ts.isNewExpression(p) && /Error$/.test(p.expression.getText(file))) return true;
      if (ts.isCallExpression(p) && /^console\./.test(p.expression.getText(file))) return true;
      if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p)) return true;
    }
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = ts.isTemplateExpression(node)
        ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ')
        : node.text;
      if (PROSE.test(text) && !CODE_SIGNS.test(text) && !developerOnly(node)) {
        found.push({ where: 'script', text: text.trim(), line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
