// Screenshots of a whole page: the shell scrolls inside its sidenav content, so a "full page"
// screenshot would stop at the viewport.
import type { Page } from '@playwright/test';

/** The viewport grows to the content's height for the picture, then shrinks back. */
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
