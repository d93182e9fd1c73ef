import type { ErpNextError } from '../../electron/erpnext/errors';

/** The error a call that must fail rejects with (and a test failure if it succeeds instead). */
export async function failure(promise: Promise<unknown>): Promise<ErpNextError> {
  try {
    await promise;
  } catch (error) {
    return error as ErpNextError;
  }
  throw new Error('expected the call to fail');
}
