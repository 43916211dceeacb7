import { html, type HtmlValue, type SafeHtml } from './html.js';

/** The console's sections, in navigation order. */
export type ConsoleSection = 'overview' | 'preview' | 'journeys' | 'trace';

const SECTIONS: ReadonlyArray<{ readonly id: ConsoleSection; readonly href: string; readonly label: string }> = [
  { id: 'overview', href: '/console', label: 'Overview' },
  { id: 'preview', href: '/console/preview', label: 'Consent screen' },
  { id: 'journeys', href: '/console/journeys', label: 'Journeys' },
  { id: 'trace', href: '/console/trace', label: 'Decision trace' },
];

export interface PageOptions {
  readonly title: string;
  readonly section?: ConsoleSection;
  readonly body: HtmlValue;
}

/** A whole page: skip link, navigation, one <h1>, the body, and the stylesheet served by the console itself. */
export function page(options: PageOptions): SafeHtml {
  const navigation = SECTIONS.map(
    (section) =>
      html`<li><a href="${section.href}"${section.id === options.section ? html` aria-current="page"` : ''}>${section.label}</a></li>`,
  );
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Consent extensions console</title>
<link rel="stylesheet" href="/console/assets/console.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <p class="brand">Consent extensions console</p>
  <nav aria-label="Console"><ul>${navigation}</ul></nav>
</header>
<main id="main" tabindex="-1">
<h1>${options.title}</h1>
${options.body}
</main>
<footer class="site">Calls go to this service's own extension endpoints, as the identity server makes them. Credentials are never shown.</footer>
</body>
</html>
`;
}
