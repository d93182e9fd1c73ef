import type { Page } from 'playwright-core';
import type { E2eWorld } from '../../support/world';

/** Opens a route of the app by loading the page at that hash (a fresh load, like a reload). */
export async function openRoute(world: E2eWorld, hash: string): Promise<void> {
  await world.page.goto(`${world.host.url}/#${hash}`);
  await world.page.reload();
  await world.page.getByTestId('screen-heading').waitFor();
}

export const routes = {
  site: (siteId: string) => `/sites/${siteId}`,
  run: (siteId: string, shopId: string) => `/sites/${siteId}/shops/${shopId}`,
  logs: (siteId: string, shopId: string) => `/sites/${siteId}/shops/${shopId}/logs`,
  editShop: (siteId: string, shopId: string) => `/sites/${siteId}/shops/${shopId}/edit`,
};

/** The id in the current URL's route, e.g. the shop id after saving a new shop. */
export function routeIds(page: Page): { siteId?: string; shopId?: string } {
  const parts = new URL(page.url()).hash.replace(/^#\/?/, '').split('/');
  return { siteId: parts[1], shopId: parts[3] };
}

/**
 * Presses Tab until the element with `testId` has focus, as a keyboard-only installer would, and
 * returns the focus outline it shows (so a test can check the focus is visible).
 */
export async function tabTo(page: Page, testId: string, maxPresses = 40): Promise<{ outlineStyle: string; outlineWidth: string }> {
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate((id) => {
      const active = document.activeElement as HTMLElement | null;
      if (active?.dataset.testid !== id) return null;
      const style = getComputedStyle(active);
      return { outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth };
    }, testId);
    if (focus) return focus;
  }
  throw new Error(`${testId} was not reached with ${maxPresses} presses of Tab`);
}

/** The polite live region's current text. */
export const announcement = (page: Page) => page.getByTestId('announcer').textContent();
