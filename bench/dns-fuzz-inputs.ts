import { encode, type Answer, type Packet } from '@dnsquery/dns-packet';
import { pick, randomInt, randomLabel } from './dns-random';

/**
 * Inputs for fuzzing the DoH response parser: well-formed responses of every shape a resolver may send
 * (chains, negative answers, EDNS, name compression) and mutations of them that a broken or hostile server
 * could send instead (bit flips, truncation, inflated record counts, bad compression pointers, splices).
 */
export interface Seed {
  message: Uint8Array;
  name: string;
  type: 'A' | 'AAAA';
}

export interface FuzzCase extends Seed {
  kind: string;
}

const RCODES = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 2, 5, 1, 4, 9];

function randomName(random: () => number): string {
  if (random() < 0.03) return Array.from({ length: 4 }, () => randomLabel(random, 62)).join('.'); // near 253 octets
  const labels = Array.from({ length: randomInt(random, 1, 4) }, () => randomLabel(random, randomInt(random, 1, random() < 0.05 ? 63 : 12)));
  return [...labels, pick(random, ['com', 'net', 'test', 'example', 'co.uk'])].join('.');
}

function address(random: () => number, type: 'A' | 'AAAA'): string {
  const n = () => randomInt(random, 0, 255);
  return type === 'A' ? `${n()}.${n()}.${n()}.${n()}` : `2001:db8:${n().toString(16)}::${n().toString(16)}`;
}

function ttl(random: () => number): number {
  return random() < 0.03 ? 2 ** 31 + randomInt(random, 0, 1000) : randomInt(random, 0, 200_000);
}

/** A response built by the library: random chain, addresses, rcode, SOA, OPT, flags. */
export function randomResponse(random: () => number): Seed {
  const name = randomName(random);
  const type = random() < 0.5 ? 'A' : 'AAAA';
  const answers: Answer[] = [];
  let owner = name;
  for (let hop = randomInt(random, 0, random() < 0.05 ? 20 : 3); hop > 0; hop--) {
    const target = random() < 0.05 ? name : randomName(random); // sometimes a loop back to the start
    answers.push({ type: 'CNAME', name: owner, ttl: ttl(random), data: target });
    owner = target;
  }
  const zone = name.split('.').slice(-2).join('.');
  if (random() < 0.2) answers.push(...otherRecords(random, zone)); // before the addresses, which a misread would shift
  for (let i = randomInt(random, 0, 4); i > 0; i--) {
    const rtype = random() < 0.9 ? type : type === 'A' ? 'AAAA' : 'A';
    answers.push({ type: rtype, name: random() < 0.9 ? owner : randomName(random), ttl: ttl(random), data: address(random, rtype) } as Answer);
  }
  const authorities: Answer[] = random() < 0.4 ? [{ type: 'SOA', name: zone, ttl: ttl(random), data: { mname: `ns.${zone}`, rname: `h.${zone}`, serial: 1, refresh: 1, retry: 1, expire: 1, minimum: ttl(random) } }] : [];
  if (random() < 0.3) authorities.push(...otherRecords(random, zone));
  const additionals = random() < 0.3 ? otherRecords(random, zone) : [];
  const opt = { type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode: random() < 0.05 ? 1 : 0, flags: 0, options: random() < 0.5 ? [{ code: 'PADDING', length: randomInt(random, 0, 200) }] : [] };
  const packet: Packet = {
    type: 'response',
    id: random() < 0.05 ? randomInt(random, 1, 65535) : 0,
    flags: (random() < 0.05 ? 0x0200 : 0) | 0x0100 | 0x0080 | (pick(random, RCODES) & 0xf),
    questions: [{ type, name, class: 'IN' }],
    answers,
    authorities,
    additionals: random() < 0.5 ? [...additionals, opt as unknown as Answer] : additionals,
  };
  return { message: encode(packet), name, type };
}

/**
 * One to three records of the other types the library decodes (referrals, mail, DNSSEC, anything a resolver
 * adds), so that mutations reach the code reading their RDATA: several types are read by layout, not RDLENGTH.
 */
