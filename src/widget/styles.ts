/**
 * The widget's stylesheet, scoped by the shadow root. `:host { all: initial }`
 * stops the page's inherited styles (fonts, colours, line heights) leaking in.
 * Colours arrive already validated by `parseColor`.
 */
import type { WidgetConfig } from "./config.js";

export function widgetCss(config: Pick<WidgetConfig, "primaryColor" | "primaryTextColor" | "position">): string {
  const side = config.position === "left" ? "left" : "right";
  return `
:host{all:initial;--cw-primary:${config.primaryColor};--cw-on-primary:${config.primaryTextColor};--cw-bg:#fff;--cw-text:#1f2933;--cw-muted:#52606d;--cw-line:#d9e2ec;--cw-soft:#f1f4f8;--cw-danger:#b42318;--cw-danger-soft:#fef3f2;--cw-notice:#3538cd;--cw-notice-soft:#eef4ff;--cw-focus:#1a73e8;position:fixed;z-index:2147483000;${side}:20px;bottom:20px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--cw-text)}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
button,input,select,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--cw-focus);outline-offset:2px}
.icon{width:20px;height:20px;flex:none}
.launcher{display:flex;align-items:center;gap:8px;max-width:min(320px,calc(100vw - 40px));min-height:52px;padding:0 20px 0 16px;border:0;border-radius:26px;background:var(--cw-primary);color:var(--cw-on-primary);font-weight:600;box-shadow:0 6px 20px rgba(15,23,42,.25);transition:transform .15s ease,box-shadow .15s ease}
.launcher:hover{transform:translateY(-1px);box-shadow:0 10px 24px rgba(15,23,42,.3)}
.launcher .label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.launcher .icon{width:24px;height:24px}
.panel{position:fixed;${side}:20px;bottom:88px;width:390px;height:min(640px,calc(100vh - 112px));display:flex;flex-direction:column;background:var(--cw-bg);border-radius:16px;box-shadow:0 18px 48px rgba(15,23,42,.28),0 0 0 1px rgba(15,23,42,.06);overflow:hidden;animation:cw-in .18s ease-out}
@keyframes cw-in{from{opacity:0;transform:translateY(12px)}to{opacity:1;transform:none}}
.head{display:flex;align-items:center;gap:12px;padding:14px 12px 14px 18px;background:var(--cw-primary);color:var(--cw-on-primary)}
.head-text{flex:1;min-width:0}
.title{margin:0;font-size:16px;font-weight:650;line-height:1.3;overflow-wrap:anywhere}
.subtitle{margin:2px 0 0;font-size:12.5px;opacity:.9}
.icon-button{display:inline-flex;align-items:center;justify-content:center;width:40px;height:40px;border:0;border-radius:50%;background:transparent;color:inherit}
.icon-button:hover{background:rgba(255,255,255,.16)}
.body{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:16px 14px 8px;display:flex;flex-direction:column}
.log{display:flex;flex-direction:column;gap:14px}
.msg{display:flex;flex-direction:column;max-width:92%}
.msg-user{align-self:flex-end;align-items:flex-end}
.msg-assistant{align-self:flex-start}
.bubble{padding:10px 13px;border-radius:14px;background:var(--cw-soft);overflow-wrap:anywhere}
.msg-user .bubble{background:var(--cw-primary);color:var(--cw-on-primary);border-bottom-right-radius:4px}
.msg-assistant .bubble{border-bottom-left-radius:4px}
.text{margin:0;white-space:pre-wrap}
.cite{white-space:nowrap}
.chip{display:inline-flex;align-items:center;justify-content:center;min-width:22px;height:22px;padding:0 6px;margin:0 1px;border:1px solid var(--cw-primary);border-radius:11px;background:var(--cw-bg);color:var(--cw-primary);font-size:12px;font-weight:700;line-height:1;vertical-align:2px}
.chip[aria-expanded=true]{background:var(--cw-primary);color:var(--cw-on-primary)}
.more-sources{margin:8px 0 0;font-size:13px;color:var(--cw-muted)}
.sources:empty{display:none}
.source{margin-top:10px;padding:10px 12px;border-left:3px solid var(--cw-primary);border-radius:6px;background:var(--cw-bg);font-size:13.5px}
.source-title{margin:0 0 6px;font-weight:650;display:flex;gap:6px;align-items:baseline}
.source-n{flex:none;font-size:11px;color:var(--cw-muted)}
.source-quote{margin:0;white-space:pre-wrap;color:var(--cw-text);font-style:italic}
.source-link{display:inline-block;margin-top:8px;color:var(--cw-primary);font-weight:600}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
.action{display:inline-flex;align-items:center;justify-content:center;gap:6px;min-height:40px;padding:8px 14px;border:1.5px solid var(--cw-primary);border-radius:20px;background:var(--cw-bg);color:var(--cw-primary);font-size:14px;font-weight:600;text-decoration:none;line-height:1.2}
.action:hover{background:var(--cw-soft)}
.action-primary{background:var(--cw-primary);color:var(--cw-on-primary)}
.action-primary:hover{background:var(--cw-primary);filter:brightness(1.08)}
.action:disabled{opacity:.6;cursor:progress}
.action .icon{width:18px;height:18px}
.disclaimer{margin:6px 2px 0;font-size:12px;line-height:1.4;color:var(--cw-muted)}
.msg-emergency{max-width:100%;padding:12px;border:2px solid var(--cw-danger);border-radius:14px;background:var(--cw-danger-soft)}
.msg-emergency .bubble{background:transparent;padding:8px 0 0}
.msg-emergency .actions{margin:0}
.emergency-title{display:flex;align-items:center;gap:6px;margin:0 0 10px;color:var(--cw-danger);font-weight:700}
.action-urgent{border-color:var(--cw-danger);background:var(--cw-danger);color:#fff;font-size:15px}
.action-urgent:hover{background:#912018}
.notice{margin:0 0 8px;padding:10px 12px;border:1.5px solid var(--cw-notice);border-radius:12px;background:var(--cw-notice-soft);color:var(--cw-text)}
.notice-text{margin:0 0 8px;font-size:14px}
.notice .actions{margin:0}
.action-notice{border-color:var(--cw-notice);background:var(--cw-notice);color:#fff}
.action-notice:hover{background:var(--cw-notice);filter:brightness(1.1)}
.error{align-self:stretch;display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding:10px 12px;border-radius:10px;background:var(--cw-danger-soft);color:var(--cw-danger);font-size:14px}
.error p{margin:0;flex:1 1 180px}
.suggestions{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0 4px;padding:0;list-style:none}
.suggestion{padding:8px 12px;border:1px solid var(--cw-line);border-radius:16px;background:var(--cw-bg);color:var(--cw-text);font-size:13.5px;text-align:left}
.suggestion:hover{border-color:var(--cw-primary);color:var(--cw-primary)}
.typing .bubble{display:flex;gap:4px;padding:14px}
.dot{width:7px;height:7px;border-radius:50%;background:var(--cw-muted);animation:cw-dot 1s infinite ease-in-out}
.dot:nth-child(3){animation-delay:.15s}.dot:nth-child(4){animation-delay:.3s}
@keyframes cw-dot{0%,80%,100%{opacity:.3}40%{opacity:1}}
.composer{display:flex;gap:8px;align-items:flex-end;padding:10px 12px 6px;border-top:1px solid var(--cw-line)}
.composer textarea{flex:1;min-height:44px;max-height:140px;padding:11px 12px;border:1px solid #9aa5b1;border-radius:12px;resize:none;background:var(--cw-bg);line-height:1.4}
.composer textarea:focus-visible{outline-offset:0}
.send{display:inline-flex;align-items:center;justify-content:center;width:44px;height:44px;border:0;border-radius:50%;background:var(--cw-primary);color:var(--cw-on-primary)}
.send:disabled{opacity:.5;cursor:default}
.note{margin:0;padding:0 14px 10px;font-size:11.5px;color:var(--cw-muted)}
.view{padding:4px 4px 12px}
.view-head{margin-bottom:4px}
.back{display:inline-flex;align-items:center;gap:6px;padding:6px 8px 6px 4px;border:0;background:transparent;color:var(--cw-primary);font-weight:600;font-size:14px}
.view-title{margin:4px 0 8px;font-size:17px}
.view-title:focus{outline:none}
.intro{margin:0 0 12px;color:var(--cw-muted);font-size:14px}
.field{display:flex;flex-direction:column;gap:4px;margin-bottom:12px}
.field label{font-weight:600;font-size:14px}
.field input,.field select,.field textarea{width:100%;min-height:42px;padding:9px 11px;border:1px solid #9aa5b1;border-radius:8px;background:var(--cw-bg)}
.field textarea{resize:vertical}
.field [aria-invalid=true]{border-color:var(--cw-danger);box-shadow:0 0 0 1px var(--cw-danger)}
.hint{margin:0;font-size:12.5px;color:var(--cw-muted)}
.counter{margin:-8px 0 12px;text-align:right;font-size:12px;color:var(--cw-muted)}
.field-error{margin:0;font-size:13px;color:var(--cw-danger);font-weight:600}
.check{display:flex;gap:10px;align-items:flex-start}
.check input{flex:none;width:20px;height:20px;min-height:0;margin:2px 0 0;accent-color:var(--cw-primary)}
.check label{font-weight:400}
.form-status{margin:0 0 12px;padding:10px 12px;border-radius:8px;background:var(--cw-danger-soft);color:var(--cw-danger);font-size:14px}
.form-status a{color:inherit;font-weight:700}
.submit{width:100%}
.confirmation{padding:12px 4px}
.confirmation p{margin:0 0 16px}
@media (max-width:480px){
:host{${side}:12px;bottom:12px}
.panel{inset:0;width:auto;height:auto;border-radius:0}
.launcher.open{display:none}
}
@media (prefers-reduced-motion:reduce){
*,*::before,*::after{animation:none!important;transition:none!important}
}
@media (forced-colors:active){
.chip,.action,.launcher,.send{border:1px solid ButtonText}
}
`;
}
