// What the two axe-core runs share (07-accessibility over every screen, 12-cocreation over every
// co-creation section): the rules checked, the two themes, what blocks, waiting for the page to
// settle, one check in both themes that tallies into a run's summary, and the check that axe is
// alive (it must find a contrast failure planted in the page).
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';

/** WCAG 2.2 A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const THEMES = ['light', 'dark'];
/** The impacts that fail a run. */
export const BLOCKING = new Set(['serious', 'critical']);

/** Waits for the page to settle: no busy region, fonts loaded, two frames painted. */
export async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 15000 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
}

/** axe over the whole page in the theme it is in now. */
const analyze = (page) => new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();

/**
 * axe on what is on screen now, in each theme, then back to light. Into summary: checks, the nodes
 * of each impact, the colour contrast axe could not decide (text over an image, under a sticky
 * bar), by axe's reason, to look at; and every serious or critical violation, kept in
 * summary.violations as { where, theme, rule, impact, nodes, targets } and told at once after label.
 */
export async function axeBothThemes(page, summary, where, label) {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await settle(page);
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), theme === 'dark', `${theme} theme`);
    const results = await analyze(page);
    summary.checks++;
    for (const v of results.incomplete) {
      if (v.id !== 'color-contrast') continue;
      summary.contrastToReview = (summary.contrastToReview ?? 0) + v.nodes.length;
      summary.contrastReasons ??= {};
      for (const n of v.nodes) {
        const reason = n.any[0]?.data?.messageKey ?? 'unknown';
        summary.contrastReasons[reason] = (summary.contrastReasons[reason] ?? 0) + 1;
      }
    }
    for (const v of results.violations) {
      summary[v.impact] = (summary[v.impact] ?? 0) + v.nodes.length;
      if (!BLOCKING.has(v.impact)) continue;
      const targets = v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')}${n.any[0]?.message ? ` (${n.any[0].message})` : ''}`);
      summary.violations.push({ where, theme, rule: v.id, impact: v.impact, nodes: v.nodes.length, targets });
      console.log(`${label} ${where} [${theme}] ${v.impact} ${v.id} ×${v.nodes.length}: ${v.help}\n  ${targets.join('\n  ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A kept violation as one line of a verdict. */
export const violationLine = (v) => `${v.where} [${v.theme}] ${v.impact} ${v.rule} ×${v.nodes}: ${v.targets.join('; ')}`;

/** Plants grey text on grey inside the element `within` names, runs axe on it alone, removes it; true when axe saw it. */
export async function axeSeesAPlantedFailure(page, within = 'body') {
  await page.evaluate((selector) => {
    const p = document.createElement('p');
    p.id = 'planted-low-contrast';
    p.textContent = 'Planted grey on grey';
    p.style.cssText = 'color:#bbb;background:#ccc;font-size:14px';
    document.querySelector(selector)?.append(p);
  }, within);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).include('#planted-low-contrast').analyze();
  await page.evaluate(() => document.getElementById('planted-low-contrast')?.remove());
  return results.violations.some((v) => v.id === 'color-contrast' && v.impact === 'serious');
}
