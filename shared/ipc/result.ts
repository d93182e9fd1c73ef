/** What crosses the IPC boundary for every call: a value, or an error a person can act on. Never a throw. */
export interface ApiError {
  /** An ErrorCode, or one of the app's own codes (invalid_input, not_found, run_locked, cancelled…). */
  code: string;
  message: string;
  hint: string;
  /** Field problems of an invalid payload or shop, with their paths. */
  issues?: { path: string; message: string }[];
  /** ERPNext's own text, when the error came from ERPNext. */
  serverMessage?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });
