declare module 'proxy-from-env' {
  /** The proxy URL for `url` from HTTP_PROXY/HTTPS_PROXY/NO_PROXY, or '' when none applies. */
  export function getProxyForUrl(url: string | URL): string;
}
