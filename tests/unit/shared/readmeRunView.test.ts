import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const RUN_SCREEN = path.join(ROOT, 'renderer', 'features', 'run');

/** README's paragraph about the run view, from its bold lead-in to the next blank line. */
function runViewParagraph(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('**The run view.**');
  expect(start).toBeGreaterThan(0);
  return readme.slice(start, readme.indexOf('\n\n', start)).replace(/\s+/g, ' ');
}

const screenSource = () =>
  readdirSync(RUN_SCREEN)
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => readFileSync(path.join(RUN_SCREEN, name), 'utf8'))
    .join('\n');

describe("README's run view paragraph matches the run screen", () => {
  // The words an installer reads on the screen: each must be in README, and still on the screen.
  const controls = ['Start', 'Start a new run', 'Continue', 'Retry all', 'Pause', 'Skip', 'Run this step', 'View log', 'Show in log', 'Try now', 'How to fix it'];

  it('names every control the screen has, in its on-screen words', () => {
    const paragraph = runViewParagraph();
    const source = screenSource();
    for (const control of controls) {
      expect(paragraph, control).toContain(`**${control}**`);
      expect(source, control).toMatch(new RegExp(`['">]\\s*${control}:?\\s*['"<]`));
    }
    expect(paragraph).toContain('**"Now:"**');
    expect(source).toContain('`Now: ');
  });

  it('names no control the screen no longer has', () => {
    expect(runViewParagraph()).not.toMatch(/\bCancel\b/);
    expect(screenSource()).not.toMatch(/>\s*Cancel( run)?\s*</);
  });
});
