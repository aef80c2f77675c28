/**
 * The demo page served at `/`: a plausible clinic home page with the widget
 * embedded, so staff see the assistant the way patients will. A pure function
 * of the clinic config; every config value is HTML-escaped. No inline script
 * or style (the page runs under `default-src 'self'`): styles are /demo.css.
 */
import type { Clinic } from "../config.js";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** Questions that fit any clinic's FAQ; a clinic can pass its own. */
export const DEFAULT_SUGGESTIONS = ["What should I expect at my first visit?", "What are the possible side effects?", "How do I book a consultation?"];

export interface DemoPageOptions {
  /** Origin the page was served from, for the copy-paste embed snippet. */
  origin: string;
  suggestions?: readonly string[];
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/** The script tag attributes the demo page embeds with (also shown in the snippet). */
export function widgetAttributes(clinic: Clinic, suggestions: readonly string[]): Array<[string, string]> {
  return [
    ["data-title", `Ask ${clinic.name}`],
    ["data-clinic-name", clinic.name],
    ["data-phone", clinic.phone],
    ["data-lead-form", String(clinic.leadForm)],
    ["data-suggestions", suggestions.map((s) => s.replace(/\|/g, " ")).join("|")],
  ];
}

export function renderDemoPage(clinic: Clinic, options: DemoPageOptions): string {
  const e = escapeHtml;
  const name = e(clinic.name);
  const phone = e(clinic.phone);
  const tel = e(telHref(clinic.phone));
  const booking = e(clinic.bookingUrl);
  const attrs = widgetAttributes(clinic, options.suggestions ?? DEFAULT_SUGGESTIONS);
  const attrHtml = attrs.map(([k, v]) => ` ${k}="${e(v)}"`).join("");
  const snippet = `<script src="${options.origin}/widget.js" async\n${attrs.map(([k, v]) => `        ${k}="${v.replace(/"/g, "&quot;")}"`).join("\n")}></script>`;
  const initial = e(clinic.name.trim().charAt(0).toUpperCase() || "C");
  const year = new Date().getFullYear();

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}</title>
<meta name="description" content="${name}: answers to common patient questions, and consultations.">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/demo.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap header-row">
    <a class="brand" href="/"><span class="mark" aria-hidden="true">${initial}</span><span>${name}</span></a>
    <nav aria-label="Main">
      <a href="#care">Our care</a>
      <a href="#visit">Your visit</a>
      <a href="#contact">Contact</a>
    </nav>
    <a class="button button-small" href="${booking}">${e(clinic.bookingLabel)}</a>
  </div>
</header>
<main id="main">
  <section class="hero">
    <div class="wrap hero-grid">
      <div>
        <p class="eyebrow">Patient information</p>
        <h1>Clear answers before your first visit</h1>
        <p class="lead">Wondering how treatment works, how long sessions take or what side effects to expect? Ask our assistant in the corner of this page. It answers only from articles our clinicians have written and reviewed, and shows you the passage each answer comes from.</p>
        <div class="cta">
          <a class="button" href="${booking}">${e(clinic.bookingLabel)}</a>
          <a class="button button-ghost" href="${tel}">Call ${phone}</a>
        </div>
      </div>
      <aside class="hero-card" aria-label="Opening hours">
        <h2>Opening hours</h2>
        <dl>
          <div><dt>Monday – Thursday</dt><dd>8:00 – 18:00</dd></div>
          <div><dt>Friday</dt><dd>8:00 – 16:00</dd></div>
          <div><dt>Saturday</dt><dd>By appointment</dd></div>
        </dl>
        <p class="small">Closed on public holidays. If you have a medical emergency, call 911.</p>
      </aside>
    </div>
  </section>

  <section id="care" class="section">
    <div class="wrap">
      <h2>How our assistant helps</h2>
      <div class="cards">
        <article class="card">
          <h3>Answers you can check</h3>
          <p>Every answer cites the article it comes from. Tap a number to read the exact passage.</p>
        </article>
        <article class="card">
          <h3>General information only</h3>
          <p>The assistant does not give personal medical advice. Questions about your own treatment belong with a clinician.</p>
        </article>
        <article class="card">
          <h3>A person when you need one</h3>
          <p>Request a consultation from the chat, or call us. Our care team will take it from there.</p>
        </article>
      </div>
    </div>
  </section>

  <section id="visit" class="section section-tint">
    <div class="wrap">
      <h2>Your visit, step by step</h2>
      <ol class="steps">
        <li><h3>Ask your questions</h3><p>Read our articles or ask the assistant, any time of day.</p></li>
        <li><h3>Book a consultation</h3><p>Choose a time online or leave your details and we will call you back.</p></li>
        <li><h3>Meet your clinician</h3><p>Together you decide whether a treatment is right for you.</p></li>
      </ol>
    </div>
  </section>

  <section id="contact" class="section">
    <div class="wrap contact">
      <div>
        <h2>Contact us</h2>
        <p>Phone: <a href="${tel}">${phone}</a></p>
        <p>Appointments: <a href="${booking}">book online</a></p>
      </div>
      <div class="embed">
        <h2>Add the assistant to your website</h2>
        <p>Paste this tag before <code>&lt;/body&gt;</code> on any page:</p>
        <pre><code>${e(snippet)}</code></pre>
      </div>
    </div>
  </section>
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${e(clinic.disclaimer)}</p>
    <p>© ${year} ${name}</p>
  </div>
