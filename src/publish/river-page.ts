// GET / and /topics/<id>: the river for people who do not use a feed reader. The newest
// stories with their outlets and time, the other outlets that reported each, topic
// navigation, subscribe links and autodiscovery. Right to left, typography for Arabic,
// no JavaScript, no external assets.
import type { Config } from '../config/schema.js';
import type { Story } from '../model.js';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const timeFormat = new Intl.DateTimeFormat('ar-SY', { day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', timeZone: 'Asia/Damascus' });

/** Stories on the page for people. */
export const RIVER_LENGTH = 60;

export interface RiverPage {
  config: Config;
  /** Newest first, already limited. */
  stories: readonly Story[];
  topicId?: string;
  /** Where the footer links go (a static site has no status page, and OPML is a file). */
  links?: { status?: string; opml: string };
}

const FEED_TYPES = [
  ['atom', 'application/atom+xml', 'Atom'],
  ['rss', 'application/rss+xml', 'RSS'],
  ['json', 'application/feed+json', 'JSON Feed'],
] as const;

export function renderIndexPage({ config, stories, topicId, links = { status: '/status', opml: '/opml' } }: RiverPage): string {
  const base = config.publicUrl.replace(/\/+$/, '');
  const topic = topicId ? config.topics.find((t) => t.id === topicId) : undefined;
  const names = new Map(config.sources.map((s) => [s.id, s.name]));
  const topicTitles = new Map(config.topics.map((t) => [t.id, t.title]));
  const feedPath = topic ? `/feeds/topics/${topic.id}` : '/feeds/all';
  const heading = topic ? topic.title : 'كل الأخبار';

  const discovery = [
    ...FEED_TYPES.map(([ext, type, label]) => `<link rel="alternate" type="${type}" title="نهر — ${esc(heading)} (${label})" href="${esc(`${base}${feedPath}.${ext}`)}">`),
    ...(topic ? [`<link rel="alternate" type="application/atom+xml" title="نهر — كل الأخبار" href="${esc(`${base}/feeds/all.atom`)}">`] : []),
    `<link rel="alternate" type="application/atom+xml" title="نهر — ما تتناقله المصادر" href="${esc(`${base}/feeds/top.atom`)}">`,
  ].join('\n');

  const items = stories
    .map((s) => {
      const [first, ...others] = s.reporters;
      if (!first) return '';
      const title = first.link ? `<a href="${esc(first.link)}">${esc(first.title)}</a>` : esc(first.title);
      const also = others.length
        ? `<p class="also">أوردته أيضًا: ${others.map((r) => (r.link ? `<a href="${esc(r.link)}">${esc(names.get(r.sourceId) ?? r.sourceId)}</a>` : esc(names.get(r.sourceId) ?? r.sourceId))).join('، ')}</p>`
        : '';
      const chips = s.topics.map((t) => `<a class="chip" href="/topics/${esc(t)}">${esc(topicTitles.get(t) ?? t)}</a>`).join(' ');
      return `<li class="story" data-story-id="${esc(s.id)}">
<h2>${title}</h2>
<p class="meta"><span class="outlet">${esc(names.get(first.sourceId) ?? first.sourceId)}</span> · <time datetime="${esc(s.published)}">${esc(timeFormat.format(new Date(s.published)))}</time>${others.length ? ` · <span class="count">${others.length + 1} مصادر</span>` : ''}</p>
${also}${chips ? `<p class="chips">${chips}</p>` : ''}
</li>`;
    })
    .join('\n');

  const nav = [`<a href="/"${topic ? '' : ' aria-current="page"'}>الكل</a>`, ...config.topics.map((t) => `<a href="/topics/${esc(t.id)}"${t.id === topic?.id ? ' aria-current="page"' : ''}>${esc(t.title)}</a>`)].join('\n');
  const subscribe = FEED_TYPES.map(([ext, , label]) => `<a href="${esc(`${feedPath}.${ext}`)}">${label}</a>`).join(' · ');

  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>نهر — ${esc(heading)}</title>
${discovery}
<style>
:root{--ink:#1d1d1f;--muted:#5f6368;--line:#e6e6e6;--accent:#0b6e4f}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font-family:"Noto Naskh Arabic","Amiri","Geeza Pro","Noto Sans Arabic","Segoe UI",Tahoma,serif;font-size:1.08rem;line-height:1.85;text-rendering:optimizeLegibility}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.2rem;border-bottom:1px solid var(--line)}
h1{margin:0;font-size:1.9rem;color:var(--accent)}
h1 small{font-size:1rem;color:var(--muted);font-weight:normal;margin-inline-start:.5rem}
nav{display:flex;flex-wrap:wrap;gap:.2rem .9rem;padding:.6rem 0;font-size:.98rem}
nav a{color:var(--muted);text-decoration:none}nav a[aria-current]{color:var(--accent);font-weight:bold}
.subscribe{font-size:.9rem;color:var(--muted);margin:.3rem 0 .8rem}
.subscribe a{color:var(--accent)}
ol{list-style:none;margin:0;padding:0}
.story{border-bottom:1px solid var(--line);padding:.9rem 0}
.story h2{font-size:1.22rem;line-height:1.6;margin:0 0 .2rem;font-weight:700}
.story h2 a{color:inherit;text-decoration:none}.story h2 a:hover{text-decoration:underline}
.meta,.also{margin:0;color:var(--muted);font-size:.92rem}
.also a,.chip{color:var(--accent)}
.chips{margin:.3rem 0 0}.chip{font-size:.85rem;text-decoration:none;border:1px solid var(--line);border-radius:1rem;padding:0 .6rem;margin-inline-end:.3rem}
.empty{color:var(--muted);padding:2rem 0}
footer{color:var(--muted);font-size:.85rem;padding-bottom:2rem}
footer a{color:var(--muted)}
</style>
</head>
<body>
<header>
<h1>نهر <small>${esc(heading)}</small></h1>
<nav>
${nav}
</nav>
<p class="subscribe">اشترك في هذه الخلاصة: ${subscribe} — <a href="/feeds/top.atom">ما تتناقله المصادر (آخر 24 ساعة)</a></p>
</header>
<main>
${items ? `<ol>\n${items}\n</ol>` : '<p class="empty">لا أخبار بعد. ستظهر هنا بعد أول جلب للمصادر.</p>'}
</main>
<footer>
<p>نهر يجمع أخبار ${config.sources.filter((s) => s.enabled).length} مصدراً ويدمج الخبر الذي تنشره عدة مصادر في مدخل واحد. ${links.status ? `<a href="${esc(links.status)}">حالة المصادر</a> · ` : ''}<a href="${esc(links.opml)}">OPML</a></p>
</footer>
</body>
</html>
`;
}
