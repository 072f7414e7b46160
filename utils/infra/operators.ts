/**
 * The infrastructure operators Diffuse names when it says who serves a host: the clouds, CDNs and hosters
 * on which the web consolidates. Build-time data only: the compilers turn it into the shipped ASN table and
 * suffix map, so nothing here has to stay small.
 *
 * Sources. No list here was fetched while writing it (no network); each number is one of:
 *  - "PeeringDB": the operator's own PeeringDB record, as widely published and known to the author;
 *  - "registrant": the AS registrant (RIR whois, as carried into the AS-name field of @ip-location-db/asn
 *    2.3.2026061719 via DB-IP) names the operator or a subsidiary it owns.
 * asn-table.real-data.test.ts checks every ASN against that AS-name field (`asName`), so a typo or a
 * reassigned number fails the tests instead of attributing someone else's addresses.
 * Subsidiaries roll up to the parent, as the tracker data does (YouTube → Google, Linode → Akamai).
 * Left out on purpose: access networks of these companies (Google Fiber AS16591, Google Access AS32381:
 * their addresses are subscribers, not servers) and numbers whose registrant could not be tied to the
 * operator (GOOGLE CHINA INFOTECH OU AS151231, Datacamp AS212238: mostly resold to VPNs, StackPath's former
 * Highwinds numbers AS12989/AS20446/AS33438, now registered to other companies).
 * Suffixes are names only the operator's infrastructure answers for (CNAME targets, service domains); they are
 * completed at build time from trackerdb's `hosting` patterns listed in `trackerdbHosting`.
 */

export interface InfraOperator {
  /** Display name; also the key popups and reports group by. */
  name: string;
  /** Origin AS numbers whose ranges the operator serves from. */
  asns: readonly number[];
  /** AS-name every listed ASN must carry in the dataset (checked by the real-data test). */
  asName: RegExp;
  /** DNS name suffixes, no leading dot, that only this operator's infrastructure answers for. */
  suffixes: readonly string[];
  /** Ids of trackerdb `hosting` patterns whose domains are this operator's (see compile-suffixes.ts). */
  trackerdbHosting?: readonly string[];
  /** Where the ASNs and suffixes come from. */
  source: string;
}

