import { afterEach, describe, expect, it } from 'vitest';
import { chooseProxy, parsePacAnswer } from '../../../electron/erpnext/proxy';

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'ALL_PROXY', 'all_proxy']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("the OS's PAC-style answer", () => {
  it.each([
    ['DIRECT', null],
    ['PROXY proxy.shop:3128', 'http://proxy.shop:3128/'],
    ['PROXY proxy.shop:3128; DIRECT', 'http://proxy.shop:3128/'],
    ['HTTPS secure.shop:443', 'https://secure.shop/'],
    ['SOCKS5 socks.shop:1080; PROXY proxy.shop:8080', 'http://proxy.shop:8080/'],
    ['SOCKS5 socks.shop:1080', undefined],
    ['', undefined],
    ['PROXY', undefined],
  ])('%j → %s', (answer, expected) => {
    const parsed = parsePacAnswer(answer);
    expect(parsed === null || parsed === undefined ? parsed : parsed.href).toBe(expected);
  });
});

describe('which proxy a site uses', () => {
  const system = (answer: string | Error) => {
    const asked: string[] = [];
    const resolver = async (url: string) => {
      asked.push(url);
      if (answer instanceof Error) throw answer;
      return answer;
    };
    return { asked, resolver };
  };

  it("takes the OS's proxy first, over the environment", async () => {
    process.env.HTTPS_PROXY = 'http://env-proxy:3128';
    const { asked, resolver } = system('PROXY pac-proxy.shop:8080');
    expect(await chooseProxy('https://erp.example.com', resolver)).toEqual({ proxy: new URL('http://pac-proxy.shop:8080'), source: 'system' });
    expect(asked).toEqual(['https://erp.example.com']);
  });

  it('falls back to HTTPS_PROXY when the OS says DIRECT, fails, or names only SOCKS proxies', async () => {
    process.env.HTTPS_PROXY = 'http://env-proxy:3128';
    for (const answer of ['DIRECT', new Error('PAC script failed'), 'SOCKS5 socks:1080']) {
      expect(await chooseProxy('https://erp.example.com', system(answer).resolver)).toEqual({ proxy: new URL('http://env-proxy:3128'), source: 'environment' });
    }
  });

  it('honours NO_PROXY in the fallback, and uses the environment alone without an OS resolver', async () => {
    process.env.HTTPS_PROXY = 'http://env-proxy:3128';
    expect(await chooseProxy('https://erp.example.com', undefined)).toEqual({ proxy: new URL('http://env-proxy:3128'), source: 'environment' });
    process.env.NO_PROXY = '.example.com';
    expect(await chooseProxy('https://erp.example.com', system('DIRECT').resolver)).toEqual({ source: 'none' });
  });

  it('never proxies this computer, without even asking the OS', async () => {
    process.env.HTTP_PROXY = 'http://env-proxy:3128';
    const { asked, resolver } = system('PROXY pac-proxy.shop:8080');
    for (const url of ['http://127.0.0.1:8000', 'http://localhost:8000', 'http://[::1]:8000']) expect(await chooseProxy(url, resolver)).toEqual({ source: 'loopback' });
    expect(asked).toEqual([]);
  });
});
