// GET /: a small right-to-left page listing the feeds, with autodiscovery links so a
// reader given the site's address finds the feeds itself.
import type { Config } from '../config/schema.js';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderIndexPage(config: Config): string {
  const base = config.publicUrl.replace(/\/+$/, '');
  const feeds = [
    { title: 'كل الأخبار', path: '/feeds/all.atom' },
    ...config.topics.map((t) => ({ title: t.title, path: `/feeds/topics/${t.id}.atom` })),
  ];
  const discovery = feeds
    .map((f) => `<link rel="alternate" type="application/atom+xml" title="نهر — ${esc(f.title)}" href="${esc(base + f.path)}">`)
    .join('\n');
  const rows = feeds
    .map((f) => `<li><a href="${esc(f.path)}">${esc(f.title)}</a> <code dir="ltr">${esc(base + f.path)}</code></li>`)
    .join('\n');
  const sources = config.sources
    .filter((s) => s.enabled)
    .map((s) => `<li>${esc(s.name)}</li>`)
    .join('\n');
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>نهر — أخبار سوريا والمنطقة</title>
${discovery}
<style>
body{font-family:system-ui,"Noto Naskh Arabic",Tahoma,sans-serif;max-width:46rem;margin:1.5rem auto;padding:0 1rem;line-height:1.7;color:#1b1b1b}
h1{margin-bottom:.2rem}ul{padding-inline-start:1.2rem}code{font-size:.8rem;color:#555;word-break:break-all}
</style>
</head>
<body>
<h1>نهر</h1>
<p>نهر واحد للأخبار: يجمع خلاصات المواقع الإخبارية السورية والعربية، ويدمج الخبر الذي تنشره عدة مصادر في مدخل واحد، ويصنّفه في مواضيع.</p>
<h2>اشترك في خلاصة (Atom)</h2>
<ul>
${rows}
</ul>
<h2>المصادر</h2>
<ul>
${sources}
</ul>
</body>
</html>
`;
}
