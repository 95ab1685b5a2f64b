// A screenshot of a whole page: the shell scrolls inside its sidenav content, which a plain
// full-page screenshot would cut at the viewport.
import type { Page } from '@playwright/test';

/** Grows the viewport to the content for the picture, then restores it. */
export async function screenshotWhole(page: Page, file: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const scroller = document.querySelector('mat-sidenav-content');
    return scroller ? scroller.scrollHeight + scroller.getBoundingClientRect().top : document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height)) });
  await page.screenshot({ path: file, fullPage: true });
  await page.setViewportSize(viewport);
}
