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

/** Photographs at a desktop's and at a phone's width (then back to the desktop's): `photograph` takes the picture at each. */
export async function atDesktopAndPhoneWidths(page: Page, photograph: (width: number) => Promise<void>): Promise<void> {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
    await transitionsDone(page); // the side navigation slides shut on a phone
    await photograph(width);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Waits a frame for a resize's transitions to start, then for them to end (progress bars, which run for ever, aside). */
async function transitionsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
    const finite = document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}
