import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eWorld, startWorld } from '../support/world';

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world?.close());

describe('the browser host serves the app over the typed API', () => {
  it('loads the page and answers appInfo through the same contract as the preload', async () => {
    await expect.poll(() => world.page.getByTestId('app-version').textContent()).toBe('version e2e');
  });
});
