import { COMMAND_INPUTS } from '../../shared/ipc/schemas';
import { POS_COMMANDS, type PosCommand } from '../../shared/ipc/contract';
import { type Result, fail, ok } from '../../shared/ipc/result';
import { toApiError } from './errors';
import type { Handlers } from './handlers';

export function isCommand(name: string): name is PosCommand {
  return (POS_COMMANDS as readonly string[]).includes(name);
}

/** Validates a payload with the command's schema, runs the handler, and always answers with a Result. */
export async function dispatch(handlers: Handlers, command: PosCommand, payload: unknown): Promise<Result<unknown>> {
  try {
    const input = COMMAND_INPUTS[command].parse(payload);
    const handler = handlers[command] as (input: unknown) => Promise<unknown>;
    return ok(await handler(input));
  } catch (error) {
    return fail(toApiError(error));
  }
}
