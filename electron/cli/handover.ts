import { writeFileSync } from 'node:fs';
import { HandoverNotReadyError } from '../service/handover';
import type { CommandEnv } from './commands';
import { findShop } from './commands';
import { ExitCode, UsageError } from './exitCodes';

/** handover --out FILE [--shop FILE] [--run ID]: the shop owner's one-page sheet, as HTML to print. */
export function handoverCommand(env: CommandEnv): number {
  const out = env.options.out;
  if (!out) throw new UsageError('handover needs --out FILE (an .html file to open and print)');
  const shop = findShop(env.service, env.options);
  let sheet: ReturnType<CommandEnv['service']['handoverSheet']>;
  try {
    sheet = env.service.handoverSheet(shop.id, env.options.run);
  } catch (error) {
    if (error instanceof HandoverNotReadyError) throw new UsageError(`${error.message} ${error.hint}`);
    throw error;
  }
  writeFileSync(out, sheet.html);
  env.output.message(`Handover sheet for "${shop.name}" (run ${sheet.facts.run.id.slice(0, 8)}, ${sheet.facts.run.status}) written to ${out}: open it in a browser and print it (one page). It holds no secret.`);
  if (!sheet.facts.helpdesk) env.output.message(`note: the sheet has no helpdesk line; set "helpdesk" in ${sheet.settingsFile} (e.g. "Call 0800 123 456 or write to help@partner.example").`);
  return ExitCode.Completed;
}
