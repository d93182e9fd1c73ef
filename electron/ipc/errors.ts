import { ZodError } from 'zod';
import { RunLockedError, RunNotFinishedError } from '../engine/controller';
import { ErpNextError } from '../erpnext/errors';
import { NotFoundError } from '../service';
import { ShopNotProvisionedError } from '../service/doctor';
import { HandoverNotReadyError } from '../service/handover';
import { StoreError } from '../store';
import type { ApiError } from '../../shared/ipc/result';
import { invalidInput } from './validate';

/** A command the app declines with a reason (skipping a critical step); `code` lets the page react to it. */
export class CommandRefusedError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly code = 'refused',
  ) {
    super(message);
    this.name = 'CommandRefusedError';
  }
}

/** Every failure as an ApiError: classified, with a hint, never a stack trace or a secret. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ZodError) return invalidInput(error);
  if (error instanceof ErpNextError) return { code: error.code, message: error.message, hint: error.hint, serverMessage: error.serverMessage };
  if (error instanceof CommandRefusedError) return { code: error.code, message: error.message, hint: error.hint };
  if (error instanceof RunLockedError) return { code: 'run_locked', message: error.message, hint: error.hint };
  if (error instanceof HandoverNotReadyError || error instanceof ShopNotProvisionedError || error instanceof RunNotFinishedError) return { code: 'not_finished', message: error.message, hint: error.hint };
  if (error instanceof NotFoundError) return { code: 'not_found', message: error.message, hint: error.hint };
  if (error instanceof StoreError) return { code: error.code, message: error.message, hint: error.hint };
  return {
    code: 'internal_error',
    message: `Something unexpected went wrong${error instanceof Error ? `: ${error.message}` : ''}.`,
    hint: 'Nothing already done in ERPNext is lost. Export the support bundle and send it to the helpdesk.',
  };
}
