// `npm run icons`: renders the app icons for the web app manifest (public/icon-192.png,
// public/icon-512.png, public/icon-maskable-512.png) from the SVGs in scripts/icons/, with the
// Chromium the end-to-end tests use. The PNGs are committed, so a build needs no image tooling;
// run this again after changing an SVG.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, repoRoot } from '../tests/e2e/harness.mjs';

const ICONS = [
  { source: 'icon.svg', size: 192, output: 'icon-192.png' },
  { source: 'icon.svg', size: 512, output: 'icon-512.png' },
  { source: 'icon-maskable.svg', size: 512, output: 'icon-maskable-512.png' },
];

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  for (const { source, size, output } of ICONS) {
    const svg = await readFile(join(repoRoot, 'scripts', 'icons', source), 'utf8');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    await writeFile(join(repoRoot, 'public', output), png);
    console.log(`public/${output}: ${size}x${size}`);
  }
} finally {
  await browser.close();
}
