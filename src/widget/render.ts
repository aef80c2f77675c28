/**
 * DOM building for the widget. Server and corpus text only ever reaches the
 * page through `textContent`/text nodes; URLs only through `safeHref`.
 * There is deliberately no HTML-string path in this module.
 */
import type { Action, ChatReply, Citation, SafetyNotice } from "../contract.js";
import { isDialHref, safeHref } from "../links.js";

export { safeHref };

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | undefined>;

/** createElement with attributes and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    // Event handlers are attached with addEventListener; links go through `link()`.
    if (/^on/i.test(name) || name === "href" || name === "src" || name === "style") throw new Error(`h(): refusing attribute ${name}`);
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : value);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
}

/** An anchor when the URL is safe; otherwise the label as plain text. New tabs never get `window.opener`. */
export function link(url: string | null, attrs: Attrs, ...children: Child[]): HTMLElement {
  const href = safeHref(url);
  if (!href) return h("span", { class: attrs.class }, ...children);
  const a = h("a", attrs, ...children);
  a.href = href;
  if (!isDialHref(href)) {
    a.target = "_blank";
    a.rel = "noopener noreferrer";
  }
  return a;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const ICONS = {
  chat: "M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6A.5.5 0 0 1 5 19.2V16h.5A1.5 1.5 0 0 1 4 14.5z",
  close: "M6.7 5.3 12 10.6l5.3-5.3 1.4 1.4-5.3 5.3 5.3 5.3-1.4 1.4-5.3-5.3-5.3 5.3-1.4-1.4 5.3-5.3-5.3-5.3z",
  send: "M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z",
  phone: "M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z",
  back: "M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20z",
  alert: "M12 2 1 21h22zm1 16h-2v-2h2zm0-4h-2v-4h2z",
} as const;
export type IconName = keyof typeof ICONS;

export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", "icon");
  const path = document.createElementNS(SVG_NS, "path");
  path.setAttribute("d", ICONS[name]);
  path.setAttribute("fill", "currentColor");
  svg.appendChild(path);
  return svg;
}

export type TextSegment = { kind: "text"; text: string } | { kind: "cite"; n: number };

/**
 * Splits reply text at citation markers like `[2]`. Markers that name no
 * citation of this reply stay text, so nothing the server sends disappears.
 */
export function splitCitationMarkers(text: string, known: ReadonlySet<number>): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(/\s?\[(\d{1,3})\]/g)) {
    const n = Number(m[1]);
    if (!known.has(n)) continue;
    const start = m.index ?? 0;
    if (start > last) out.push({ kind: "text", text: text.slice(last, start) });
    out.push({ kind: "cite", n });
    last = start + m[0].length;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  return out;
}

/** Reply text for screen readers: markers read as "(source 2)" are noise in an announcement. */
export function plainReplyText(reply: Pick<ChatReply, "text" | "citations">): string {
  const known = new Set(reply.citations.map((c) => c.n));
  return splitCitationMarkers(reply.text, known)
    .map((s) => (s.kind === "text" ? s.text : ""))
    .join("")
    .trim();
}

/** Emergency replies lead with phone numbers: a patient in crisis should not have to scroll. */
export function orderActions(reply: Pick<ChatReply, "type" | "actions">): Action[] {
  if (reply.type !== "emergency") return reply.actions;
  const tel = (a: Action) => (isDialHref(a.href) ? 0 : 1);
  return [...reply.actions].sort((a, b) => tel(a) - tel(b));
}

export interface ReplyContext {
  /** Unique per rendered reply: ids tie chips to their passages. */
  idPrefix: string;
  onBook(action: Action): void;
}

function citationCard(c: Citation, id: string): HTMLElement {
  const heading = c.section && c.section !== c.title ? `${c.title} — ${c.section}` : c.title;
  const card = h(
    "div",
    { class: "source", id, role: "group", "aria-label": `Source ${c.n}` },
    h("p", { class: "source-title" }, h("span", { class: "source-n" }, String(c.n)), heading),
    h("blockquote", { class: "source-quote" }, c.quote),
    safeHref(c.url) ? link(c.url, { class: "source-link" }, "Read the full article") : null,
  );
  card.hidden = true;
  return card;
}

function chip(c: Citation, cardId: string): HTMLButtonElement {
  return h(
    "button",
    { type: "button", class: "chip", "aria-expanded": "false", "aria-controls": cardId, "aria-label": `Source ${c.n}: ${c.title}`, "data-n": String(c.n) },
    String(c.n),
  );
}

function actionElement(action: Action, ctx: ReplyContext, emergency: boolean): HTMLElement | null {
  const href = safeHref(action.href);
  if (action.kind === "book") {
    const button = h("button", { type: "button", class: "action action-primary" }, action.label);
    button.addEventListener("click", () => ctx.onBook(action));
    return button;
  }
  if (!href) return null;
  const isTel = isDialHref(href);
  return link(href, { class: `action${isTel && emergency ? " action-urgent" : ""}` }, isTel ? icon("phone") : null, action.label);
}

