/**
 * The widget UI: a launcher button and a chat panel inside an open shadow
 * root. Owns the conversation state; talks to the API through chat-client
 * and lead-form, renders through render.
 */
import type { Action, ChatReply } from "../contract.js";
import { ChatFailure, describeChatFailure, requestReply } from "./chat-client.js";
import type { WidgetConfig } from "./config.js";
import { createLeadForm, type LeadFormView } from "./lead-form.js";
import { MAX_MESSAGE_CHARS } from "./limits.js";
import { append, h, icon, plainReplyText, renderReply, renderStreaming, renderTyping, renderUserMessage, safeHref } from "./render.js";
import { historyForRequest, loadConversation, saveConversation, storageKey, type Conversation } from "./storage.js";
import { widgetCss } from "./styles.js";

export const HOST_TAG = "clinic-chat-widget";

function adoptStyles(root: ShadowRoot, css: string): void {
  // Constructed stylesheets are not inline <style>, so pages with a strict style-src CSP still render the widget.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    root.appendChild(document.createElement("style")).textContent = css;
  }
}

export interface MountedWidget {
  host: HTMLElement;
  open(): void;
  close(): void;
}

export function mountWidget(config: WidgetConfig, doc: Document = document): MountedWidget {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: "open" });
  adoptStyles(root, widgetCss(config));

  const key = storageKey(config.apiBase);
  let conversation: Conversation = loadConversation(key);
  let replyCount = 0;
  let busy = false;

  // Announcements: one polite region for replies, one assertive for emergencies.
  const polite = h("div", { class: "sr-only", "aria-live": "polite", "aria-atomic": "true" });
  const assertive = h("div", { class: "sr-only", "aria-live": "assertive", "aria-atomic": "true" });
  const announce = (region: HTMLElement, text: string) => {
    // Clearing first makes repeated identical texts announce again.
    region.textContent = "";
    setTimeout(() => (region.textContent = text), 50);
  };

  const launcherLabel = h("span", { class: "label" }, config.title);
  const launcher = h("button", { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "cw-panel", "aria-haspopup": "dialog" }, icon("chat"), launcherLabel);

  const titleEl = h("h2", { class: "title", id: "cw-title" }, config.title);
  const closeButton = h("button", { type: "button", class: "icon-button close", "aria-label": "Close chat" }, icon("close"));
  const log = h("div", { class: "log", role: "log", "aria-live": "off", "aria-label": "Conversation" });
  const intro = h("div", { class: "msg msg-assistant greeting" }, h("div", { class: "bubble" }, h("p", { class: "text" }, config.greeting)));
  const suggestions = config.suggestions.length
    ? h("ul", { class: "suggestions", "aria-label": "Suggested questions" }, ...config.suggestions.map((s) => h("li", {}, suggestionButton(s))))
    : null;
  const chatView = h("div", { class: "chat-view" }, intro, suggestions, log);
  const body = h("div", { class: "body" }, chatView);

  const input = h("textarea", { id: "cw-input", rows: "1", maxlength: String(MAX_MESSAGE_CHARS), placeholder: "Type your question…", autocomplete: "off", enterkeyhint: "send" });
  const send = h("button", { type: "submit", class: "send", "aria-label": "Send" }, icon("send"));
  const composer = h("form", { class: "composer" }, h("label", { class: "sr-only", for: "cw-input" }, "Your question"), input, send);
  const note = h("p", { class: "note" }, "Please don't share personal health details here.");

  const panel = h(
    "div",
    { class: "panel", id: "cw-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "cw-title" },
    h("div", { class: "head" }, h("div", { class: "head-text" }, titleEl, h("p", { class: "subtitle" }, "Answers from our published articles")), closeButton),
    body,
    composer,
    note,
    polite,
    assertive,
  );
  panel.hidden = true;
  append(root, launcher, panel);

  function suggestionButton(text: string): HTMLButtonElement {
    const b = h("button", { type: "button", class: "suggestion" }, text);
    b.addEventListener("click", () => void ask(text));
    return b;
  }

  const scrollToEnd = () => {
    body.scrollTop = body.scrollHeight;
  };

  function updateSuggestions(): void {
    if (suggestions) suggestions.hidden = conversation.messages.length > 0 || log.childElementCount > 0;
  }

  function onBook(action: Action): void {
    if (config.leadForm) {
      showLeadForm();
      return;
    }
    const href = safeHref(action.href);
    if (href) window.open(href, "_blank", "noopener,noreferrer");
  }

  function replyElement(reply: ChatReply): HTMLElement {
    return renderReply(reply, { idPrefix: `cw-r${++replyCount}`, onBook });
  }

  function save(): void {
    saveConversation(key, conversation);
  }

  function showError(message: string, retry: () => void): void {
    const again = h("button", { type: "button", class: "action" }, "Try again");
    const box = h("div", { class: "error", role: "alert" }, h("p", {}, message), again);
    again.addEventListener("click", () => {
      box.remove();
      retry();
    });
    log.appendChild(box);
  }

  async function ask(raw: string, alreadyShown = false): Promise<void> {
    const message = raw.trim().slice(0, MAX_MESSAGE_CHARS);
    if (!message || busy) return;
    busy = true;
    send.disabled = true;
    if (!alreadyShown) log.appendChild(renderUserMessage(message));
    updateSuggestions();
    const typing = renderTyping();
    log.appendChild(typing);
    scrollToEnd();

    let streaming = null as ReturnType<typeof renderStreaming> | null;
    let revealStart: HTMLElement | null = null;
    try {
      const reply = await requestReply(
        { apiBase: config.apiBase },
        { message, ...(conversation.sessionId ? { sessionId: conversation.sessionId } : {}), history: historyForRequest(conversation.messages) },
        {
          // The crisis notice arrives first: show it at once, before any answer text.
          onSafety(notice) {
            if (!streaming) {
              streaming = renderStreaming();
              typing.replaceWith(streaming.element);
            }
            streaming.setNotice(notice);
            scrollToEnd();
          },
          onText(text) {
            if (!streaming) {
              streaming = renderStreaming();
              typing.replaceWith(streaming.element);
            }
            streaming.setText(text);
            scrollToEnd();
          },
        },
      );
      const el = replyElement(reply);
      (streaming?.element ?? typing).replaceWith(el);
      revealStart = el;
      conversation = {
        sessionId: reply.sessionId || conversation.sessionId,
        messages: [...conversation.messages, { role: "user", text: message }, { role: "assistant", reply }],
      };
      save();
      // A crisis notice announces itself (role=alert) before the reply is read politely.
      announce(reply.type === "emergency" ? assertive : polite, `Assistant: ${plainReplyText(reply)}`);
    } catch (err) {
      (streaming?.element ?? typing).remove();
      if (!(err instanceof ChatFailure) && (err as Error)?.name === "AbortError") return;
      const text = describeChatFailure(err);
      showError(text, () => void ask(message, true));
      announce(polite, text);
    } finally {
      busy = false;
      send.disabled = false;
      scrollToEnd();
      // A reply taller than the panel is read from its first line, not its disclaimer.
      if (revealStart && revealStart.offsetHeight > body.clientHeight) {
        body.scrollTop += revealStart.getBoundingClientRect().top - body.getBoundingClientRect().top - 8;
      }
    }
  }

  function showChat(focusInput: boolean): void {
    body.replaceChildren(chatView);
    composer.hidden = false;
    note.hidden = false;
    scrollToEnd();
    if (focusInput) input.focus();
  }

  // Kept while the page lives, so "Back to chat" and another Book click do not lose what was typed.
  let leadView: LeadFormView | null = null;

  function showLeadForm(): void {
    const view = (leadView ??= createLeadForm({
      apiBase: config.apiBase,
      clinicName: config.clinicName,
      phone: config.phone,
      sessionId: () => conversation.sessionId,
      onBack: () => showChat(true),
      announce: (text) => announce(polite, text),
    }));
    body.replaceChildren(view.element);
    composer.hidden = true;
    note.hidden = true;
    body.scrollTop = 0;
    view.focus();
  }

  function open(): void {
    if (!panel.hidden) return;
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    launcher.classList.add("open");
    scrollToEnd();
    (composer.hidden ? body.querySelector<HTMLElement>(".view-title") : input)?.focus();
  }

  function close(): void {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.classList.remove("open");
    launcher.focus();
  }

  launcher.addEventListener("click", () => (panel.hidden ? open() : close()));
  closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      close();
    }
  });
  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim() || busy) return;
    input.value = "";
    autoGrow();
    void ask(text);
  });
  input.addEventListener("keydown", (event) => {
    // Enter sends; Shift+Enter is a new line; never interrupt an IME composition.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  const autoGrow = () => {
    input.style.height = "auto";
    input.style.height = `${Math.min(input.scrollHeight + 2, 140)}px`;
  };
  input.addEventListener("input", autoGrow);

  // Restore this page session's conversation.
  for (const m of conversation.messages) log.appendChild(m.role === "user" ? renderUserMessage(m.text) : replyElement(m.reply));
  updateSuggestions();

  doc.body.appendChild(host);
  return { host, open, close };
}
