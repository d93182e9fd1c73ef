import type { ErrorCode } from './codes';

/** A friendly sentence and a concrete next step, in the installer's words. */
export interface FriendlyText {
  message: string;
  hint: string;
}

/** One row per error code: what to tell the installer when ERPNext gives us nothing more specific. */
export const ERROR_TEXT: Record<ErrorCode, FriendlyText> = {
  invalid_url: {
    message: 'The site address is not a valid ERPNext URL.',
    hint: 'Type the address you open ERPNext with in a browser, for example https://shop.example.com (http or https only).',
  },
  network_refused: {
    message: 'The ERPNext server refused the connection.',
    hint: 'Check that the site is running and the port in the address is right. If the server is restarting, the app retries by itself.',
  },
  network_dns: {
    message: 'The site name could not be found on the network.',
    hint: 'Check the spelling of the address and that this laptop is online (open any website). During a run, the app waits and tries again while the network is down.',
  },
  network_unreachable: {
    message: 'This laptop cannot reach the network.',
    hint: 'Reconnect to the shop Wi-Fi or plug in a cable; the run continues by itself when the site answers again.',
  },
  network_reset: {
    message: 'The connection to ERPNext dropped before the answer arrived.',
    hint: 'Usually flaky Wi-Fi. The app checks what ERPNext saved before trying again, so nothing is created twice.',
  },
  timeout: {
    message: 'ERPNext did not answer in time.',
    hint: 'The server may be busy or the connection slow. The app checks what was saved before trying again.',
  },
  tls_self_signed: {
    message: 'The site uses a self-signed certificate, which this app does not trust by default.',
    hint: 'Ask the site administrator for the certificate fingerprint (SHA-256) and trust exactly that certificate in the site settings, or add the company CA file.',
  },
  tls_expired: {
    message: "The site's security certificate has expired.",
    hint: 'Ask the site administrator to renew the certificate (for example with Let\'s Encrypt). Do not work around it.',
  },
  tls_host_mismatch: {
    message: 'The security certificate belongs to a different site name.',
    hint: 'Use the exact address the certificate was issued for (the name, not the IP address), or ask the administrator to fix the certificate.',
  },
  tls_untrusted: {
    message: 'The site certificate is signed by an authority this laptop does not trust.',
    hint: "Add your organisation's CA certificate file in the site settings, or pin the server's certificate fingerprint.",
  },
  tls_pin_mismatch: {
    message: 'The server presented a different certificate from the one you trusted.',
    hint: 'Someone may be intercepting the connection, or the certificate was renewed. Confirm the new fingerprint with the site administrator before trusting it.',
  },
  tls_config: {
    message: 'The certificate settings for this site cannot be used.',
    hint: 'Check that the CA file exists and is a PEM certificate, and that the fingerprint is 64 hexadecimal characters.',
  },
  not_erpnext_html: {
    message: 'The address answered with a web page, not the ERPNext API.',
    hint: 'Check the address points to the ERPNext site itself. On public Wi-Fi, open a browser first: a sign-in page may be blocking the connection.',
  },
  not_erpnext_login_page: {
    message: 'The address answered with a login page instead of the ERPNext API.',
    hint: 'A proxy, a single-sign-on gateway or a Wi-Fi sign-in page is in the way. Sign in with a browser or use the direct ERPNext address.',
  },
  not_erpnext_json: {
    message: 'The address answered, but it is not an ERPNext (Frappe) site.',
    hint: 'Check the address: it must be the ERPNext site, not another service on the same server.',
  },
  proxy_error: {
    message: 'The web server in front of ERPNext could not reach it (bad gateway).',
    hint: 'ERPNext may be restarting. The app retries; if it lasts, ask the administrator to check the ERPNext workers.',
  },
  auth_failed: {
    message: 'ERPNext rejected the API key or secret.',
    hint: "Generate a new key in ERPNext (User > Settings > API Access > Generate Keys) and paste both the key and the secret again.",
  },
  csrf_rejected: {
    message: 'ERPNext treated the request as a browser session and refused it.',
    hint: 'Remove any proxy that adds cookies, and check the API key and secret are filled in.',
  },
  permission_denied: {
    message: 'The API user is not allowed to do this in ERPNext.',
    hint: 'Give the API user the roles listed in the engine check (for example Accounts Manager, Item Manager, Stock Manager, Sales Manager), then continue.',
  },
  validation_failed: {
    message: 'ERPNext refused the data.',
    hint: "Read ERPNext's own message, fix the value in the shop form or in ERPNext, then continue.",
  },
  mandatory_missing: {
    message: 'ERPNext needs a value that was not filled in.',
    hint: "ERPNext's message names the missing field; fill it in the shop form or in ERPNext, then continue.",
  },
  link_missing: {
    message: 'The data refers to a record that does not exist in ERPNext.',
    hint: "ERPNext's message names the missing record; create it or pick an existing one, then continue.",
  },
  timestamp_mismatch: {
    message: 'Someone changed the same record in ERPNext at the same time.',
    hint: 'Continue the run: the app reads the latest version and applies only what is missing.',
  },
  not_found: {
    message: 'The record does not exist in ERPNext.',
    hint: 'It may have been deleted or renamed; continue the run to create it again.',
  },
  duplicate: {
    message: 'A record with this name already exists in ERPNext.',
    hint: 'The app adopts existing records when they match; if this one differs, rename it in the shop form.',
  },
  invalid_name: {
    message: 'ERPNext does not accept this name.',
    hint: "Choose a name without special characters that is not already used by another kind of record (for example a Customer Group).",
  },
  rate_limited: {
    message: 'ERPNext asked us to slow down (too many requests).',
    hint: 'Nothing to do: the app waits as long as the server asks and continues.',
  },
  service_unavailable: {
    message: 'ERPNext is temporarily unavailable (maintenance or restart).',
    hint: 'The app retries by itself. If it lasts, ask the administrator whether the site is in maintenance mode.',
  },
  db_busy: {
    message: "ERPNext's database was busy and gave up on the request.",
    hint: 'Nothing to do: nothing was saved and the app retries.',
  },
  server_error: {
    message: 'ERPNext failed with an internal error.',
    hint: "Export the support bundle and send it to your ERPNext administrator: ERPNext's error log has the details.",
  },
  cancelled: {
    message: 'The request was cancelled.',
    hint: 'Start or continue the run when you are ready.',
  },
  shop_busy: {
    message: 'Another computer is provisioning this shop on this ERPNext site right now.',
    hint: 'Let that run finish (or stop it there). If that computer is gone, its claim expires by itself within a few minutes; then start again.',
  },
  internal_error: {
    message: 'POS Provisioner hit an unexpected problem.',
    hint: 'Nothing already done in ERPNext is lost. Export the support bundle and send it to the helpdesk, then try Continue.',
  },
};

/** Why a request is being tried again, in a few words for the step's current action (never a raw code). */
const RETRY_REASON: Partial<Record<ErrorCode, string>> = {
  network_refused: 'the server refused the connection',
  network_dns: 'the site name was not found',
  network_unreachable: 'no network',
  network_reset: 'the connection dropped',
  timeout: 'ERPNext did not answer in time',
  not_erpnext_html: 'a web page answered instead of ERPNext',
  not_erpnext_login_page: 'a sign-in page answered instead of ERPNext',
  not_erpnext_json: 'something other than ERPNext answered',
  proxy_error: 'ERPNext is not reachable behind its web server',
  rate_limited: 'ERPNext asked to slow down',
  service_unavailable: 'ERPNext is busy or restarting',
  db_busy: "ERPNext's database was busy",
  server_error: 'ERPNext had an internal error',
  timestamp_mismatch: 'the record changed meanwhile',
};

export function retryReason(code: string): string {
  return RETRY_REASON[code as ErrorCode] ?? 'the request failed';
}

/** "Retrying in 0.7 s: ERPNext is busy or restarting" */
export function retryingAction(delayMs: number, code: string): string {
  return `Retrying in ${Math.round(delayMs / 100) / 10} s: ${retryReason(code)}`;
}
