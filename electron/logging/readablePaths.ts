/** A path-like token (starts with "/", runs to the next space) that holds percent-escapes. */
const ENCODED_PATH = /\/[^\s]*%[0-9A-Fa-f]{2}[^\s]*/g;
/** Escapes that would change how the line reads (line breaks, tabs, other control characters) stay escaped. */
const hasControl = (text: string) => [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

/**
 * "POST /api/resource/POS%20Profile" → "POST /api/resource/POS Profile": request paths in log messages as
 * the installer and the helpdesk would type them (and search for them). A token that does not decode
 * cleanly is left as it was.
 */
export function readablePaths(message: string): string {
  if (!message.includes('%')) return message;
  return message.replace(ENCODED_PATH, (token) => {
    try {
      const decoded = decodeURIComponent(token);
      return hasControl(decoded) ? token : decoded;
    } catch {
      return token;
    }
  });
}
