import { generate } from 'selfsigned';

/**
 * A throw-away certificate authority and a server certificate it signed for 127.0.0.1 and localhost, made
 * fresh for each run. Clients trust `caPem` (the CLI's --ca, Node's `ca` option); servers present
 * `certPem` + `keyPem`. A real CA/leaf pair rather than one self-signed certificate, because OpenSSL-based
 * servers (unbound) and strict clients treat a CA certificate used as a server certificate as an error.
 */
export interface TestCertificate {
  caPem: string;
  certPem: string;
  keyPem: string;
}

let shared: Promise<TestCertificate> | undefined;

/** One certificate per process: EC keys are quick to make, but every server of a test run can share one. */
export function testCertificate(): Promise<TestCertificate> {
  shared ??= makeCertificate();
  return shared;
}

async function makeCertificate(): Promise<TestCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000); // a minute of slack for clock skew between processes
  const notAfterDate = new Date(Date.now() + 2 * 86_400_000);
  const ca = await generate([{ name: 'commonName', value: 'Diffuse test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  return { caPem: ca.cert, certPem: leaf.cert, keyPem: leaf.private };
}
