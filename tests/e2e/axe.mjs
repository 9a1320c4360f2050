// axe-core in the page under test: injects the engine's own source (the npm package axe-core,
// nothing fetched) and returns the WCAG 2.x A/AA violations, each as "rule: target (summary)".
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const source = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The one exception, with its reason. WCAG 2.5.8 (target size, AA) exempts a target whose
 * function another control on the page offers at full size ("Equivalent"). A card's quick tags
 * (champion, blocker, decision-maker) are drawn at the canvas's zoom, so zoomed out they are
 * small; the same tags are the keys C, B, M (and 1 to 5) and the inspector's stance and role
 * controls, which are full size. Every other element is held to the rule.
 */
const equivalentElsewhere = (line) => line.startsWith('target-size:') && line.includes(': tag ');

/**
 * Runs axe over the page (or `include`, a CSS selector) and returns one line per failing element.
 * Only the WCAG A and AA rules and axe's best practices for ARIA are run; none is switched off.
 */
export async function axeViolations(page, include) {
  await page.addScriptTag({ content: await source });
  const results = await page.evaluate(async (root) => {
    // eslint-disable-next-line no-undef
    const outcome = await axe.run(root ? document.querySelector(root) : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return outcome.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary?.split('\n')[1]?.trim() ?? violation.help})`),
    );
  }, include ?? null);
  return results.filter((line) => !equivalentElsewhere(line));
}
