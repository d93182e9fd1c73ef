import { ZodError } from 'zod';
import { RunLockedError } from '../engine/controller';
import { ErpNextError } from '../erpnext/errors';
import { NotFoundError } from '../service';
import { HandoverNotReadyError } from '../service/handover';
import { StoreError } from '../store';
import type { ApiError } from '../../shared/ipc/result';
import { invalidInput } from './validate';

/** A command the app declines with a reason (skipping a critical step). */
export class CommandRefusedError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'CommandRefusedError';
  }
}

/** Every failure as an ApiError: classified, with a hint, never a stack trace or a secret. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ZodError) return invalidInput(error);
  if (error instanceof ErpNextError) return { code: error.code, message: error.message, hint: error.hint, serverMessage: error.serverMessage };
  if (error instanceof CommandRefusedError) return { code: 'refused', message: error.message, hint: error.hint };
  if (error instanceof RunLockedError) return { code: 'run_locked', message: error.message, hint: error.hint };
  if (error instanceof HandoverNotReadyError) return { code: 'not_finished', message: error.message, hint: error.hint };
  if (error instanceof NotFoundError) return { code: 'not_found', message: error.message, hint: error.hint };
  if (error instanceof StoreError) return { code: error.code, message: error.message, hint: error.hint };
  return {
    code: 'internal_error',
    message: `Something unexpected went wrong${error instanceof Error ? `: ${error.message}` : ''}.`,
    hint: 'Nothing already done in ERPNext is lost. Export the support bundle and send it to the helpdesk.',
  };
}