function otherRecords(random: () => number, zone: string): Answer[] {
  const host = () => `${randomLabel(random, randomInt(random, 1, 8))}.${zone}`;
  const bytes = (length: number) => Uint8Array.from({ length }, () => randomInt(random, 0, 255));
  const make: (() => unknown)[] = [
    () => ({ type: 'NS', data: host() }),
    () => ({ type: 'MX', data: { preference: randomInt(random, 0, 50), exchange: host() } }),
    () => ({ type: 'TXT', data: Array.from({ length: randomInt(random, 1, 3) }, () => randomLabel(random, randomInt(random, 0, 40))) }),
    () => ({ type: 'PTR', data: host() }),
    () => ({ type: 'DNAME', data: host() }),
    () => ({ type: 'RP', data: { mbox: host(), txt: host() } }),
    () => ({ type: 'HINFO', data: { cpu: randomLabel(random, 5), os: randomLabel(random, 5) } }),
    () => ({ type: 'SSHFP', data: { algorithm: 4, hash: 2, fingerprint: Buffer.from(bytes(32)).toString('hex') } }),
    () => ({ type: 'SRV', data: { priority: 1, weight: 1, port: 443, target: host() } }),
    () => ({ type: 'CAA', data: { flags: 0, tag: 'issue', value: host() } }),
    () => ({ type: 'DS', data: { keyTag: randomInt(random, 0, 65535), algorithm: 13, digestType: 2, digest: bytes(32) } }),
    () => ({ type: 'DNSKEY', data: { flags: 257, algorithm: 13, key: bytes(64) } }),
    () => ({ type: 'RRSIG', data: { typeCovered: 'A', algorithm: 13, labels: 2, originalTTL: 300, expiration: 2, inception: 1, keyTag: 7, signersName: zone, signature: bytes(64) } }),
    () => ({ type: 'NSEC', data: { nextDomain: host(), rrtypes: ['A', 'AAAA', 'RRSIG', 'NSEC'] } }),
    () => ({ type: 'NSEC3', data: { algorithm: 1, flags: 0, iterations: 0, salt: bytes(randomInt(random, 0, 8)), nextDomain: bytes(20), rrtypes: ['A', 'RRSIG'] } }),
  ];
  return Array.from({ length: randomInt(random, 1, 3) }, () => ({ name: zone, ttl: ttl(random), ...(pick(random, make)() as object) }) as Answer);
}

/** A response as real resolvers write it, with names compressed into pointers to the question (RFC 1035 §4.1.4). */
export function compressedResponse(random: () => number): Seed {
  const name = randomName(random);
  const type = random() < 0.5 ? 'A' : 'AAAA';
  const qname = name.split('.').flatMap((label) => [label.length, ...Buffer.from(label)]).concat(0);
  const qtype = type === 'A' ? 1 : 28;
  const count = randomInt(random, 1, 3);
  const mx = random() < 0.3; // an MX first, its exchange a pointer to the question's name
  const bytes = [0, 0, 0x81, 0x80, 0, 1, 0, count + (mx ? 1 : 0), 0, 0, 0, 0, ...qname, 0, qtype, 0, 1];
  if (mx) bytes.push(0xc0, 12, 0, 15, 0, 1, 0, 0, 0x0e, 0x10, 0, 4, 0, 10, 0xc0, 12);
  for (let i = 0; i < count; i++) {
    const rdata = type === 'A' ? [192, 0, 2, randomInt(random, 0, 255)] : [0x20, 0x01, 0x0d, 0xb8, ...new Array<number>(11).fill(0), randomInt(random, 0, 255)];
    bytes.push(0xc0, 12, 0, qtype, 0, 1, 0, 0, 0x0e, 0x10, 0, rdata.length, ...rdata); // owner: pointer to offset 12
  }
  return { message: Uint8Array.from(bytes), name, type };
}

export function makeSeeds(random: () => number, count: number): Seed[] {
  return Array.from({ length: count }, () => (random() < 0.25 ? compressedResponse(random) : randomResponse(random)));
}

type Mutation = (random: () => number, bytes: Uint8Array, seeds: readonly Seed[]) => Uint8Array;

const INTERESTING = [0x00, 0x01, 0x3f, 0x40, 0x7f, 0x80, 0xc0, 0xc1, 0xff];

const MUTATIONS: Record<string, Mutation> = {
  'bit flips': (random, bytes) => {
    const out = bytes.slice();
    for (let i = randomInt(random, 1, 8); i > 0 && out.length; i--) out[randomInt(random, 0, out.length - 1)]! ^= 1 << randomInt(random, 0, 7);
    return out;
  },
  'interesting bytes': (random, bytes) => {
    const out = bytes.slice();
    for (let i = randomInt(random, 1, 4); i > 0 && out.length; i--) out[randomInt(random, 0, out.length - 1)] = pick(random, INTERESTING);
    return out;
  },
  truncation: (random, bytes) => bytes.slice(0, randomInt(random, 0, Math.max(0, bytes.length - 1))),
  'count inflation': (random, bytes) => {
    const out = bytes.length >= 12 ? bytes.slice() : Uint8Array.from([...bytes, ...new Array<number>(12 - bytes.length).fill(0)]);
    const at = pick(random, [4, 6, 8, 10]);
    const value = random() < 0.5 ? ((out[at]! << 8) | out[at + 1]!) + randomInt(random, 1, 3) : randomInt(random, 0, 65535);
    out[at] = (value >> 8) & 0xff;
    out[at + 1] = value & 0xff;
    return out;
  },
  'compression pointer': (random, bytes) => {
    const out = bytes.slice();
    if (out.length < 2) return out;
    const at = randomInt(random, 12 <= out.length - 2 ? 12 : 0, out.length - 2);
    const target = random() < 0.3 ? at : randomInt(random, 0, out.length + 20); // self-loops and out of bounds
    out[at] = 0xc0 | ((target >> 8) & 0x3f);
    out[at + 1] = target & 0xff;
    return out;
  },
  'insert or delete': (random, bytes) => {
    const at = randomInt(random, 0, bytes.length);
    if (random() < 0.5) return Uint8Array.from([...bytes.slice(0, at), ...Array.from({ length: randomInt(random, 1, 16) }, () => randomInt(random, 0, 255)), ...bytes.slice(at)]);
    return Uint8Array.from([...bytes.slice(0, at), ...bytes.slice(at + randomInt(random, 1, 16))]);
  },
  splice: (random, bytes, seeds) => {
    const other = pick(random, seeds).message;
    return Uint8Array.from([...bytes.slice(0, randomInt(random, 0, bytes.length)), ...other.slice(randomInt(random, 0, other.length))]);
  },
};

