/**
 * What a reader sees of each real feed in test/fixtures/real/feeds/ (SOURCES.md says where each
 * came from): every story's title, and the first story's link, date, image, author and kicker,
 * checked by hand against the feed's own text. Node reads them through `parseFeed`
 * (test/node/feeds-corpus.test.ts), the browsers through `<lede-related src>`
 * (test/related-corpus.test.ts). Relative links are written relative: each test resolves them
 * against the URL it reads the feed from.
 */
export interface CorpusFeed {
  file: string;
  format: 'rss' | 'atom' | 'json-feed';
  titles: string[];
  first: { url: string; datePublished?: string; image?: string; author?: string; section?: string; excerptHas?: string };
  /** Fields left out and reported, in every environment. */
  dropped?: string[];
}

export const corpus: CorpusFeed[] = [
  {
    file: 'alistapart.rss',
    format: 'rss',
    titles: ['Elevate Web Design at the University Level', 'Brighter Horizons for Web Education'],
    // RSS 2.0's author is "email (Name)".
    first: {
      url: 'http://www.alistapart.com/articles/elevatewebdesignattheuniversitylevel',
      datePublished: '2009-01-18T18:24:37.000Z',
      author: 'Leslie Jensen-Inman',
      section: 'State of the Web',
    },
  },
  {
    file: 'aws-blog-typepad.atom',
    format: 'atom',
    titles: ['AWS Job: Architect & Designer Position in Turkey', 'Mainframes in the Cloud?', "SimpleDB Developer's Brown Bag"],
    first: {
      url: 'http://aws.typepad.com/aws/2009/01/aws-job-architect-designer-position-in-turkey.html',
      datePublished: '2009-01-16T10:21:00-08:00',
      author: 'AWS Editor',
      excerptHas: "I won't spill any beans",
    },
  },
  {
    file: 'craigslist-rdf.rss',
    format: 'rss',
    titles: [
      'New girlfriends in Everett area (Everett)',
      'Wing Chun Kung Fu (Tacoma)',
      'PERSONAL SOCCER (FOOTBALL) TRAINER/COACH (seattle, everett, lynnwood, edmonds)',
      "'Self Defense' classes for individuals & groups (University Place)",
    ],
    first: { url: 'http://seattle.craigslist.org/sno/act/5366822733.html', datePublished: '2015-12-19T02:11:33-08:00' },
  },
  {
    file: 'folha-rss091-latin1.rss',
    format: 'rss',
    titles: ['Vida de jogador: trocando seis por nada', 'Palavras de ordem', 'Análises cada vez mais precipitadas', 'O óbvio e o básico'],
    first: {
      url: 'http://redir.folha.com.br/redir/online/folha/colunas/futebolnarede/rss091/*http://www1.folha.uol.com.br/folha/colunas/futebolnarede/740548-vida-de-jogador-trocando-seis-por-nada.shtml',
      excerptHas: 'situação dos clubes em que estão',
    },
  },
  {
    file: 'giantbomb-podcast.rss',
    format: 'rss',
    titles: ['Giant Bombcast 603: Call of Tuesday', 'Giant Bombcast 602: Easy Chicken', 'Giant Bombcast 601: Chief Daedra Officer'],
    // PST is UTC−8; the image is the episode's itunes:image, not its MP3 enclosure.
    first: {
      url: 'https://www.giantbomb.com/shows/603-call-of-tuesday/2970-19653/free-podcast',
      datePublished: '2019-10-01T22:30:00.000Z',
      image: 'https://giantbomb1.cbsistatic.com/uploads/original/0/30/3132120-mspac-marquee-full.jpg?20191008',
      author: 'Giant Bomb',
    },
  },
  {
    file: 'github-gulp-releases.atom',
    format: 'atom',
    titles: ['v3.9.0', 'v3.8.11', 'v3.8.10'],
    first: {
      url: '/gulpjs/gulp/releases/tag/v3.9.0',
      datePublished: '2015-06-01T23:49:41+02:00',
      image: 'https://avatars3.githubusercontent.com/u/425716?v=3&s=60',
      author: 'contra',
    },
  },
  {
    file: 'google-ads-blogger-feedburner.atom',
    format: 'atom',
    titles: ['AdWords and DFP Java client library will soon require Java 7+'],
    first: {
      url: 'http://feedproxy.google.com/~r/blogspot/lQlzL/~3/Zjf41PDVLAc/adwords-and-dfp-java-client-library.html',
      datePublished: '2016-06-03T07:38:00.000-07:00',
      author: 'Google Ads Developer Advisor',
      section: 'adwords_api',
    },
  },
  {
    file: 'guardian-us.rss',
    format: 'rss',
    titles: [
      'Trump State of the Union address promised unity but emphasized discord',
      'So, how did conservatives like the State of the Union?',
      "FBI has 'grave concerns' about Trump plan to release controversial memo",
    ],
    // The widest of two media:content images, which name neither type nor medium.
    first: {
      url: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      datePublished: '2018-01-31T07:26:05.000Z',
      image:
        'https://i.guim.co.uk/img/media/b73c8752cd4667c923dff7f1542f1fb20089e421/0_108_3000_1799/master/3000.jpg?w=460&q=55&auto=format&usm=12&fit=max&s=a606a273a90104e57b1e09bc4c0a1e11',
      author: 'David Smith in Washington',
      section: 'Donald Trump',
      excerptHas: 'The president’s ‘new American moment’ speech',
    },
  },
  {
    file: 'heise-developer.atom',
    format: 'atom',
    titles: [
      'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei',
      'Microsoft veröffentlicht Cordova-Erweiterung für Visual Studio Code',
      'Tales from the Web side: Patterns und Best Practices in JavaScript: Typüberprüfungen continued',
    ],
    first: {
      url: 'http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom',
      datePublished: '2016-02-01T17:22:00+01:00',
    },
  },
  {
    file: 'joel-on-software.rss',
    format: 'rss',
    titles: ['Purchase orders and custom licenses', 'Open House', '“By installing Java, you will be able to experience the power of Java”'],
    // "17 Jan 2009 21:02:58 EST": no weekday, a named zone (UTC−5).
    first: {
      url: 'http://www.joelonsoftware.com/items/2009/01/17.html',
      datePublished: '2009-01-18T02:02:58.000Z',
      author: 'Joel Spolsky',
      excerptHas: 'Over on the Business of Software group, we’re discussing',
    },
  },
  {
    file: 'lukedorny-jsonfeed11.json',
    format: 'json-feed',
    titles: ['New Font', 'Top 2024'],
    first: {
      url: 'https://lukedorny.com/updates/new-font',
      datePublished: '2025-01-05T20:40:00-05:00',
      image: 'https://lukedorny.com/media/pages/updates/new-font/4d77b179bd-1736211467/asketch1-500x-crop.jpg',
      author: 'Author: Luke, most likely.',
      section: 'Design',
    },
  },
  {
    file: 'martinfowler-bliki.rss',
    format: 'rss',
    titles: ['RulesEngine', 'DslExceptionalism', 'AcademicRotation'],
    first: {
      url: 'http://martinfowler.com/bliki/RulesEngine.html',
      datePublished: '2009-01-07T20:59:00.000Z',
      section: 'design',
      excerptHas: 'livesInDodgyArea && car.model.theftRating > 2',
    },
  },
  {
    file: 'medium-invironment.rss',
    format: 'rss',
    titles: ['THE CREATIVE FORAGER', 'Eight Reasons You Shouldn’t Grow Your Own Food', 'Picking Fruits and Greening Cities'],
    first: {
      url: 'https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food',
      datePublished: '2018-04-09T18:55:38.000Z',
      author: 'Jeremy Puma',
      section: 'plants',
    },
  },
  {
    file: 'narro-podcast.rss',
    format: 'rss',
    titles: ['FAQ for Narro'],
    first: { url: 'https://www.narro.co/article/54e703933058540300000069', datePublished: '2015-02-20T09:51:15.000Z' },
  },
  {
    file: 'paulgraham-infogami.atom',
    format: 'atom',
    titles: ['Bye'],
    first: {
      url: 'http://paulgraham.infogami.com/blog/bye',
      datePublished: '2007-06-15T09:50:54.337718-08:00',
      author: 'paulgraham',
      excerptHas: 'Since Infogami generally',
    },
  },
  {
    // A bare "&" in <category>: not well-formed; browsers read it again mended (and report that).
    file: 'physorg-bare-ampersand.rss',
    format: 'rss',
    titles: [
      'SuperBIT: A low-cost, balloon-borne telescope to rival Hubble',
      "New 3D images of shark intestines show they function like Nikola Tesla's valve",
      'Fish friends help in a crisis',
    ],
    first: {
      url: 'https://phys.org/news/2021-07-superbit-low-cost-balloon-borne-telescope-rival.html',
      datePublished: '2021-07-20T23:00:03.000Z',
      image: 'https://scx1.b-cdn.net/csz/news/tmb/2021/superbit-a-low-cost-ba-4.jpg',
      section: 'Astronomy Space Exploration',
    },
  },
  {
    // GB2312 bytes, named only in the XML declaration; dates with no zone are left out.
    file: 'qq-news-gb2312.rss',
    format: 'rss',
    titles: [
      '最高法：适时出台防卫过当的认定标准 鼓励正当防卫',
      '国际锐评：万米高空俯瞰中国，世界看到了什么',
      '【风从海上来】宁波：为海洋经济发展"打样"',
      '普洱红十字会现“云南郭美美”：挪用救灾款247万购物美容',
    ],
    first: { url: 'http://news.qq.com/a/20180918/006660.htm', author: 'www.qq.com', excerptHas: '最高人民法院日前发布' },
    dropped: ['items[0].datePublished', 'items[1].datePublished', 'items[2].datePublished', 'items[3].datePublished'],
  },
  {
    file: 'reddit-front-2016.rss',
    format: 'rss',
    titles: ['The Difficulties in Space', 'Bill Cosby wins defamation case', "The most perfect vanilla bean cheesecake I've ever made"],
    // The description is XHTML written unescaped: its texts are kept apart.
    first: {
      url: 'https://www.reddit.com/r/space/comments/42babr/the_difficulties_in_space/',
      datePublished: '2016-01-23T15:40:37.000Z',
      image: 'https://b.thumbs.redditmedia.com/l50PUpLyyNMLwFrYMuCb3kwlDaq3k1Pwo5YhsdAz2jU.jpg',
      section: 'space',
      excerptHas: 'submitted by benjaab123 to space',
    },
  },
  {
    file: 'reddit-front.rss',
    format: 'rss',
    titles: [
      'The water is too deep, so he improvises',
      'We are Aziz Ansari and Alan Yang from Master of None - Ask Us Anything',
      '"Safe Space" Students Silence Asian Woman For Saying "Black People Can Be Racist"',
      "I'm Sorry",
    ],
    first: {
      url: 'https://www.reddit.com/r/funny/comments/3skxqc/the_water_is_too_deep_so_he_improvises/',
      datePublished: '2015-11-12T21:16:39.000Z',
      image: 'https://b.thumbs.redditmedia.com/z4zzFBqZ54WT-rFfKXVor4EraZtJVw7AodDvOZ7kitQ.jpg',
      section: 'funny',
      excerptHas: 'submitted by cakebeerandmorebeer to funny',
    },
  },
  {
    file: 'techcrunch-feedburner.rss',
    format: 'rss',
    titles: [
      'Angie’s List Sets Price Range IPO At $11 To $13 Per Share; Valued At Over $600M',
      'Google Launches Native Gmail App For iPhone, iPad and iPod Touch, Faces Instant Backlash',
    ],
    first: {
      url: 'http://feedproxy.google.com/~r/Techcrunch/~3/kTeeGj4FnwU/',
      datePublished: '2011-11-02T17:25:27.000Z',
      image: 'http://tctechcrunch2011.files.wordpress.com/2011/11/angies-list.jpeg?w=150',
      author: 'Leena Rao',
      section: 'TC',
    },
  },
  {
    // Links and titles start on a new line; descriptions use HTML entities inside CDATA.
    file: 'transfermarkt-news.rss',
    format: 'rss',
    titles: [
      'Manager bewertet Transfers | Eberl lobt BVB für Pulisic-Deal – Hudson-Odoi kostet „fast so viel wie mein Kader“',
      'Transfer fix | Iborra zurück nach Spanien: Villarreal plant langfristig mit Leicesters Reservisten',
      'Chelsea plant Angebot | Cagliari erwartet Rekordablöse für Barella: Teuerster Italiener nach Jorginho & Buffon?',
    ],
    first: {
      url: 'http://www.transfermarkt.de/eberl-lobt-bvb-fur-pulisic-deal-ndash-hudson-odoi-kostet-bdquo-fast-so-viel-wie-mein-kader-ldquo-/view/news/326649?rss',
      datePublished: '2019-01-07T16:19:19.000Z',
      author: 'Transfermarkt',
      excerptHas: 'zum Transfererlös von Christian Pulisic',
    },
  },
  {
    // No XML declaration; dates in Portuguese ("Seg, 24 Set") are left out, the stories shown.
    file: 'uol-noticias.rss',
    format: 'rss',
    titles: [
      'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
      'Promotoria abre inquérito para apurar suspeita de improbidade de Skaf no Sebrae-SP',
      'Dow Jones fecha em baixa de 0,68%',
      'Em entrevista, Bolsonaro chama proposta de Paulo Guedes para imposto de renda de "ousada"',
    ],
    first: {
      url: 'https://noticias.uol.com.br/politica/eleicoes/2018/noticias/2018/09/24/ibope-bolsonaro-perde-de-haddad-ciro-e-alckmin-em-simulacoes-de-2-turno.htm',
    },
    dropped: ['items[0].datePublished', 'items[1].datePublished', 'items[2].datePublished', 'items[3].datePublished'],
  },
];
