/**
 * The console's stylesheet, served by the console itself at /console/assets/console.css (no CDN, no file to copy at
 * build time: the library's assets/ folder is for vendored upstream files only).
 */
export const CONSOLE_STYLESHEET = `/* The integrator console: plain, readable, keyboard-friendly. Every colour pair meets WCAG AA (4.5:1) or better. */
:root {
  --text: #1f2328;
  --muted: #57606a;
  --line: #d0d7de;
  --panel: #f6f8fa;
  --link: #0550ae;
  --focus: #0969da;
  --ok: #116329;
  --bad: #a40e26;
  --warn-bg: #fff8c5;
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible, main:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px;
}
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: 1rem; }
header.site { border-bottom: 1px solid var(--line); padding: .75rem 1.5rem; display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: baseline; }
header.site .brand { font-weight: 700; margin: 0; }
header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1.25rem; margin: 0; padding: 0; }
header.site nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
main { max-width: 78rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.75rem; margin-top: 0; }
h2 { font-size: 1.3rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem 1.5rem; font-size: .9rem; }
.lead { color: var(--muted); max-width: 60rem; }

form.tool { display: grid; gap: 1rem; max-width: 60rem; }
.field { display: grid; gap: .25rem; }
.field label, legend { font-weight: 600; }
.hint { color: var(--muted); font-size: .9rem; margin: 0; }
input[type="text"], input[type="search"], select, textarea { font: inherit; padding: .45rem .6rem; border: 1px solid #6e7781; border-radius: 6px; background: #fff; color: var(--text); }
textarea { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9rem; min-height: 12rem; }
textarea.short { min-height: 5rem; }
fieldset { border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; }
.row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; }
button { font: inherit; font-weight: 600; padding: .5rem 1.1rem; border-radius: 6px; border: 1px solid #6e7781; background: #fff; color: var(--text); cursor: pointer; }
button.primary { background: var(--ok); border-color: var(--ok); color: #fff; }
button.danger { background: var(--bad); border-color: var(--bad); color: #fff; }

.status-passed, .ok { color: var(--ok); font-weight: 700; }
.status-failed, .bad { color: var(--bad); font-weight: 700; }
.status-skipped { color: var(--muted); font-weight: 700; }
.notice { background: var(--warn-bg); border: 1px solid #d4a72c; border-radius: 6px; padding: .75rem 1rem; }
.error-box { border: 2px solid var(--bad); border-radius: 6px; padding: .75rem 1rem; }

table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
thead th { background: var(--panel); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88rem; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
details { margin: .4rem 0; }
summary { cursor: pointer; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }

/* The consent page, drawn the way the identity server's consent web app draws it. */
.consent-page { max-width: 40rem; border: 1px solid var(--line); border-radius: 10px; padding: 1.25rem 1.5rem; box-shadow: 0 1px 3px rgba(31, 35, 40, .12); background: #fff; }
.consent-page h2 { margin-top: 0; }
.consent-page .box { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; margin: .6rem 0; }
.consent-page .box h3 { margin: .2rem 0; font-size: 1rem; }
.consent-page ul { margin: .3rem 0; }
.consent-page .accounts { list-style: none; padding-left: 0; }
.consent-page .accounts li { margin: .25rem 0; }
.consent-page .actions { display: flex; gap: 1rem; margin-top: 1rem; }
.consent-page .reauth { background: var(--warn-bg); border-radius: 6px; padding: .5rem .8rem; }
.exchange { border-left: 4px solid var(--line); padding-left: 1rem; margin: 1rem 0; }
.exchange.verdict-bad { border-left-color: var(--bad); }
.exchange.verdict-ok { border-left-color: var(--ok); }
.two-columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; }
@media (max-width: 60rem) { .two-columns { grid-template-columns: minmax(0, 1fr); } }
`;
