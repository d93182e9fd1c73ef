import { describe, expect, it } from 'vitest';
import { ErpNextError } from '../../../electron/erpnext/errors';

// The one error the client throws: what a step, the retry logic, the log and the error card read from it.

describe('ErpNextError', () => {
  it('picks the friendly sentence from ERPNext\'s own message, HTML stripped, whether it came alone or among the server messages', () => {
    const alone = new ErpNextError({ code: 'invalid_name', status: 409, serverMessage: 'A Customer Group exists with same name please change the Customer name or rename the Customer Group' });
    expect(alone.message).toBe('The walk-in customer has the same name as a Customer Group.');
    const among = new ErpNextError({ code: 'link_missing', status: 417, serverMessages: [{ message: 'Could not find Currency: <strong>XYZ</strong>' }] });
    expect(among.message).toBe('ERPNext does not know the currency "XYZ".');
    expect(among.hint).toBe('Use an ISO currency code such as USD, EUR or KES in the shop form.');
  });

  it('falls back to the sentence for its code, and takes our own wording over both', () => {
    expect(new ErpNextError({ code: 'proxy_error', status: 502 }).message).toBe('The web server in front of ERPNext could not reach it (bad gateway).');
    expect(new ErpNextError({ code: 'validation_failed', message: 'Ours.', hint: 'Do this.', serverMessage: 'Abbreviation is mandatory' })).toMatchObject({ message: 'Ours.', hint: 'Do this.' });
  });

  it('is named for the log, and keeps the network failure it came from as its cause', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const error = new ErpNextError({ code: 'network_reset', cause: reset });
    expect(error.name).toBe('ErpNextError');
    expect(String(error)).toBe(`ErpNextError: ${error.message}`);
    expect(error.cause).toBe(reset);
  });

  it('keeps ERPNext\'s messages and links, and has empty lists when there were none', () => {
    const bare = new ErpNextError({ code: 'server_error', status: 500 });
    expect([bare.serverMessages, bare.links, bare.attempts]).toEqual([[], [], 1]);
    const messages = [{ message: 'Please set default Cash or Bank account in Mode of Payments Cash', indicator: 'red' }];
    const links = [{ text: 'Cash', href: 'https://erp.test/app/mode-of-payment/Cash' }];
    const full = new ErpNextError({ code: 'validation_failed', status: 417, serverMessages: messages, links, attempts: 3 });
    expect([full.serverMessages, full.links, full.attempts]).toEqual([messages, links, 3]);
  });

  describe('"already there"', () => {
    it('is any error coded duplicate, whatever its class', () => {
      expect(new ErpNextError({ code: 'duplicate', status: 409 }).alreadyExists).toBe(true);
    });

    it('is a DuplicateEntryError or a second item price, whatever the status said', () => {
      expect(new ErpNextError({ code: 'server_error', status: 500, excType: 'DuplicateEntryError' }).alreadyExists).toBe(true);
      expect(new ErpNextError({ code: 'validation_failed', status: 417, excType: 'ItemPriceDuplicateItem' }).alreadyExists).toBe(true);
    });

    it('is a 417 saying the company is entered twice, but the same words in a server error are not', () => {
      expect(new ErpNextError({ code: 'validation_failed', status: 417, excType: 'ValidationError', serverMessage: 'Row 2: Same Company is entered more than once' }).alreadyExists).toBe(true);
      expect(new ErpNextError({ code: 'server_error', status: 500, excType: 'ValidationError', serverMessage: 'Same Company is entered more than once' }).alreadyExists).toBe(false);
      expect(new ErpNextError({ code: 'validation_failed', status: 417 }).alreadyExists).toBe(false);
    });
  });

  describe('what crosses to the window and the log', () => {
    it('names the endpoint decoded, and keeps a path that cannot be decoded as it is', () => {
      expect(new ErpNextError({ code: 'server_error', method: 'POST', path: '/api/resource/POS%20Profile' }).toInfo().endpoint).toBe('POST /api/resource/POS Profile');
      expect(new ErpNextError({ code: 'not_found', method: 'GET', path: '/api/resource/Item/100%' }).toInfo().endpoint).toBe('GET /api/resource/Item/100%');
    });

    it('has no endpoint when no request is known (a step\'s own failure)', () => {
      expect(new ErpNextError({ code: 'validation_failed' }).toInfo()).not.toHaveProperty('endpoint');
      expect(new ErpNextError({ code: 'validation_failed', method: 'POST' }).toInfo()).not.toHaveProperty('endpoint');
      expect(new ErpNextError({ code: 'validation_failed', path: '/api/resource/Company' }).toInfo()).not.toHaveProperty('endpoint');
    });

    it('says when no answer came at all, and says nothing of it when ERPNext answered', () => {
      for (const code of ['network_refused', 'network_dns', 'network_unreachable', 'network_reset', 'timeout'] as const) {
        expect(new ErpNextError({ code }).toInfo().noAnswer).toBe(true);
      }
      expect(new ErpNextError({ code: 'proxy_error', status: 502 }).toInfo()).not.toHaveProperty('noAnswer');
    });

    it('serialises for the log with its method and path, and without its stack', () => {
      const error = new ErpNextError({ code: 'permission_denied', status: 403, excType: 'PermissionError', serverMessage: 'No permission for Company', method: 'POST', path: '/api/resource/Company', correlationId: 'c-1', attempts: 2 });
      expect(JSON.parse(JSON.stringify(error))).toEqual({
        code: 'permission_denied',
        category: 'permission',
        message: 'The API user cannot read or change Company.',
        hint: 'Give the API user a role with access to Company in ERPNext, then continue.',
        serverMessage: 'No permission for Company',
        excType: 'PermissionError',
        status: 403,
        correlationId: 'c-1',
        endpoint: 'POST /api/resource/Company',
        attempts: 2,
        method: 'POST',
        path: '/api/resource/Company',
      });
    });
  });
});
