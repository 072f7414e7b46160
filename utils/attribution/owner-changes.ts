/**
 * Owners kept current: acquisitions and renames the datasets have not caught up with, applied on top of
 * them when the table is compiled (compile-table.ts). Each row names its source: the acquirer's filing where
 * one could be found, else press coverage. A chain (TouchCommerce → Nuance → Microsoft) is followed to its end,
 * so a page's requests roll up to the company that owns the service today.
 *
 * `from` is spelled as a dataset spells it (trackerdb's organization or third-party-web's entity/company);
 * `to` as trackerdb spells the buyer when trackerdb knows it. A test checks that every `from` no longer
 * appears in the compiled table and that every `to` owns at least one domain there.
 *
 * How the sources were checked (2026-12-04, no live web): each row's change was looked up in a stored copy of
 * public web pages (a search index). `verified: true` means the `source` is the exact address of a stored page
 * whose text, as the index returned it, states the change and its year; only those excerpts were read, not
 * whole pages. `verified: false` means no stored page confirmed both: the address is the one written without web
 * access and has never been opened (ClickTale, Hotjar, Heap, Drawbridge), or, for Steelhouse, a stored page that
 * confirms the rename but not its year. Those rows are kept because the changes are widely reported, not
 * because anything here checked them. Two rows were corrected against stored pages: Skimlinks → Connexity is
 * 2020 (was 2018), Conversant joined Alliance Data's Epsilon in 2014 (was 2017). Consent-vendor catalogues
 * (flowconsent.com and the like) were not taken as confirmation: one dates Taboola's Connexity purchase to 2020,
 * Taboola's own filing to 2021.
 */
export interface OwnerChange {
  from: string;
  to: string;
  /** Year the change took effect. */
  year: number;
  kind: 'acquired' | 'renamed';
  source: string;
  /** True only when `source` was found in the stored copy and states the change and its year (see above). */
  verified: boolean;
}

