// What the two axe-core runs share (07-accessibility over every screen, 12-cocreation over every
// co-creation section): the rules checked, the two themes, what blocks, waiting for the page to
// settle, and the check that axe is alive (it must find a contrast failure planted in the page).
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
export const analyze = (page) => new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();

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
