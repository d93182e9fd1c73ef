import { ERROR_TEXT, type FriendlyText } from './catalog';
import type { ErrorCode } from './codes';
import { matchErpnextMessage } from './erpnextMessages';

/**
 * The message and hint shown to an installer: a row for ERPNext's own text when one matches,
 * otherwise the row for the error code.
 */
export function describeError(code: ErrorCode, serverMessages?: string | readonly string[]): FriendlyText {
  const specific = serverMessages && serverMessages.length > 0 ? matchErpnextMessage(serverMessages) : undefined;
  return specific ? { message: specific.message, hint: specific.hint } : ERROR_TEXT[code];
}