/**
 * The crisis notice above a reply: its own assertive live region (role=alert),
 * so a screen reader speaks it before the answer; phone numbers as buttons.
 */
export function renderSafetyNotice(notice: SafetyNotice): HTMLElement {
  const links = notice.actions
    .map((a) => {
      const href = safeHref(a.href);
      if (!href) return null;
      return link(href, { class: `action action-notice` }, isDialHref(href) ? icon("phone") : null, a.label);
    })
    .filter((a): a is HTMLElement => a !== null);
  return h("div", { class: "notice", role: "alert" }, h("p", { class: "notice-text" }, notice.text), links.length ? h("div", { class: "actions" }, ...links) : null);
}

export function renderReply(reply: ChatReply, ctx: ReplyContext): HTMLElement {
  const emergency = reply.type === "emergency";
  const cards = new Map<number, HTMLElement>();
  for (const c of reply.citations) if (!cards.has(c.n)) cards.set(c.n, citationCard(c, `${ctx.idPrefix}-src-${c.n}`));
  const byN = new Map(reply.citations.map((c) => [c.n, c]));

  const textEl = h("p", { class: "text" });
  const cited = new Set<number>();
  const segments = splitCitationMarkers(reply.text, new Set(byN.keys()));
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.kind === "text") {
      append(textEl, seg.text);
      continue;
    }
    cited.add(seg.n);
    // Keep the chip on the line of the word it cites, together with the punctuation after it.
    const group = h("span", { class: "cite" }, "\u00a0", chip(byN.get(seg.n)!, `${ctx.idPrefix}-src-${seg.n}`));
    const next = segments[i + 1];
    const punct = next?.kind === "text" ? /^[.,;:!?)\]]+/.exec(next.text)?.[0] : undefined;
    if (next?.kind === "text" && punct) {
      append(group, punct);
      next.text = next.text.slice(punct.length);
    }
    append(textEl, group);
  }
  // Citations the text does not mark still get a chip, under the text.
  const uncited = reply.citations.filter((c) => !cited.has(c.n));
  const extra = uncited.length
    ? h("p", { class: "more-sources" }, "Sources: ", ...uncited.flatMap((c) => [chip(c, `${ctx.idPrefix}-src-${c.n}`), " "]))
    : null;

  const bubble = h("div", { class: "bubble" }, textEl, extra, h("div", { class: "sources" }, ...cards.values()));
  bubble.addEventListener("click", (event) => {
    const target = (event.target as Element | null)?.closest?.(".chip");
    if (!target) return;
    const n = Number(target.getAttribute("data-n"));
    const card = cards.get(n);
    if (!card) return;
    card.hidden = !card.hidden;
    for (const c of bubble.querySelectorAll(`.chip[data-n="${n}"]`)) c.setAttribute("aria-expanded", String(!card.hidden));
  });

  const actions = orderActions(reply)
    .map((a) => actionElement(a, ctx, emergency))
    .filter((a): a is HTMLElement => a !== null);
  const actionsEl = actions.length ? h("div", { class: "actions" }, ...actions) : null;

  const message = h(
    "div",
    { class: `msg msg-assistant${emergency ? " msg-emergency" : ""}`, "data-type": reply.type },
    h("span", { class: "sr-only" }, "Assistant: "),
  );
  // The notice comes before everything else the reply shows.
  if (reply.safety && !emergency) append(message, renderSafetyNotice(reply.safety));
  if (emergency) {
    append(message, h("p", { class: "emergency-title" }, icon("alert"), "Get help now"), actionsEl, bubble);
  } else {
    append(message, bubble, actionsEl);
  }
  append(message, h("p", { class: "disclaimer" }, reply.disclaimer));
  return message;
}

/** The assistant bubble while text is still streaming in: plain text, chips come with the final reply. */
export function renderStreaming(): { element: HTMLElement; setText(text: string): void; setNotice(notice: SafetyNotice): void } {
  const textEl = h("p", { class: "text" });
  const bubble = h("div", { class: "bubble" }, textEl);
  const element = h("div", { class: "msg msg-assistant", "aria-busy": "true" }, h("span", { class: "sr-only" }, "Assistant: "), bubble);
  return {
    element,
    setText(text) {
      textEl.textContent = text;
    },
    setNotice(notice) {
      if (!element.querySelector(".notice")) element.insertBefore(renderSafetyNotice(notice), bubble);
    },
  };
}

export function renderUserMessage(text: string): HTMLElement {
  return h("div", { class: "msg msg-user" }, h("span", { class: "sr-only" }, "You: "), h("div", { class: "bubble" }, h("p", { class: "text" }, text)));
}

export function renderTyping(): HTMLElement {
  return h(
    "div",
    { class: "msg msg-assistant typing" },
    h("div", { class: "bubble" }, h("span", { class: "sr-only" }, "The assistant is writing a reply"), h("span", { class: "dot", "aria-hidden": "true" }), h("span", { class: "dot", "aria-hidden": "true" }), h("span", { class: "dot", "aria-hidden": "true" })),
  );
}
