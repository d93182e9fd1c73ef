import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface CertPair {
  cert: string;
  key: string;
  certFile: string;
  /** "AB:CD:…" as Node reports fingerprint256. */
  fingerprint256: string;
}

export interface TestPki {
  dir: string;
  ca: CertPair;
  selfSigned: CertPair;
  /** Signed by `ca` for 127.0.0.1 and localhost. */
  signed: CertPair;
  /** Signed by `ca` for another host name only. */
  otherHost: CertPair;
  /** Signed by `ca`, valid only in 2020. */
  expired: CertPair;
}

function openssl(dir: string, args: string[]): string {
  return execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function read(dir: string, name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

function pair(dir: string, name: string): CertPair {
  const out = openssl(dir, ['x509', '-in', `${name}.crt`, '-noout', '-fingerprint', '-sha256']);
  return { cert: read(dir, `${name}.crt`), key: read(dir, `${name}.key`), certFile: path.join(dir, `${name}.crt`), fingerprint256: out.trim().split('=')[1]!.toUpperCase() };
}

const LOCAL_SAN = 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:erp.test';

function issue(dir: string, name: string, subjectAltName: string, dates?: [string, string]): void {
  openssl(dir, ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
  writeFileSync(path.join(dir, `${name}.ext`), `${subjectAltName}\nbasicConstraints=CA:FALSE\n`);
  if (!dates) {
    openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '30', '-extfile', `${name}.ext`, '-out', `${name}.crt`]);
    return;
  }
  // `openssl ca` is the one portable way to backdate a certificate (for the expired case).
  writeFileSync(path.join(dir, 'index.txt'), '');
  writeFileSync(path.join(dir, 'serial'), '1000\n');
  writeFileSync(
    path.join(dir, 'ca.cnf'),
    `[ca]\ndefault_ca=test\n[test]\ndir=.\ndatabase=index.txt\nserial=serial\nnew_certs_dir=.\ncertificate=ca.crt\nprivate_key=ca.key\ndefault_md=sha256\npolicy=any\ncopy_extensions=none\n[any]\ncommonName=supplied\n`,
  );
  openssl(dir, ['ca', '-batch', '-config', 'ca.cnf', '-in', `${name}.csr`, '-out', `${name}.crt`, '-startdate', dates[0], '-enddate', dates[1], '-extfile', `${name}.ext`, '-notext']);
}

/** A throwaway CA and server certificates for TLS tests, made with the system's openssl. */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'pki-'));
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30', '-subj', '/CN=POS Test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'self.key', '-out', 'self.crt', '-days', '30', '-subj', '/CN=erp.test', '-addext', LOCAL_SAN]);
  issue(dir, 'signed', LOCAL_SAN);
  issue(dir, 'other', 'subjectAltName=DNS:other.example');
  issue(dir, 'expired', LOCAL_SAN, ['20200101000000Z', '20200102000000Z']);
  return { dir, ca: pair(dir, 'ca'), selfSigned: pair(dir, 'self'), signed: pair(dir, 'signed'), otherHost: pair(dir, 'other'), expired: pair(dir, 'expired') };
}
