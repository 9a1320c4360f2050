// What the team e2e tests do in a browser: share the open map on a relay, join it from the link,
// and wait for a stance to arrive.
import { card } from './harness.mjs';

export const select = (page, name) => card(page, name).click({ position: { x: 12, y: 12 } });
export const stanceOf = (page, name) => card(page, name).getAttribute('aria-label');
export const waitForStance = (page, name, stance, timeout = 15000) =>
  page.waitForFunction(
    ([name, stance]) => [...document.querySelectorAll(`[aria-label^="Stakeholder: ${name}"]`)].some((el) => el.getAttribute('aria-label').toLowerCase().includes(stance)),
    [name, stance],
    { timeout },
  );

/** Shares the open map: by its toolbar button, its key (Shift+S, with `keyCard` selected) or by name in the find-or-add box. */
export async function share(page, relayUrl, way = 'button', keyCard = 'Henrik Larsen') {
  if (way === 'button') await page.getByRole('button', { name: 'Share this map' }).click();
  if (way === 'key') {
    await select(page, keyCard);
    await page.keyboard.press('Shift+S');
  }
  if (way === 'command') {
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Find a stakeholder or department, or type a new one' }).fill('share');
    await page.getByRole('option', { name: /Share with the team/ }).waitFor();
    await page.keyboard.press('Enter');
  }
  await page.getByRole('textbox', { name: 'Relay address' }).fill(relayUrl);
  await page.getByRole('textbox', { name: 'Your name, as the team sees it' }).fill('Anna');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.getByRole('dialog').getByText('Shared: live').waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: 'Done' }).click();
  return link;
}

/** What a joining page shows, for a failure message: its address, its text and the cards mounted. */
async function whatThePageShows(page) {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll('[aria-label^="Stakeholder: "]')].map((el) => el.getAttribute('aria-label').split(',')[0]);
    const viewport = document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? 'no viewport';
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
    return JSON.stringify({ address: location.href, text: document.body.innerText.slice(0, 300), cards, viewport, canvas: canvas && [canvas.width, canvas.height] });
  });
}

/** A new browser that opens the share link and waits until `name`'s card is drawn (unless null) and the map is live. */
export async function joinByLink(app, link, name = 'Henrik Larsen') {
  const { context, page, externalRequests, pageErrors } = await app.openApp();
  await page.goto(link);
  if (name) await card(page, name)
    .waitFor({ timeout: 20000 })
    .catch(async (error) => {
      throw new Error(`${name}'s card did not show after opening the share link. The page: ${await whatThePageShows(page)}`, { cause: error });
    });
  await page.getByRole('button', { name: /^Shared: live/ }).waitFor({ timeout: 15000 });
  return { context, page, externalRequests, pageErrors };
}