export const INFRA_OPERATORS: readonly InfraOperator[] = [
  {
    name: 'Google', asName: /^Google(,? LLC| (Ireland|Switzerland|Singapore|Asia Pacific|Cloud EMEA|Kenya))/,
    asns: [15169, 396982, 19527, 36040, 43515, 36384, 36385, 36492, 41264, 45566, 139070, 139190, 16550, 33715, 36383,
      36411, 36987, 394089, 394507, 394639, 395973, 396178, 214609, 214611],
    suffixes: ['googleusercontent.com', 'googlehosted.com', 'googleapis.com', 'gstatic.com', 'googlevideo.com', 'appspot.com',
      'run.app', 'web.app', 'firebaseapp.com', '1e100.net'],
    trackerdbHosting: ['google_appspot', 'google_cloud', 'google_users', 'googleapis.com', 'gstatic', 'google_photos', 'google_fonts'],
    source: 'PeeringDB: 15169, 396982 (Google Cloud), 19527, 36040 and 43515 (YouTube); the rest registrant',
  },
  {
    name: 'Amazon', asName: /^Amazon(\.com| Technologies| Data Services| Connection Technology)/,
    asns: [16509, 14618, 8987, 7224, 38895, 801, 9059, 21664, 36263, 62785, 135630, 214101, 400098, 401395],
    suffixes: ['cloudfront.net', 'amazonaws.com', 'awsglobalaccelerator.com', 'amplifyapp.com'],
    trackerdbHosting: ['amazon_cloudfront', 'amazon_web_services', 'amazon_cdn'],
    source: 'PeeringDB: 16509, 14618 (AWS), 8987 (AWS Ireland), 7224, 38895; the rest registrant',
  },
  {
    name: 'Microsoft', asName: /^(Microsoft|GitHub|LinkedIn)/,
    asns: [8075, 8068, 8069, 8070, 8071, 3598, 5761, 12076, 17144, 30520, 35106, 45139, 46182, 54396, 58862, 59067, 63314, 200517,
      36459, 13443, 14413, 40793, 55163, 197613, 202745],
    suffixes: ['azureedge.net', 'azurefd.net', 'trafficmanager.net', 'azurewebsites.net', 'cloudapp.net', 'msecnd.net', 'msedge.net',
      'blob.core.windows.net', 'azurestaticapps.net'],
    trackerdbHosting: ['azureedge.net', 'aspnetcdn'],
    source: 'PeeringDB: 8075, 8068-8070; GitHub 36459 and LinkedIn 13443/14413 are Microsoft subsidiaries; the rest registrant',
  },
  {
    name: 'Cloudflare', asName: /^Cloudflare/,
    asns: [13335, 209242, 14789, 132892, 139242, 202623, 203898, 394536, 395747, 400095],
    suffixes: ['cdn.cloudflare.net', 'cloudflare.net', 'cloudflare.com', 'pages.dev', 'workers.dev', 'r2.dev', 'cloudflarestorage.com'],
    trackerdbHosting: ['cloudflare'],
    source: 'PeeringDB: 13335, 209242; the rest registrant',
  },
  {
    name: 'Akamai', asName: /^(Akamai|Linode)/,
    asns: [20940, 16625, 63949, 32787, 12222, 17204, 18680, 18717, 21342, 24319, 26008, 31108, 31984, 33047, 33905, 34164, 35204,
      35994, 36029, 36183, 43639, 48337, 49846, 55770, 200005, 213120, 393234, 393560],
    suffixes: ['akamaiedge.net', 'akamai.net', 'edgekey.net', 'edgesuite.net', 'akamaized.net', 'akamaihd.net', 'akadns.net',
      'akamaitechnologies.com', 'linode.com'],
    trackerdbHosting: ['akamai_technologies'],
    source: 'PeeringDB: 20940, 16625; 63949 and 48337 are Linode (Akamai since 2022), 32787 Prolexic (Akamai); the rest registrant',
  },
  {
    name: 'Fastly', asName: /^Fastly/, asns: [54113],
    suffixes: ['fastly.net', 'fastlylb.net'], trackerdbHosting: ['fastlylb.net'],
    source: 'PeeringDB: 54113',
  },
  {
    name: 'Meta', asName: /^Facebook/, asns: [32934, 63293, 54115, 149642],
    suffixes: ['fbcdn.net', 'fbsbx.com'], trackerdbHosting: ['facebook_cdn'],
    source: 'PeeringDB: 32934, 63293; the rest registrant',
  },
  {
    name: 'Apple', asName: /^Apple Inc/, asns: [714, 6185],
    suffixes: ['aaplimg.com', 'apple-dns.net', 'cdn-apple.com', 'mzstatic.com'],
    source: 'PeeringDB: 714, 6185',
  },
  {
    name: 'Alibaba', asName: /^(Alibaba \(US\)|Alibaba Cloud|Hangzhou Alibaba|Zhejiang Taobao)/, asns: [45102, 37963, 24429, 134963],
    suffixes: ['alicdn.com', 'aliyuncs.com'],
    source: 'PeeringDB: 45102, 37963; 24429 (Taobao), 134963 registrant',
  },
  {
    name: 'Tencent', asName: /^(Shenzhen Tencent|Tencent)/, asns: [45090, 132203, 132591, 133478, 137876],
    suffixes: ['myqcloud.com', 'qcloud.com'],
    source: 'PeeringDB: 45090, 132203; the rest registrant',
  },
  {
    name: 'Oracle', asName: /^Oracle/,
    asns: [31898, 1215, 1217, 1218, 1219, 3457, 6142, 11049, 11479, 11506, 14544, 15135, 15519, 18916, 20037,
      20054, 24185, 33517, 34135, 38538, 46558, 52019, 54253, 64102, 200705, 200981, 206209, 393314, 393773, 395010],
    suffixes: ['oraclecloud.com'],
    source: 'PeeringDB: 31898 (Oracle Cloud); 33517 and 54253 are Dyn (Oracle); the rest registrant',
  },
  { name: 'OVHcloud', asName: /^OVH/, asns: [16276, 35540], suffixes: ['ovh.net'], source: 'PeeringDB: 16276; 35540 registrant' },
  {
    name: 'Hetzner', asName: /^Hetzner/, asns: [24940, 212317, 213230, 215859], suffixes: ['your-server.de'],
    source: 'PeeringDB: 24940; the rest registrant',
  },
  {
    name: 'DigitalOcean', asName: /^DigitalOcean/, asns: [14061, 46652, 393406],
    suffixes: ['digitaloceanspaces.com', 'ondigitalocean.app'],
    source: 'PeeringDB: 14061; the rest registrant',
  },
  {
    name: 'Vultr', asName: /^The Constant Company/, asns: [20473], suffixes: [],
    source: 'PeeringDB: 20473 (registered to The Constant Company, which runs Vultr)',
  },
  {
    name: 'Gcore', asName: /^G-Core Labs/, asns: [199524, 202422, 210559, 59245], suffixes: [],
    source: 'PeeringDB: 199524; the rest registrant',
  },
  // No AS in the data carries Vercel's or Netlify's name, and their documented entry addresses (76.76.21.21,
  // 75.2.60.5) sit in Amazon's AS16509 there: by address they count as Amazon, only their names name them.
  { name: 'Vercel', asName: /^Vercel/, asns: [], suffixes: ['vercel-dns.com', 'vercel.app', 'now.sh'], source: 'Vercel documentation' },
  {
    name: 'Netlify', asName: /^Netlify/, asns: [], suffixes: ['netlify.app', 'netlify.com', 'netlifyglobalcdn.com'],
    source: 'Netlify documentation',
  },
  {
    name: 'Bunny', asName: /^BUNNYWAY/, asns: [200325], suffixes: ['b-cdn.net', 'bunnycdn.com'], trackerdbHosting: ['bunny_cdn'],
    source: 'PeeringDB: 200325 (BunnyWay d.o.o., which runs bunny.net)',
  },
  {
    name: 'CDN77', asName: /^Datacamp Limited/, asns: [60068], suffixes: ['cdn77.org', 'cdn77.com'], trackerdbHosting: ['cdn77'],
    source: 'PeeringDB: 60068 (CDN77, run by Datacamp Limited)',
  },
  {
    // Edgio (Edgecast + Limelight) closed in 2024-25; its ranges still carry these names in this data.
    name: 'Edgio', asName: /^(Edgecast|Limelight)/, asns: [15133, 14210, 22822, 23059, 26506, 37277, 38622, 55429],
    suffixes: ['edgecastcdn.net', 'llnwd.net'],
    source: 'PeeringDB: 15133 (Edgecast), 22822 (Limelight); the rest registrant',
  },
  {
    // StackPath (MaxCDN's successor): its former ASNs are registered to others now (see the top), so only
    // its CNAME targets name it.
    name: 'StackPath', asName: /^StackPath/, asns: [], suffixes: ['stackpathdns.com', 'stackpathcdn.com', 'netdna-cdn.com', 'netdna-ssl.com'],
    trackerdbHosting: ['stackpathdns.com', 'maxcdn'], source: 'StackPath documentation; MaxCDN was acquired by StackPath',
  },
  {
    name: 'Imperva', asName: /^(Incapsula|IMPERVA)/, asns: [19551, 14960, 62571], suffixes: ['incapdns.net'],
    source: 'PeeringDB: 19551 (Incapsula); the rest registrant',
  },
  {
    name: 'Leaseweb', asName: /^Lease[wW]eb|^LEASEWEB/,
    asns: [60781, 16265, 28753, 30633, 7203, 19148, 27411, 32613, 38930, 59253, 60626, 133752, 134351, 136988, 205544, 393886,
      394380, 395954, 396190, 396362],
    suffixes: [], source: 'PeeringDB: 60781, 16265, 28753, 30633; the rest registrant',
  },
  { name: 'Hostinger', asName: /^Hostinger/, asns: [47583, 204915], suffixes: [], source: 'PeeringDB: 47583; 204915 registrant' },
  {
    name: 'Automattic', asName: /^Automattic/, asns: [2635], suffixes: ['wp.com'],
    source: 'PeeringDB: 2635 (WordPress.com, WordPress VIP)',
  },
  {
    name: 'GoDaddy', asName: /^GoDaddy/, asns: [26496, 398101, 31815, 398787, 400754], suffixes: [],
    source: 'PeeringDB: 26496, 398101; the rest registrant',
  },
  {
    name: 'ByteDance', asName: /^(Bytedance|TIKTOK)/, asns: [396986, 138699], suffixes: [],
    source: 'PeeringDB: 396986; 138699 (TikTok) registrant',
  },
  { name: 'IONOS', asName: /^IONOS/, asns: [8560], suffixes: [], source: 'PeeringDB: 8560' },
  {
    name: 'Scaleway', asName: /^(Scaleway|SCALEWAY)/, asns: [12876, 29447, 202023, 54265], suffixes: ['scw.cloud'],
    source: 'PeeringDB: 12876; the rest registrant',
  },
  { name: 'Contabo', asName: /^Contabo/, asns: [51167, 40021, 141995], suffixes: [], source: 'PeeringDB: 51167; the rest registrant' },
];
