/**
 * What a reader sees in each real ninjs item under test/fixtures/real/ninjs/ (SOURCES.md says where
 * each came from): read in Node by test/node/ninjs.test.ts and through `<lede-article>` by
 * test/ninjs-real.test.ts. Every value is copied from the item by hand, never from Lede's output.
 */
export interface RealNinjs {
  file: string;
  headline: string;
  /** The byline as the item writes it (`by`, `byline` or NITF `byline`), or the authors' names. */
  byline?: string;
  /** `firstCreated`, else `versionCreated`: the date a reader sees first. */
  date?: string;
  /** Words from the body (or, for media, the caption) a reader must find. */
  words: string[];
  /** The picture, video or audio the item's renditions show, by a part of its URL. */
  media?: { kind: 'img' | 'video' | 'audio'; url: string; poster?: string };
  dek?: string;
  dateline?: string;
}

export const realNinjs: RealNinjs[] = [
  {
    file: 'addb-nitf-3.json',
    headline: "Anti-doping measures at the 'Tour Down Under' will be the toughest ever",
    byline: 'Trond Husø, The Anti-Doping Database',
    date: '2023-10-08T02:34:03+02:00',
    words: ['today announced a range of anti-doping initiatives', 'Biological Passport Program', 'Stamp Out Doping hotline'],
    dek: 'The Australian Sports Anti-Doping Authority (ASADA) today announced',
    dateline: 'Oslo, Norway',
  },
  {
    file: 'addb-nitf-2.json',
    headline: "Anti-doping measures at the 'Tour Down Under' will be the toughest ever",
    byline: 'Trond Husø, The Anti-Doping Database',
    date: '2023-10-08T02:34:03+02:00',
    words: ['to be held in South Australia from January 22-27', 'UCI President Pat McQuaid'],
    dateline: 'Oslo, Norway',
  },
  {
    file: 'ap-audio-3.json',
    headline: 'Next up in impeachment hearings: A parade of key witnesses',
    date: '2019-11-14T16:17:53Z',
    words: ['House Speaker Nancy Pelosi says the president committed an impeachable offense.'],
    media: { kind: 'audio', url: '8c9f92e2a4414c709a295b449f459a74.0/download?role=main' },
    dateline: 'CAPITOL HILL',
  },
  {
    file: 'ap-audio-2.json',
    headline: 'Next up in impeachment hearings: A parade of key witnesses',
    date: '2019-11-14T16:17:53Z',
    words: ['committed an impeachable offense'],
    media: { kind: 'audio', url: 'cid=62000ab669e047b2b00b5faa1d08f41d' },
    dateline: 'CAPITOL HILL',
  },
  {
    file: 'ap-video-3.json',
    headline: 'House leaders double down on impeachment positions',
    date: '2019-11-14T18:50:56Z',
    words: ['House Democrats are refining the case against the president to a simple allegation: Bribery.'],
    media: { kind: 'video', url: 'cid=714e0b23feed42318f07705982a533dd', poster: '1114T132831_1920x1080.jpg' },
    dateline: 'Washington',
  },
  {
    file: 'ap-image-3.json',
    headline: 'Turkey Islamic State',
    date: '2019-11-15T13:39:59Z',
    words: ["stands in a no man's land between Turkey and Greece"],
    media: { kind: 'img', url: 'preview/preview.jpg' },
  },
  {
    file: 'businesswire-zh-1.json',
    headline: 'APP发布“2020 可持续发展路线图”第三次工作进展报告，并将继续落实森林保护政策',
    date: '2013-06-12T15:29:00Z',
    words: ['亚洲浆纸业有限公司', '印尼当地热带雨林保护工作起到积极作用'],
  },
  {
    file: 'dpa-text-2.json',
    headline: 'Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?',
    // `by` is "Von Christian Hollmann, dpa": the element prints its own "By"/"Von".
    byline: 'Christian Hollmann, dpa',
    date: '2019-05-10T16:02:28+02:00',
    words: ['der größte Skandal im Fußball seit Jahren', 'Interpretationsspielraum'],
  },
  {
    file: 'iptc-complex-1.json',
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    byline: "Paulo Santalucia and Frances d'Emilio",
    date: '2013-07-09T10:37:00Z',
    words: ['The trial of the captain of the shipwrecked Costa Concordia', 'Schettino has denied wrongdoing.'],
    media: { kind: 'img', url: '2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg' },
    dateline: 'Grossetto, Italy',
  },
  {
    file: 'iptc-complex-2.json',
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    byline: "Paulo Santalucia and Frances d'Emilio",
    date: '2013-07-09T10:39:00Z',
    // The composite's second picture becomes a figure in the body, with its caption.
    words: ["eight-day nationwide lawyers' strike", 'Francesco Schettino the captain of the Costa Concordia cruise ship at court'],
    media: { kind: 'img', url: '2643c588-dc8d-4923-bebd-e3b904xyz000-big.jpg' },
    dateline: 'Grossetto, Italy',
  },
  {
    file: 'iptc-medium-text-1.json',
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    byline: "Paulo Santalucia and Frances d'Emilio",
    date: '2013-07-09T10:37:00Z',
    words: ['Pepe said some 1,000 witnesses are expected to eventually testify.'],
    dateline: 'Grossetto, Italy',
  },
  {
    file: 'iptc-simple-photo-1.json',
    headline: 'Costa Concordia cruise ship',
    byline: 'Paulo Santalucia',
    date: '2013-07-08T08:12:00Z',
    words: ['The Costa Concordia cruise ship lies on its side in the waters of the Tuscan island of Giglio'],
    media: { kind: 'img', url: '2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg' },
  },
  {
    file: 'iptc-simple-text-2.json',
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    byline: "Paulo Santalucia and Frances d'Emilio",
    date: '2013-07-09T10:37:00Z',
    words: ['The sole defendant, Francesco Schettino'],
  },
  {
    file: 'iptc-simple-text-3.json',
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    byline: "Paulo Santalucia and Frances d'Emilio",
    date: '2013-07-09T10:37:00Z',
    words: ['took on water and capsized'],
  },
  {
    file: 'ntb-text-3.json',
    headline: 'Google har kjøpt giganttomt i Skien',
    byline: 'NTB',
    date: '2019-08-09T09:30:04Z',
    // A headline-and-summary item: no body, and it still renders.
    words: [],
    dek: 'IT-giganten Google har kjøpt en tomt på nærmere 2.000 mål i Skien',
  },
  {
    file: 'sipa-image-3.json',
    headline: 'Italy: Italy Demonstration of the workers congresses and conferences',
    byline: 'Insidefoto',
    date: '2020-10-27T15:35:19Z',
    words: ['Demonstration of the workers of congresses and conferences against he measures'],
    media: { kind: 'img', url: 'sipa-20201027-153349-sipausa_31238900.jpg' },
  },
  {
    file: 'tt-text-image-3.json',
    headline: 'Militärövning i jätteformat hålls 2023',
    date: '2021-05-26T13:40:18+02:00',
    words: ['Pandemin satte stopp för den stora internationella militärövningen', 'inte minst Finland'],
    media: { kind: 'img', url: 'a001_NormalThumbnail.jpg' },
  },
  {
    file: 'uefa-event-3.json',
    // An event with no headline: its title stands in.
    headline: 'Champions League 2023/2024 - Group E - Atlético de Madrid-Feyenoord',
    words: [],
    dek: 'Feyenoord met Atlético de Madrid on Estadio Metropolitano',
  },
];
