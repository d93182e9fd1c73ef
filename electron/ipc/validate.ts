import type { ZodError } from 'zod';
import type { ApiError } from '../../shared/ipc/result';

/** A payload that failed its schema, with each field's problem: the window sent something it must not. */
export function invalidInput(error: ZodError): ApiError {
  return {
    code: 'invalid_input',
    message: 'The request from the window was not valid.',
    hint: 'Reload the window; if it happens again, export the support bundle.',
    issues: error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message })),
  };
}
