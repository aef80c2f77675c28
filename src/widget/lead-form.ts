/**
 * The in-widget consultation request form. The form keeps what the patient
 * typed on every failure; only a confirmed 202 replaces it.
 */
import { MAX_NAME_CHARS, MAX_EMAIL_CHARS, MAX_PHONE_CHARS, MAX_REASON_CHARS } from "./limits.js";
import { createKeyKeeper, submitLead, validateLead, type FieldErrors, type LeadField, type LeadFields } from "./lead-client.js";
import { h, icon, link } from "./render.js";

export interface LeadFormContext {
  apiBase: string;
  clinicName: string | null;
  phone: string | null;
  sessionId(): string | null;
  onBack(): void;
  /** Polite announcement for screen readers. */
  announce(text: string): void;
}

export const PREFERRED_TIMES = ["Weekday mornings", "Weekday afternoons", "Weekday evenings", "Saturdays"] as const;

let formCount = 0;

export interface LeadFormView {
  element: HTMLElement;
  focus(): void;
}

export function createLeadForm(ctx: LeadFormContext): LeadFormView {
  const id = `lead${++formCount}`;
  const clinic = ctx.clinicName ?? "the clinic";
  const keys = createKeyKeeper();

  const errorSlots = new Map<LeadField, HTMLElement>();
  const controls = new Map<LeadField, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();

  function field(name: LeadField, label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
    control.id = `${id}-${name}`;
    control.name = name;
    const hintEl = hint ? h("p", { class: "hint", id: `${id}-${name}-hint` }, hint) : null;
    const errorEl = h("p", { class: "field-error", id: `${id}-${name}-error` });
    errorEl.hidden = true;
    errorSlots.set(name, errorEl);
    controls.set(name, control);
    control.setAttribute("aria-describedby", [hintEl?.id, errorEl.id].filter(Boolean).join(" "));
    return h("div", { class: "field" }, h("label", { for: control.id }, label), hintEl, control, errorEl);
  }

  const name = h("input", { type: "text", autocomplete: "name", maxlength: String(MAX_NAME_CHARS), required: true });
  const email = h("input", { type: "email", autocomplete: "email", maxlength: String(MAX_EMAIL_CHARS), inputmode: "email" });
  const phone = h("input", { type: "tel", autocomplete: "tel", maxlength: String(MAX_PHONE_CHARS), inputmode: "tel" });
  const time = h("select", {}, h("option", { value: "" }, "No preference"), ...PREFERRED_TIMES.map((t) => h("option", { value: t }, t)));
  const reason = h("textarea", { rows: "3", maxlength: String(MAX_REASON_CHARS) });
  const counter = h("p", { class: "counter", "aria-hidden": "true" }, `0 / ${MAX_REASON_CHARS}`);
  reason.addEventListener("input", () => {
    counter.textContent = `${reason.value.length} / ${MAX_REASON_CHARS}`;
  });
  const consent = h("input", { type: "checkbox", id: `${id}-consent`, name: "consent", required: true });
  const consentError = h("p", { class: "field-error", id: `${id}-consent-error` });
  consentError.hidden = true;
  consent.setAttribute("aria-describedby", consentError.id);
  errorSlots.set("consent", consentError);
  controls.set("consent", consent);

  const status = h("div", { class: "form-status", role: "alert" });
  status.hidden = true;
  const submit = h("button", { type: "submit", class: "action action-primary submit" }, "Send request");
  const heading = h("h3", { class: "view-title", id: `${id}-title`, tabindex: "-1" }, "Request a consultation");

  const form = h(
    "form",
    { class: "lead-form", novalidate: true, "aria-labelledby": heading.id },
    h("p", { class: "intro" }, `Leave your details and ${clinic} will contact you to find a time. Fields marked * are required.`),
    field("name", "Name *", name),
    field("email", "Email", email, "Give an email address or a phone number (or both)."),
    field("phone", "Phone", phone),
    field("preferredTime", "Preferred time to be contacted", time),
    field("reason", "Reason for your visit (optional)", reason, "A few words are enough. Please don't include health details or medical history."),
    counter,
    h(
      "div",
      { class: "field consent" },
      h("div", { class: "check" }, consent, h("label", { for: consent.id }, `I agree that ${clinic} may store these details and contact me about booking a consultation. *`)),
      consentError,
    ),
    status,
    submit,
  );

  const back = h("button", { type: "button", class: "back" }, icon("back"), "Back to chat");
  back.addEventListener("click", () => ctx.onBack());
  const element = h("section", { class: "view lead-view", "aria-labelledby": heading.id }, h("div", { class: "view-head" }, back), heading, form);

  // A message about a field goes away as soon as the patient changes that field.
  for (const [fieldName, control] of controls) {
    control.addEventListener(control instanceof HTMLInputElement && control.type === "checkbox" ? "change" : "input", () => {
      if (control.getAttribute("aria-invalid") !== "true") return;
      control.removeAttribute("aria-invalid");
      const slot = errorSlots.get(fieldName);
      if (slot) {
        slot.textContent = "";
        slot.hidden = true;
      }
    });
  }

  const read = (): LeadFields => ({
    name: name.value,
    email: email.value,
    phone: phone.value,
    preferredTime: time.value,
    reason: reason.value,
    consent: consent.checked,
  });

  function showErrors(errors: FieldErrors): void {
    for (const [fieldName, slot] of errorSlots) {
      const message = errors[fieldName];
      slot.textContent = message ?? "";
      slot.hidden = !message;
      const control = controls.get(fieldName);
      if (message) control?.setAttribute("aria-invalid", "true");
      else control?.removeAttribute("aria-invalid");
    }
  }

  function showStatus(...content: Array<Node | string>): void {
    status.replaceChildren(...content);
    status.hidden = content.length === 0;
  }

  function callLine(prefix: string): Array<Node | string> {
    if (!ctx.phone) return [`${prefix} Please call ${clinic} to book.`];
    return [`${prefix} Please call us at `, link(`tel:${ctx.phone.replace(/[^\d+]/g, "")}`, {}, ctx.phone), " to book."];
  }

  let pending = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (pending) return; // A double click submits once.
    const checked = validateLead(read(), ctx.sessionId());
    if (!checked.ok) {
      showErrors(checked.errors);
      showStatus();
      const first = [...controls.entries()].find(([f]) => checked.errors[f]);
      first?.[1].focus();
      return;
    }
    showErrors({});
    showStatus();
    pending = true;
    submit.disabled = true;
    submit.setAttribute("aria-busy", "true");
    submit.textContent = "Sending…";
    const result = await submitLead({ apiBase: ctx.apiBase, payload: checked.payload, idempotencyKey: keys.keyFor(checked.payload) });
    pending = false;
    submit.disabled = false;
    submit.removeAttribute("aria-busy");
    submit.textContent = "Send request";

    if (result.ok) {
      const how = checked.payload.email && checked.payload.phone ? "by email or phone" : checked.payload.email ? "by email" : "by phone";
      const done = h("h3", { class: "view-title", tabindex: "-1" }, "Request sent");
      const again = h("button", { type: "button", class: "action" }, "Back to chat");
      again.addEventListener("click", () => ctx.onBack());
      element.replaceChildren(
        h(
          "div",
          { class: "confirmation" },
          done,
          h("p", {}, `Thank you, ${checked.payload.name}. ${clinic} will contact you ${how} to arrange your consultation.`),
          again,
        ),
      );
      done.focus();
      ctx.announce("Your request was sent.");
      return;
    }
    showErrors(result.fieldErrors);
    if (result.kind === "network") showStatus(...callLine("We couldn't reach the clinic, so your request was not sent."));
    else showStatus(result.message);
    const firstInvalid = [...controls.entries()].find(([f]) => result.fieldErrors[f]);
    firstInvalid?.[1].focus();
  });

  return {
    element,
    focus: () => (element.isConnected && element.contains(heading) ? heading.focus() : element.querySelector<HTMLElement>(".view-title")?.focus()),
  };
}