</footer>
<script src="/widget.js" async${attrHtml}></script>
</body>
</html>
`;
}

/** The demo page's icon: the clinic's initial on the brand colour. */
export function renderFavicon(clinic: Clinic): string {
  const initial = escapeHtml(clinic.name.trim().charAt(0).toUpperCase() || "C");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="16" fill="#0b5c6b"/><text x="32" y="44" font-family="system-ui,Arial,sans-serif" font-size="36" font-weight="700" fill="#fff" text-anchor="middle">${initial}</text></svg>`;
}

/** Served at /demo.css (a stylesheet file keeps the page compatible with a strict CSP). */
export const DEMO_CSS = `
:root{--ink:#1d2939;--muted:#475467;--brand:#0b5c6b;--brand-dark:#084753;--tint:#f2f7f8;--line:#e4e7ec}
*{box-sizing:border-box}
html{scroll-behavior:smooth}
@media (prefers-reduced-motion:reduce){html{scroll-behavior:auto}}
body{margin:0;font:17px/1.6 Georgia,"Iowan Old Style","Times New Roman",serif;color:var(--ink);background:#fff}
h1,h2,h3,nav,.button,.brand,.eyebrow,dt{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
a{color:var(--brand)}
.wrap{max-width:1080px;margin:0 auto;padding:0 24px}
.skip{position:absolute;left:-999px;top:8px;background:#fff;padding:8px 12px;z-index:10}
.skip:focus{left:8px}
.site-header{border-bottom:1px solid var(--line);background:#fff;position:sticky;top:0;z-index:5}
.header-row{display:flex;align-items:center;gap:24px;min-height:68px}
.brand{display:flex;align-items:center;gap:10px;font-weight:700;font-size:18px;color:var(--ink);text-decoration:none;margin-right:auto}
.mark{display:inline-grid;place-items:center;width:34px;height:34px;border-radius:10px;background:var(--brand);color:#fff;font-size:17px}
nav{display:flex;gap:22px}
nav a{color:var(--muted);text-decoration:none;font-size:15px}
nav a:hover{color:var(--brand)}
.button{display:inline-block;padding:12px 22px;border-radius:999px;background:var(--brand);color:#fff;text-decoration:none;font-weight:600;font-size:16px;border:2px solid var(--brand)}
.button:hover{background:var(--brand-dark);border-color:var(--brand-dark)}
.button-small{padding:8px 16px;font-size:14px}
.button-ghost{background:transparent;color:var(--brand)}
.button-ghost:hover{background:var(--tint);color:var(--brand-dark)}
.hero{background:linear-gradient(180deg,var(--tint),#fff);padding:72px 0 64px}
.hero-grid{display:grid;grid-template-columns:1.6fr 1fr;gap:48px;align-items:center}
.eyebrow{margin:0 0 8px;color:var(--brand);font-weight:700;letter-spacing:.08em;text-transform:uppercase;font-size:13px}
h1{margin:0 0 16px;font-size:44px;line-height:1.15;letter-spacing:-.01em}
.lead{margin:0 0 28px;font-size:19px;color:var(--muted);max-width:36em}
.cta{display:flex;flex-wrap:wrap;gap:12px}
.hero-card{background:#fff;border:1px solid var(--line);border-radius:16px;padding:24px 26px;box-shadow:0 10px 30px rgba(16,24,40,.06)}
.hero-card h2{margin:0 0 12px;font-size:18px}
dl{margin:0}
dl div{display:flex;justify-content:space-between;gap:16px;padding:8px 0;border-bottom:1px solid var(--line)}
dt{font-size:15px;color:var(--muted)}
dd{margin:0;font-weight:600}
.small{font-size:14px;color:var(--muted);margin:14px 0 0}
.section{padding:64px 0}
.section-tint{background:var(--tint)}
.section h2{margin:0 0 24px;font-size:30px}
.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:20px}
.card{border:1px solid var(--line);border-radius:14px;padding:22px 24px;background:#fff}
.card h3{margin:0 0 8px;font-size:18px}
.card p{margin:0;color:var(--muted)}
.steps{display:grid;grid-template-columns:repeat(3,1fr);gap:20px;margin:0;padding:0;list-style:none;counter-reset:step}
.steps li{counter-increment:step;background:#fff;border-radius:14px;padding:22px 24px}
.steps li::before{content:counter(step);display:inline-grid;place-items:center;width:32px;height:32px;border-radius:50%;background:var(--brand);color:#fff;font:700 15px system-ui,sans-serif;margin-bottom:10px}
.steps h3{margin:0 0 6px;font-size:18px}
.steps p{margin:0;color:var(--muted)}
.contact{display:grid;grid-template-columns:1fr 1.4fr;gap:48px}
.embed h2{font-size:22px}
pre{margin:0;padding:16px 18px;border-radius:12px;background:#101828;color:#e4e7ec;font:13px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-x:auto;white-space:pre}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.site-footer{border-top:1px solid var(--line);padding:28px 0 96px;font-size:14px;color:var(--muted)}
.site-footer p{max-width:52em}
@media (max-width:820px){
.hero{padding:40px 0}
.hero-grid,.cards,.steps,.contact{grid-template-columns:1fr}
h1{font-size:32px}
nav{display:none}
.header-row .button-small{display:none}
.header-row{gap:12px}
.wrap{padding:0 18px}
}
`;