export const OWNER_CHANGES: readonly OwnerChange[] = [
  // Verint 10-K (fiscal year to 31 Jan 2019): "On December 19, 2018, we completed the acquisition of ... ForeSee".
  { from: 'ForeSee Results', to: 'Verint', year: 2018, kind: 'acquired', source: 'https://sec.gov/Archives/edgar/data/1166388/000116638819000013/R12.htm', verified: true },
  { from: 'ForeSee', to: 'Verint', year: 2018, kind: 'acquired', source: 'https://sec.gov/Archives/edgar/data/1166388/000116638819000013/R12.htm', verified: true },
  // Roku 10-K 2019: "On November 8, 2019, the Company acquired all outstanding shares of dataxu, Inc.".
  { from: 'DataXu', to: 'Roku', year: 2019, kind: 'acquired', source: 'https://www.sec.gov/Archives/edgar/data/1428439/000156459020007916/R12.htm', verified: true },
  { from: 'Dataxu', to: 'Roku', year: 2019, kind: 'acquired', source: 'https://www.sec.gov/Archives/edgar/data/1428439/000156459020007916/R12.htm', verified: true },
  // Ad Age, 2021-03-30: White Ops changes its name to Human (announced as a plan in October 2020).
  { from: 'White Ops', to: 'Human Security', year: 2021, kind: 'renamed', source: 'https://adage.com/article/digital/cybersecurity-firm-white-ops-rebrands-human-amid-techs-reckoning-race/2324791', verified: true },
  // Nuance 10-K (fiscal 2016): "In August 2016, we acquired all of the outstanding stock of TouchCommerce".
  { from: 'TouchCommerce', to: 'Nuance', year: 2016, kind: 'acquired', source: 'https://www.sec.gov/Archives/edgar/data/1002517/000100251716000088/R10.htm', verified: true },
  { from: 'Nuance', to: 'Microsoft', year: 2022, kind: 'acquired', source: 'https://www.pymnts.com/acquisitions/2022/microsoft-finalizes-16b-nuance-purchase/', verified: true },
  // CNBC, 2017-01-25: Cisco agreed to buy AppDynamics for $3.7 billion (closing expected in Cisco's quarter ending April 2017).
  { from: 'AppDynamics', to: 'Cisco', year: 2017, kind: 'acquired', source: 'https://www.cnbc.com/2017/01/25/appdynamics-ipo-turns-into-cisco-mega-deal.html', verified: true },
  // Mastercard 10-Q (Q3 2022): "In April 2022, Mastercard acquired 100% equity interest in Dynamic Yield LTD.".
  { from: 'Dynamic Yield', to: 'Mastercard', year: 2022, kind: 'acquired', source: 'https://www.sec.gov/Archives/edgar/data/1141391/000114139122000163/R9.htm', verified: true },
  // AdExchanger: announced during the COVID-19 outbreak, so 2020 (this row said 2018, the year Skimlinks' CEO took over).
  { from: 'SkimLinks', to: 'Connexity', year: 2020, kind: 'acquired', source: 'https://www.adexchanger.com/ecommerce-2/connexity-buys-skimlinks-adding-an-affiliate-network-to-its-retail-marketing-toolkit/', verified: true },
  { from: 'Skimlinks', to: 'Connexity', year: 2020, kind: 'acquired', source: 'https://www.adexchanger.com/ecommerce-2/connexity-buys-skimlinks-adding-an-affiliate-network-to-its-retail-marketing-toolkit/', verified: true },
  // Taboola 10-K 2021: "On September 1, 2021, the Company consummated the Connexity Acquisition".
  { from: 'Connexity', to: 'Taboola', year: 2021, kind: 'acquired', source: 'https://www.sec.gov/Archives/edgar/data/1840502/000114036122010978/R11.htm', verified: true },
  // A 2022 loan amendment names "MNTN DIGITAL, INC. (f/k/a Steel House, Inc.)": the rename, not its year.
  { from: 'Steelhouse', to: 'MNTN', year: 2021, kind: 'renamed', source: 'https://contracts.justia.com/companies/mntn-inc-103501/contract/1316353', verified: false },
  { from: 'Lotame', to: 'Publicis Groupe', year: 2025, kind: 'acquired', source: 'https://new.adotat.com/p/special-issue-publicis-buys-lotame-because-2-3-billion-people-weren-t-enough', verified: true },
  // The Message, 2019-07-05: "This week Publicis Groupe completed its $4-billion acquisition of ... Epsilon".
  { from: 'Epsilon', to: 'Publicis Groupe', year: 2019, kind: 'acquired', source: 'https://the-message.ca/2019/07/05/why-publicis-bought-epsilon-and-what-it-means-to-canada/', verified: true },
  // Conversant's 10-Q: merger agreement with Alliance Data, Epsilon's parent, on 11 September 2014 (an Alliance Data
  // 8-K/A, stored only over http at advfn.com, reports completion in December 2014). Conversant then ran inside
  // Epsilon ("Epsilon-Conversant", sold with it to Publicis). This row said 2017.
  { from: 'Conversant', to: 'Epsilon', year: 2014, kind: 'acquired', source: 'https://www.sec.gov/Archives/edgar/data/1080034/000108003414000036/R22.htm', verified: true },
  // ClickTale, Hotjar, Heap: no filing or press page stored, only consent-vendor catalogues; Contentsquare's
  // Wikipedia article was deleted (2022). Addresses below were never opened.
  { from: 'ClickTale', to: 'Contentsquare', year: 2019, kind: 'acquired', source: 'https://contentsquare.com/press/contentsquare-acquires-clicktale/', verified: false },
  { from: 'Clicktale', to: 'Contentsquare', year: 2019, kind: 'acquired', source: 'https://contentsquare.com/press/contentsquare-acquires-clicktale/', verified: false },
  { from: 'Hotjar', to: 'Contentsquare', year: 2021, kind: 'acquired', source: 'https://contentsquare.com/press/contentsquare-acquires-hotjar/', verified: false },
  { from: 'Heap', to: 'Contentsquare', year: 2023, kind: 'acquired', source: 'https://contentsquare.com/press/contentsquare-to-acquire-heap/', verified: false },
  // Magnite 10-K 2021: "On April 1, 2020, ... the Company completed the merger with Telaria"; Magnite's EDGAR header
  // gives its former name, Rubicon Project, Inc.
  { from: 'The Rubicon Project, Limited', to: 'Magnite', year: 2020, kind: 'renamed', source: 'https://sec.gov/Archives/edgar/data/1595974/000159597422000010/R18.htm', verified: true },
  { from: 'Rubicon Project', to: 'Magnite', year: 2020, kind: 'renamed', source: 'https://sec.gov/Archives/edgar/data/1595974/000159597422000010/R18.htm', verified: true },
  { from: 'SpotXchange', to: 'Magnite', year: 2021, kind: 'acquired', source: 'https://www.digitaltveurope.com/2021/05/04/rtl-closes-spotx-sale/', verified: true },
  // Next TV: AT&T completed the sale of Xandr (AppNexus) to Microsoft; the page dates itself to 2022 ("spinning off
  // WarnerMedia earlier this year"). The agreement was announced on 2021-12-21.
  { from: 'AppNexus Inc.', to: 'Microsoft', year: 2022, kind: 'acquired', source: 'https://www.nexttv.com/news/atandt-competes-sale-of-xandr-ad-unit-to-microsoft', verified: true },
  { from: 'AppNexus', to: 'Microsoft', year: 2022, kind: 'acquired', source: 'https://www.nexttv.com/news/atandt-competes-sale-of-xandr-ad-unit-to-microsoft', verified: true },
  // Nothing stored on LinkedIn's (Microsoft's) purchase of Drawbridge; the address was never opened.
  { from: 'Drawbridge', to: 'Microsoft', year: 2019, kind: 'acquired', source: 'https://news.linkedin.com/2019/may/linkedin-to-acquire-drawbridge', verified: false },
  // "The product was acquired as Evergage in 2020" (Salesforce also filed an S-8 for Evergage's stock plan on 2020-03-05).
  { from: 'Evergage', to: 'Salesforce', year: 2020, kind: 'acquired', source: 'https://salesforcedictionary.com/terms/marketing-cloud-personalization', verified: true },
  // Tremor International, 2023-08-17: "Rebranded products and platforms as Nexxen", Tremor Video's DSP merged into the
  // Nexxen DSP. The company itself still filed as Tremor International Ltd. in November 2023.
  { from: 'Tremor International', to: 'Nexxen', year: 2023, kind: 'renamed', source: 'https://markets.businessinsider.com/news/stocks/tremor-international-reports-results-for-the-three-and-six-months-ended-june-30-2023-1032562660', verified: true },
  { from: 'Tremor Video', to: 'Nexxen', year: 2023, kind: 'renamed', source: 'https://markets.businessinsider.com/news/stocks/tremor-international-reports-results-for-the-three-and-six-months-ended-june-30-2023-1032562660', verified: true },
  { from: 'VigLink', to: 'Sovrn Holdings Inc', year: 2018, kind: 'acquired', source: 'https://knowledge.sovrn.com/how-to-get-started-with-sovrn-commerce', verified: true },
  // Oracle's ad-tech purchases, as listed (after AdExchanger) when Oracle shut AddThis down: Maxymiser 2015, AddThis 2016.
  { from: 'Maxymiser', to: 'Oracle', year: 2015, kind: 'acquired', source: 'https://programmatic-portugal.com/destaques/a-oracle-fechar-definitivamente-o-addthis-o-seu-servio-de-bookmarking-social', verified: true },
  { from: 'Grapeshot', to: 'Oracle', year: 2018, kind: 'acquired', source: 'https://marketingxdigital.com/?p=18617', verified: true },
  { from: 'Moat', to: 'Oracle', year: 2017, kind: 'acquired', source: 'https://www.mediapost.com/publications/article/332561/oracle-moat-analytics-receives-mrc-accreditation.html?edition=112989', verified: true },
  { from: 'AddThis', to: 'Oracle', year: 2016, kind: 'acquired', source: 'https://programmatic-portugal.com/destaques/a-oracle-fechar-definitivamente-o-addthis-o-seu-servio-de-bookmarking-social', verified: true },
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
