/**
 * Owners kept current: acquisitions and renames the datasets have not caught up with, applied on top of
 * them when the table is compiled (compile-table.ts). Each row names its source: the announcement, or the
 * acquirer's filing when no announcement page is stable. A chain (TouchCommerce → Nuance → Microsoft) is
 * followed to its end, so a page's requests roll up to the company that owns the service today.
 *
 * `from` is spelled as a dataset spells it (trackerdb's organization or third-party-web's entity/company);
 * `to` as trackerdb spells the buyer when trackerdb knows it. A test checks that every `from` no longer
 * appears in the compiled table and that every `to` owns at least one domain there.
 *
 * The source addresses were written where no web access was possible and have not been opened yet: check each
 * before relying on it (the changes themselves are well known; an address may have moved).
 */
export interface OwnerChange {
  from: string;
  to: string;
  /** Year the change took effect. */
  year: number;
  kind: 'acquired' | 'renamed';
  source: string;
}

export const OWNER_CHANGES: readonly OwnerChange[] = [
  { from: 'ForeSee Results', to: 'Verint', year: 2018, kind: 'acquired', source: 'https://www.verint.com/press-room/2018-press-releases/verint-to-acquire-foresee/' },
  { from: 'ForeSee', to: 'Verint', year: 2018, kind: 'acquired', source: 'https://www.verint.com/press-room/2018-press-releases/verint-to-acquire-foresee/' },
  { from: 'DataXu', to: 'Roku', year: 2019, kind: 'acquired', source: 'https://newsroom.roku.com/news/2019/10/roku-to-acquire-dataxu/' },
  { from: 'Dataxu', to: 'Roku', year: 2019, kind: 'acquired', source: 'https://newsroom.roku.com/news/2019/10/roku-to-acquire-dataxu/' },
  { from: 'White Ops', to: 'Human Security', year: 2021, kind: 'renamed', source: 'https://www.humansecurity.com/newsroom/white-ops-is-now-human' },
  { from: 'TouchCommerce', to: 'Nuance', year: 2016, kind: 'acquired', source: 'https://news.nuance.com/2016-08-15-Nuance-Acquires-TouchCommerce' },
  { from: 'Nuance', to: 'Microsoft', year: 2022, kind: 'acquired', source: 'https://blogs.microsoft.com/blog/2022/03/04/microsoft-completes-acquisition-of-nuance-ushering-in-new-era-of-outcomes-based-ai/' },
  { from: 'AppDynamics', to: 'Cisco', year: 2017, kind: 'acquired', source: 'https://newsroom.cisco.com/c/r/newsroom/en/us/a/y2017/m03/cisco-completes-acquisition-of-appdynamics.html' },
  { from: 'Dynamic Yield', to: 'Mastercard', year: 2022, kind: 'acquired', source: 'https://www.mastercard.com/news/press/2022/april/mastercard-completes-acquisition-of-dynamic-yield/' },
  { from: 'SkimLinks', to: 'Connexity', year: 2018, kind: 'acquired', source: 'https://skimlinks.com/blog/skimlinks-acquired-by-connexity/' },
  { from: 'Skimlinks', to: 'Connexity', year: 2018, kind: 'acquired', source: 'https://skimlinks.com/blog/skimlinks-acquired-by-connexity/' },
  { from: 'Connexity', to: 'Taboola', year: 2021, kind: 'acquired', source: 'https://www.taboola.com/press-releases/taboola-completes-acquisition-of-connexity' },
  { from: 'Steelhouse', to: 'MNTN', year: 2021, kind: 'renamed', source: 'https://mountain.com/blog/steelhouse-is-now-mntn/' },
  { from: 'Lotame', to: 'Publicis Groupe', year: 2025, kind: 'acquired', source: 'https://www.publicisgroupe.com/en/news/press-releases/publicis-groupe-acquires-lotame' },
  { from: 'Epsilon', to: 'Publicis Groupe', year: 2019, kind: 'acquired', source: 'https://www.publicisgroupe.com/en/news/press-releases/publicis-groupe-completes-the-acquisition-of-epsilon' },
  { from: 'Conversant', to: 'Epsilon', year: 2017, kind: 'acquired', source: 'https://www.epsilon.com/us/about-us/pressroom/epsilon-to-combine-with-conversant' },
  { from: 'ClickTale', to: 'Contentsquare', year: 2019, kind: 'acquired', source: 'https://contentsquare.com/press/contentsquare-acquires-clicktale/' },
  { from: 'Clicktale', to: 'Contentsquare', year: 2019, kind: 'acquired', source: 'https://contentsquare.com/press/contentsquare-acquires-clicktale/' },
  { from: 'Hotjar', to: 'Contentsquare', year: 2021, kind: 'acquired', source: 'https://contentsquare.com/press/contentsquare-acquires-hotjar/' },
  { from: 'Heap', to: 'Contentsquare', year: 2023, kind: 'acquired', source: 'https://contentsquare.com/press/contentsquare-to-acquire-heap/' },
  { from: 'The Rubicon Project, Limited', to: 'Magnite', year: 2020, kind: 'renamed', source: 'https://investor.magnite.com/news-releases/news-release-details/rubicon-project-and-telaria-complete-merger-form-magnite' },
  { from: 'Rubicon Project', to: 'Magnite', year: 2020, kind: 'renamed', source: 'https://investor.magnite.com/news-releases/news-release-details/rubicon-project-and-telaria-complete-merger-form-magnite' },
  { from: 'SpotXchange', to: 'Magnite', year: 2021, kind: 'acquired', source: 'https://investor.magnite.com/news-releases/news-release-details/magnite-completes-acquisition-spotx' },
  { from: 'AppNexus Inc.', to: 'Microsoft', year: 2022, kind: 'acquired', source: 'https://blogs.microsoft.com/blog/2021/12/21/microsoft-to-acquire-xandr-to-accelerate-delivery-of-digital-advertising-and-retail-media-solutions/' },
  { from: 'AppNexus', to: 'Microsoft', year: 2022, kind: 'acquired', source: 'https://blogs.microsoft.com/blog/2021/12/21/microsoft-to-acquire-xandr-to-accelerate-delivery-of-digital-advertising-and-retail-media-solutions/' },
  { from: 'Drawbridge', to: 'Microsoft', year: 2019, kind: 'acquired', source: 'https://news.linkedin.com/2019/may/linkedin-to-acquire-drawbridge' },
  { from: 'Evergage', to: 'Salesforce', year: 2020, kind: 'acquired', source: 'https://investor.salesforce.com/press-releases/press-release-details/2020/Salesforce-Signs-Definitive-Agreement-to-Acquire-Evergage/' },
  { from: 'Tremor International', to: 'Nexxen', year: 2023, kind: 'renamed', source: 'https://investors.nexxen.com/news-releases/news-release-details/tremor-international-rebrands-nexxen' },
  { from: 'Tremor Video', to: 'Nexxen', year: 2023, kind: 'renamed', source: 'https://investors.nexxen.com/news-releases/news-release-details/tremor-international-rebrands-nexxen' },
  { from: 'VigLink', to: 'Sovrn Holdings Inc', year: 2018, kind: 'acquired', source: 'https://www.sovrn.com/press-releases/sovrn-acquires-viglink/' },
  { from: 'Maxymiser', to: 'Oracle', year: 2015, kind: 'acquired', source: 'https://www.oracle.com/corporate/pressrelease/oracle-buys-maxymiser-082015.html' },
  { from: 'Grapeshot', to: 'Oracle', year: 2018, kind: 'acquired', source: 'https://www.oracle.com/corporate/pressrelease/oracle-buys-grapeshot-041718.html' },
  { from: 'Moat', to: 'Oracle', year: 2017, kind: 'acquired', source: 'https://www.oracle.com/corporate/pressrelease/oracle-buys-moat-041917.html' },
  { from: 'AddThis', to: 'Oracle', year: 2016, kind: 'acquired', source: 'https://www.oracle.com/corporate/pressrelease/oracle-buys-addthis-010516.html' },
];

/**
 * Domains no dataset lists, with their owner and source. Oracle Infinity, Oracle's web analytics (the
 * successor of Webtrends Analytics), collects on oracleinfinity.io.
 */
export interface ExtraDomain {
  domain: string;
  owner: string;
  product: string;
  category: string;
  source: string;
}

export const EXTRA_DOMAINS: readonly ExtraDomain[] = [
  {
    domain: 'oracleinfinity.io',
    owner: 'Oracle',
    product: 'Oracle Infinity',
    category: 'site_analytics',
    source: 'https://docs.oracle.com/en/cloud/saas/marketing/infinity-user/Help/Data_Collection/collection_endpoints.htm',
  },
];

/** The current owner of `name`: the row chain followed to its end (a cycle stops where it would repeat). */
export function currentOwner(name: string): string {
  const seen = new Set<string>();
  let current = name;
  for (;;) {
    const row = OWNER_CHANGES.find((c) => c.from === current);
    if (row === undefined || seen.has(current)) return current;
    seen.add(current);
    current = row.to;
  }
}