const MUTATION_NAMES = Object.keys(MUTATIONS);

/** One input: 10 % pure random bytes, the rest one to three stacked mutations of a seed (never the seed itself). */
export function nextCase(random: () => number, seeds: readonly Seed[]): FuzzCase {
  const seed = pick(random, seeds);
  if (random() < 0.1) {
    const input = Uint8Array.from({ length: randomInt(random, 0, random() < 0.9 ? 64 : 1024) }, () => randomInt(random, 0, 255));
    return { ...seed, message: input, kind: 'random bytes' };
  }
  let message = seed.message;
  const applied: string[] = [];
  for (let i = randomInt(random, 1, 3); i > 0; i--) {
    const name = pick(random, MUTATION_NAMES);
    message = MUTATIONS[name]!(random, message, seeds);
    applied.push(name);
  }
  return { ...seed, message, kind: applied[0] ?? 'bit flips' };
}

/** Hand-made worst cases, timed one by one: each aims at a loop in the decoder that a count or length drives. */
export function craftedInputs(): (Seed & { kind: string })[] {
  const question = [7, ...Buffer.from('example'), 3, ...Buffer.from('com'), 0, 0, 1, 0, 1];
  const header = (an: number, ar: number) => [0, 0, 0x81, 0x80, 0, 1, 0, an, 0, 0, 0, ar];
  const owner = [0xc0, 12]; // pointer to the question's name
  const cases: [string, number[]][] = [
    ['OPT with RDLENGTH 65535 in a 40-byte message', [...header(0, 1), ...question, 0, 0, 41, 4, 208, 0, 0, 0, 0, 0xff, 0xff]],
    ['TXT with RDLENGTH 65535 in a 41-byte message', [...header(1, 0), ...question, ...owner, 0, 16, 0, 1, 0, 0, 0, 1, 0xff, 0xff]],
    ['A with RDLENGTH 65535', [...header(1, 0), ...question, ...owner, 0, 1, 0, 1, 0, 0, 0, 1, 0xff, 0xff, 1, 2, 3, 4]],
    ['compression pointer to itself', [...header(1, 0), ...question, 0xc0, 29, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 1, 2, 3, 4]],
    ['65535 answers announced, none sent', [0, 0, 0x81, 0x80, 0, 1, 0xff, 0xff, 0, 0, 0, 0, ...question]],
    ['64 KiB of OPT padding', [...header(0, 1), ...question, 0, 0, 41, 4, 208, 0, 0, 0, 0, 0xff, 0xeb, 0, 12, 0xff, 0xe7, ...new Array<number>(65_511).fill(0)]],
    // Two A records, the first with RDLENGTH 16: its address, then 12 octets that the library (which reads 4
    // octets for any A) takes as the header of a record of type 0xff00, whose RDLENGTH swallows the second A.
    ['A with RDLENGTH 16, its extra octets read as a record', [...header(2, 0), ...question, ...owner, 0, 1, 0, 1, 0, 0, 0, 60, 0, 16, 192, 0, 2, 1,
      ...owner, 0xff, 0, 0, 1, 0, 0, 0, 60, 0, 16, ...owner, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 203, 0, 113, 9]],
    // Three answers: an MX with RDLENGTH 32 and two TXT. The library reads the MX by layout (preference and
    // exchange, 4 octets), then a whole A for 192.0.2.66, then a type-0xff00 header whose RDLENGTH swallows both TXT.
    ['MX with RDLENGTH 32 carrying an A record', [...header(3, 0), ...question, ...owner, 0, 15, 0, 1, 0, 0, 0, 60, 0, 32, 0, 10, ...owner,
      ...owner, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 66, ...owner, 0xff, 0, 0, 1, 0, 0, 0, 60, 0, 32,
      ...owner, 0, 16, 0, 1, 0, 0, 0, 60, 0, 4, 3, 97, 98, 99, ...owner, 0, 16, 0, 1, 0, 0, 0, 60, 0, 4, 3, 97, 98, 99]],
  ];
  return cases.map(([kind, bytes]) => ({ kind, message: Uint8Array.from(bytes), name: 'example.com', type: 'A' }));
}
